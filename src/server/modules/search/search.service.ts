import type { SearchHit, SearchResult } from '../../../shared/contracts/search.contract.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { maskPhone, visibleCustomersWhere } from '../customers/index.js';
import { leads } from '../leads/leads.schema.js';
import { searchContacts, searchCustomers, searchLeads, type HitRow } from './search.repository.js';
import { planSearch } from './search.rules.js';

/**
 * The search box (domain §16): customers, contacts and leads by name fragment, pinyin initials, full
 * pinyin, phone fragment or credit code — only what the caller may see (contacts through their
 * customer, leads by owner), with phones masked for roles without the phone permission.
 */
export async function search(ctx: CommandContext, q: { q: string; limit: number }): Promise<SearchResult> {
  const plan = planSearch(q.q);
  if (!plan.term && !plan.phoneDigits && !plan.creditCode) return { customers: [], contacts: [], leads: [] };
  const canSeePhone = ctx.actor.permissions.has('customer:read_phone');
  const toHit = (r: HitRow): SearchHit => ({ ...r, phone: canSeePhone ? r.phone : maskPhone(r.phone) });
  const ws = ctx.workspace.id;
  // the three kinds are independent: on PostgreSQL's pool they run side by side (a two-character term can
  // cost tens of milliseconds per kind at scale L), on PGlite one after the other
  const customerSide = async (): Promise<Pick<SearchResult, 'customers' | 'contacts'>> => {
    if (!ctx.actor.permissions.has('customer:read')) return { customers: [], contacts: [] };
    const visible = await visibleCustomersWhere(ctx.db, ctx);
    const [customers, contacts] = await Promise.all([
      searchCustomers(ctx.db, ws, visible, plan, q.limit), searchContacts(ctx.db, ws, visible, plan, q.limit),
    ]);
    return { customers: customers.map(toHit), contacts: contacts.map(toHit) };
  };
  const leadSide = async (): Promise<SearchHit[]> => {
    if (!ctx.actor.permissions.has('lead:read')) return [];
    const visible = visibleTo(await visibleOwners(ctx.db, ctx), leads.ownerId);
    return (await searchLeads(ctx.db, ws, visible, plan, q.limit)).map(toHit);
  };
  const [{ customers, contacts }, leadHits] = await Promise.all([customerSide(), leadSide()]);
  return { customers, contacts, leads: leadHits };
}
