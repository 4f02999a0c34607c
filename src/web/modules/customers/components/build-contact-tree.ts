export interface ReportingRecord {
  id: string;
  reportsToId: string | null;
}

export interface ContactTreeNode<T extends ReportingRecord> {
  contact: T;
  children: ContactTreeNode<T>[];
}

/**
 * The customer's org chart from each contact's reports-to. Contacts whose manager is missing (not
 * loaded, another customer) are roots; a reporting loop (the server refuses new ones, old data may
 * hold one) is broken at the first member met, so every contact appears exactly once.
 */
export function buildContactTree<T extends ReportingRecord>(contacts: readonly T[]): ContactTreeNode<T>[] {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const childrenOf = new Map<string, T[]>();
  const roots: T[] = [];
  for (const contact of contacts) {
    const managerId = contact.reportsToId;
    if (managerId && managerId !== contact.id && byId.has(managerId)) {
      childrenOf.set(managerId, [...(childrenOf.get(managerId) ?? []), contact]);
    } else {
      roots.push(contact);
    }
  }
  const placed = new Set<string>();
  const grow = (contact: T): ContactTreeNode<T> => {
    placed.add(contact.id);
    const children = (childrenOf.get(contact.id) ?? []).filter((c) => !placed.has(c.id)).map(grow);
    return { contact, children };
  };
  const tree = roots.map(grow);
  for (const contact of contacts) {
    if (!placed.has(contact.id)) tree.push(grow(contact));
  }
  return tree;
}

/** Everyone below a contact: the people it cannot report to. */
export function reportsBelow(contacts: readonly ReportingRecord[], contactId: string): Set<string> {
  const below = new Set([contactId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const c of contacts) {
      if (c.reportsToId && below.has(c.reportsToId) && !below.has(c.id)) {
        below.add(c.id);
        grew = true;
      }
    }
  }
  return below;
}
