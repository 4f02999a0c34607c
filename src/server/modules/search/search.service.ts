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
  const empty: SearchResult = { customers: [], contacts: [], leads: [] };
  if (!plan.term && !plan.phoneDigits && !plan.creditCode) return empty;
  const canSeePhone = ctx.actor.permissions.has('customer:read_phone');
  const toHit = (r: HitRow): SearchHit => ({ ...r, phone: canSeePhone ? r.phone : maskPhone(r.phone) });
  const ws = ctx.workspace.id;
  const result = { ...empty };
  if (ctx.actor.permissions.has('customer:read')) {
    const visible = await visibleCustomersWhere(ctx.db, ctx);
    result.customers = (await searchCustomers(ctx.db, ws, visible, plan, q.limit)).map(toHit);
    result.contacts = (await searchContacts(ctx.db, ws, visible, plan, q.limit)).map(toHit);
  }
  if (ctx.actor.permissions.has('lead:read')) {
    const visible = visibleTo(await visibleOwners(ctx.db, ctx), leads.ownerId);
    result.leads = (await searchLeads(ctx.db, ws, visible, plan, q.limit)).map(toHit);
  }
  return result;
}
