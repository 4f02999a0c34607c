import type { SearchHit } from '../api';

export type SearchGroup = 'customers' | 'contacts' | 'leads';

/** Where a result opens: a customer's page, a contact's customer on its contacts tab, a lead's page. */
export function linkOf(group: SearchGroup, hit: SearchHit): string {
  if (group === 'customers') return `/customers/${hit.id}`;
  if (group === 'contacts') return `/customers/${hit.customerId}?tab=contacts`;
  return `/leads/${hit.id}`;
}
