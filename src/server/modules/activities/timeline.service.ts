import type { TimelineEntry } from '../../../shared/contracts/activities.contract.js';
import { notFound } from '../../../shared/errors.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { CommandContext } from '../../platform/http/context.js';
import { pageFrom } from '../../platform/http/pagination.js';
import { customerAccess } from '../customers/index.js';
import { timelineRows, type TimelineRow } from './activities.repository.js';
import { opportunityVisible, pairCursor } from './activities.service.js';

type TimelineQuery = { limit: number; cursor?: string; kind?: TimelineEntry['kind'] };

const toEntry = (r: TimelineRow): TimelineEntry => ({
  kind: r.kind, id: r.id, at: r.at, title: r.title, detail: r.detail, type: r.type, status: r.status,
  userId: r.user_id, userName: r.user_name, customerId: r.customer_id, opportunityId: r.opportunity_id,
});

async function page(ctx: CommandContext, of: { customerId: string } | { opportunityId: string }, q: TimelineQuery) {
  const rows = await timelineRows(ctx.db, {
    workspaceId: ctx.workspace.id, timeZone: ctx.workspace.timeZone, actorId: ctx.actor.id, owners: await visibleOwners(ctx.db, ctx),
    of, kind: q.kind, after: pairCursor(q.cursor), limit: q.limit,
  });
  const result = pageFrom(rows, q.limit, (r) => [r.at, r.id]);
  return { items: result.items.map(toEntry), nextCursor: result.nextCursor };
}

/**
 * A customer's history, newest first: activities, call reports and tasks — each as the caller's data
 * scope lets them see it (a rep sees their own, a manager their team's). 404 when the customer is not visible.
 */
export async function customerTimeline(ctx: CommandContext, customerId: string, q: TimelineQuery) {
  if (!(await customerAccess(ctx.db, ctx, customerId))) throw notFound('customer');
  return page(ctx, { customerId }, q);
}

/** An opportunity's history: its activities, call reports, tasks and stage changes. */
export async function opportunityTimeline(ctx: CommandContext, opportunityId: string, q: TimelineQuery) {
  if (!(await opportunityVisible(ctx.db, ctx, opportunityId))) throw notFound('opportunity');
  return page(ctx, { opportunityId }, q);
}
