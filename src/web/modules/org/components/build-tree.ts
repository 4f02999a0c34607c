export interface TreeRecord {
  id: string;
  parentId: string | null;
  name: string;
}

export interface TreeNode<T extends TreeRecord> {
  record: T;
  children: TreeNode<T>[];
}

/** Nests a flat list by parent id; records whose parent is missing become roots. */
export function buildTree<T extends TreeRecord>(records: readonly T[]): TreeNode<T>[] {
  const nodes = new Map(records.map((r) => [r.id, { record: r, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.record.parentId ? nodes.get(node.record.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A record and everything below it: the places it cannot be moved under. */
export function subtreeIds(records: readonly TreeRecord[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of records) {
      if (r.parentId && ids.has(r.parentId) && !ids.has(r.id)) {
        ids.add(r.id);
        grew = true;
      }
    }
  }
  return ids;
}

export interface TreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeSelectNode[];
}

/** Tree data for an antd TreeSelect, with some nodes (e.g. a subtree) disabled. */
export function toTreeSelectData<T extends TreeRecord>(nodes: TreeNode<T>[], disabledIds: Set<string> = new Set()): TreeSelectNode[] {
  return nodes.map((n) => ({
    value: n.record.id,
    title: n.record.name,
    disabled: disabledIds.has(n.record.id),
    children: toTreeSelectData(n.children, disabledIds),
  }));
}
