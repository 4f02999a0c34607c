import { and, asc, desc, eq, getTableColumns, ilike, inArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { IsoDate } from '../../../shared/dates.js';
import { toUuidArray } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import type { VisibleOwners } from '../../platform/http/context.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { searchTermOf } from '../../platform/search/search-keys.rules.js';
import { contracts } from '../contracts/contracts.schema.js';
import { contacts, customers } from '../customers/customers.schema.js';
import {
  bids, initiationReports, opportunities, opportunityCollaborators, opportunityContacts, opportunityStageHistory, pipelineStages,
} from './opportunities.schema.js';
import { escapeLike } from '../../platform/search/search-text.sql.js';

export type OpportunityRow = typeof opportunities.$inferSelect;
export type OpportunityListRow = OpportunityRow & { customerName: string; stageName: string; funnelCategory: string; ownerName: string | null };

const listColumns = {
  ...getTableColumns(opportunities), customerName: customers.name, stageName: pipelineStages.name,
  funnelCategory: pipelineStages.funnelCategory, ownerName: users.name,
};

/** select … from opportunities joined to customer, stage and owner (names for the DTO). */
function selectOpportunities(db: Executor) {
  return db.select(listColumns).from(opportunities)
    .innerJoin(customers, and(eq(customers.workspaceId, opportunities.workspaceId), eq(customers.id, opportunities.customerId)))
    .innerJoin(pipelineStages, and(eq(pipelineStages.workspaceId, opportunities.workspaceId), eq(pipelineStages.id, opportunities.stageId)))
    .leftJoin(users, and(eq(users.workspaceId, opportunities.workspaceId), eq(users.id, opportunities.ownerId)));
}

/**
 * The opportunities the caller sees as one WHERE fragment: owner within their data scope, or one of the
 * opportunities they collaborate on (`activeOpportunityCollaborations`, read beforehand).
 */
export function visibleOpportunities(
  owners: VisibleOwners, collaboratingOn: string[],
  /** the columns holding the opportunity's id and owner (default: the `opportunities` table's; the stage history carries both) */
  columns: { id: SQL | AnyColumn; ownerId: SQL | AnyColumn } = { id: opportunities.id, ownerId: opportunities.ownerId },
): SQL {
  if (owners.kind === 'all') return sql`true`;
  // Collaborations as a literal array read beforehand: with none (most reps) the planner sees a plain owner
  // condition instead of guessing the size of a sub-select. One owner (a rep) is a plain equality, so the
  // (workspace_id, owner_id, id) index also gives the list its order (an `= ANY(…)` scan cannot).
  const viaOwner = owners.ids.length === 1 ? sql`${columns.ownerId} = ${owners.ids[0]}::uuid`
    : owners.ids.length > 1 ? sql`${columns.ownerId} = ANY(${toUuidArray(owners.ids)})` : null;
  const viaCollaboration = collaboratingOn.length > 0 ? sql`${columns.id} = ANY(${toUuidArray(collaboratingOn)})` : null;
  if (viaOwner && viaCollaboration) return or(viaOwner, viaCollaboration)!;
  return viaOwner ?? viaCollaboration ?? sql`false`;
}

/** The opportunities the user collaborates on today (unexpired shares). */
export async function activeOpportunityCollaborations(db: Executor, workspaceId: string, userId: string, today: IsoDate): Promise<string[]> {
  const rows = await db.select({ id: opportunityCollaborators.opportunityId }).from(opportunityCollaborators).where(and(
    eq(opportunityCollaborators.workspaceId, workspaceId), eq(opportunityCollaborators.userId, userId),
    sql`(${opportunityCollaborators.expiresOn} is null or ${opportunityCollaborators.expiresOn} >= ${today}::date)`,
  ));
  return rows.map((r) => r.id);
}

export async function findOpportunity(db: Executor, workspaceId: string, id: string): Promise<OpportunityListRow | null> {
  const [row] = await selectOpportunities(db).where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id)));
  return row ?? null;
}

/** Locks the opportunity row for the rest of the transaction (concurrent moves queue here). */
export async function lockOpportunity(db: Executor, workspaceId: string, id: string): Promise<OpportunityRow | null> {
  const [row] = await db.select().from(opportunities).where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.id, id))).for('update');
  return row ?? null;
}

export async function findCollaboration(db: Executor, workspaceId: string, opportunityId: string, userId: string, today: IsoDate) {
  const [row] = await db.select().from(opportunityCollaborators).where(and(
    eq(opportunityCollaborators.workspaceId, workspaceId), eq(opportunityCollaborators.opportunityId, opportunityId), eq(opportunityCollaborators.userId, userId),
    sql`(${opportunityCollaborators.expiresOn} is null or ${opportunityCollaborators.expiresOn} >= ${today}::date)`,
  ));
  return row ?? null;
}

export interface OpportunityFilters {
  pipelineId?: string; stageId?: string; status?: string; funnelCategory?: string; ownerId?: string; departmentId?: string;
  customerId?: string; closeFrom?: IsoDate; closeTo?: IsoDate; closedFrom?: IsoDate; closedTo?: IsoDate; q?: string;
  /** department subtree: the department (with its `workspaceId`) and every department under it */
  orgNode?: { workspaceId: string; id: string };
  /** best few, open, expected close date missing or after this date */
  bestFewUndatedAfter?: IsoDate;
}


/** WHERE fragments of the list filters. */
export function opportunityFilterConditions(f: OpportunityFilters): SQL[] {
  const c: SQL[] = [];
  if (f.pipelineId) c.push(eq(opportunities.pipelineId, f.pipelineId));
  if (f.stageId) c.push(eq(opportunities.stageId, f.stageId));
  if (f.status) c.push(eq(opportunities.status, f.status));
  if (f.funnelCategory) c.push(eq(pipelineStages.funnelCategory, f.funnelCategory));
  if (f.ownerId) c.push(eq(opportunities.ownerId, f.ownerId));
  if (f.departmentId) c.push(eq(opportunities.departmentId, f.departmentId));
  if (f.customerId) c.push(eq(opportunities.customerId, f.customerId));
  if (f.closeFrom) c.push(sql`${opportunities.expectedCloseDate} >= ${f.closeFrom}::date`);
  if (f.closeTo) c.push(sql`${opportunities.expectedCloseDate} <= ${f.closeTo}::date`);
  if (f.closedFrom) c.push(sql`${opportunities.closedOn} >= ${f.closedFrom}::date`);
  if (f.closedTo) c.push(sql`${opportunities.closedOn} <= ${f.closedTo}::date`);
  if (f.orgNode) {
    c.push(sql`${opportunities.departmentId} in (select d.id from ${departments} d where d.workspace_id = ${f.orgNode.workspaceId}
      and d.path like (select n.path from ${departments} n where n.workspace_id = ${f.orgNode.workspaceId} and n.id = ${f.orgNode.id}) || '%')`);
  }
  if (f.bestFewUndatedAfter) {
    c.push(eq(opportunities.status, 'open'), eq(pipelineStages.funnelCategory, 'best_few'),
      sql`(${opportunities.expectedCloseDate} is null or ${opportunities.expectedCloseDate} > ${f.bestFewUndatedAfter}::date)`);
  }
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    const term = searchTermOf(f.q);
    const byKeys = term ? [sql`${opportunities.searchText} LIKE ${`%${escapeLike(term)}%`}`] : [];
    c.push(or(ilike(opportunities.name, like), ilike(opportunities.number, like), ilike(customers.name, like), ...byKeys)!);
  }
  return c;
}

export type OpportunitySort = 'newest' | 'amount' | 'closeDate' | 'updated';

const FAR_FUTURE = '9999-12-31';

/** The sort key of a row as the cursor stores it. */
export function sortKeyOf(row: OpportunityRow, sort: OpportunitySort): (string | number)[] {
  switch (sort) {
    case 'newest': return [row.id];
    case 'amount': return [row.amount, row.id];
    case 'closeDate': return [row.expectedCloseDate ?? FAR_FUTURE, row.id];
    case 'updated': return [row.updatedAt.toISOString(), row.id];
  }
}

/** One page (limit + 1 rows), keyset-paged on (sort value, id). */
export async function listOpportunityRows(db: Executor, p: { workspaceId: string; where: SQL[]; sort: OpportunitySort; after?: (string | number)[]; limit: number }) {
  const conditions = [eq(opportunities.workspaceId, p.workspaceId), ...p.where];
  const closeKey = sql`coalesce(${opportunities.expectedCloseDate}, ${FAR_FUTURE}::date)`;
  let order: SQL[];
  switch (p.sort) {
    case 'newest':
      if (p.after) conditions.push(sql`${opportunities.id} < ${p.after[0]}`);
      order = [desc(opportunities.id)];
      break;
    case 'amount':
      if (p.after) conditions.push(sql`(${opportunities.amount}, ${opportunities.id}) < (${p.after[0]}::numeric, ${p.after[1]}::uuid)`);
      order = [desc(opportunities.amount), desc(opportunities.id)];
      break;
    case 'closeDate':
      if (p.after) conditions.push(sql`(${closeKey}, ${opportunities.id}) > (${p.after[0]}::date, ${p.after[1]}::uuid)`);
      order = [asc(closeKey), asc(opportunities.id)];
      break;
    case 'updated':
      if (p.after) conditions.push(sql`(${opportunities.updatedAt}, ${opportunities.id}) < (${p.after[0]}::timestamptz, ${p.after[1]}::uuid)`);
      order = [desc(opportunities.updatedAt), desc(opportunities.id)];
      break;
  }
  return selectOpportunities(db).where(and(...conditions)).orderBy(...order).limit(p.limit + 1);
}

/**
 * Kanban column totals of one pipeline in one aggregate query: count, amount and weighted amount
 * (each row's amount × probability rounded to cents, then summed) of the open opportunities in scope.
 */
export async function kanbanTotals(db: Executor, workspaceId: string, pipelineId: string, where: SQL[]) {
  const rows = await db.select({
    stageId: opportunities.stageId,
    count: sql<number>`count(*)::int`,
    amount: sql<string>`coalesce(sum(${opportunities.amount}), 0)::numeric(18,2)::text`,
    weighted: sql<string>`coalesce(sum(round(${opportunities.amount} * ${opportunities.probability} / 100, 2)), 0)::numeric(18,2)::text`,
  }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.pipelineId, pipelineId), eq(opportunities.status, 'open'), ...where))
    .groupBy(opportunities.stageId);
  return new Map(rows.map((r) => [r.stageId, { count: Number(r.count), amount: r.amount, weighted: r.weighted }]));
}

/**
 * The first `perColumn` cards of each stage (most recently updated first): one limited walk of
 * `opportunities_kanban_idx` per stage, so a column reads its cards and not the pipeline's open opportunities.
 */
export async function kanbanCards(db: Executor, workspaceId: string, pipelineId: string, stageIds: string[], where: SQL[], perColumn: number): Promise<OpportunityListRow[]> {
  if (perColumn <= 0 || stageIds.length === 0) return [];
  const firstOfStage = (stageId: string) => db.select({ id: opportunities.id }).from(opportunities)
    .where(and(eq(opportunities.workspaceId, workspaceId), eq(opportunities.pipelineId, pipelineId), eq(opportunities.stageId, stageId), eq(opportunities.status, 'open'), ...where))
    .orderBy(desc(opportunities.updatedAt), desc(opportunities.id))
    .limit(perColumn);
  const firstIds = sql.join(stageIds.map((stageId) => sql`(${firstOfStage(stageId)})`), sql` union all `);
  return selectOpportunities(db)
    .where(and(eq(opportunities.workspaceId, workspaceId), sql`${opportunities.id} in (${firstIds})`))
    .orderBy(desc(opportunities.updatedAt), desc(opportunities.id));
}

/** Approval evidence for the stage gates: the status of the opportunity's initiation report and bid. */
export async function loadGateEvidence(db: Executor, workspaceId: string, opportunityId: string) {
  const [report] = await db.select({ status: initiationReports.status }).from(initiationReports)
    .where(and(eq(initiationReports.workspaceId, workspaceId), eq(initiationReports.opportunityId, opportunityId)));
  const [bid] = await db.select({ status: bids.status }).from(bids)
    .where(and(eq(bids.workspaceId, workspaceId), eq(bids.opportunityId, opportunityId)));
  return { initiation_report: report?.status ?? null, bid_price: bid?.status ?? null };
}

export async function contactsOf(db: Executor, workspaceId: string, opportunityId: string) {
  return db.select({ contactId: opportunityContacts.contactId, buyingRole: opportunityContacts.buyingRole, name: contacts.name, title: contacts.title })
    .from(opportunityContacts)
    .innerJoin(contacts, and(eq(contacts.workspaceId, opportunityContacts.workspaceId), eq(contacts.id, opportunityContacts.contactId)))
    .where(and(eq(opportunityContacts.workspaceId, workspaceId), eq(opportunityContacts.opportunityId, opportunityId)))
    .orderBy(asc(contacts.name));
}

export async function collaboratorsOf(db: Executor, workspaceId: string, opportunityId: string) {
  return db.select({ userId: opportunityCollaborators.userId, access: opportunityCollaborators.access, expiresOn: opportunityCollaborators.expiresOn, name: users.name })
    .from(opportunityCollaborators)
    .innerJoin(users, and(eq(users.workspaceId, opportunityCollaborators.workspaceId), eq(users.id, opportunityCollaborators.userId)))
    .where(and(eq(opportunityCollaborators.workspaceId, workspaceId), eq(opportunityCollaborators.opportunityId, opportunityId)))
    .orderBy(asc(users.name));
}

/** Contacts (of the given ids) that belong to the customer. */
export async function contactIdsOfCustomer(db: Executor, workspaceId: string, customerId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: contacts.id }).from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.customerId, customerId), inArray(contacts.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function countContacts(db: Executor, workspaceId: string, opportunityId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(opportunityContacts)
    .where(and(eq(opportunityContacts.workspaceId, workspaceId), eq(opportunityContacts.opportunityId, opportunityId)));
  return Number(row?.n ?? 0);
}

const fromStage = alias(pipelineStages, 'from_stage');
const toStage = alias(pipelineStages, 'to_stage');

/** Stage history of an opportunity, oldest first, with stage and actor names. */
export async function historyOf(db: Executor, workspaceId: string, opportunityId: string) {
  return db.select({
    ...getTableColumns(opportunityStageHistory), fromStageName: fromStage.name, toStageName: toStage.name, actorName: users.name,
  }).from(opportunityStageHistory)
    .leftJoin(fromStage, and(eq(fromStage.workspaceId, opportunityStageHistory.workspaceId), eq(fromStage.id, opportunityStageHistory.fromStageId)))
    .leftJoin(toStage, and(eq(toStage.workspaceId, opportunityStageHistory.workspaceId), eq(toStage.id, opportunityStageHistory.toStageId)))
    .leftJoin(users, and(eq(users.workspaceId, opportunityStageHistory.workspaceId), eq(users.id, opportunityStageHistory.actorId)))
    .where(and(eq(opportunityStageHistory.workspaceId, workspaceId), eq(opportunityStageHistory.opportunityId, opportunityId)))
    .orderBy(asc(opportunityStageHistory.at), asc(opportunityStageHistory.id));
}

/** Which history rows `refreshStageFlowColumns` recomputes: one opportunity's, one pipeline's or a whole workspace's. */
export type StageFlowRefresh = { opportunityId: string } | { pipelineId: string } | 'workspace';

/**
 * Recomputes the stage history's derived columns (see `opportunityStageHistory`) from the opportunity
 * (pipeline, owner, department) and the stages (position) as they are now, set-based, writing only
 * the rows that change. Every window is per opportunity, so a subset of opportunities is exact. Called
 * after every history row written (a few rows), after an owner change, after a pipeline's stages are
 * reordered or removed (that pipeline's rows) and after bulk loads (demo, bench). Migration 0033 ran the
 * same statement over every row.
 */
export async function refreshStageFlowColumns(db: Executor, workspaceId: string, which: StageFlowRefresh): Promise<void> {
  const only = which === 'workspace' ? sql`true`
    : 'opportunityId' in which ? sql`o.id = ${which.opportunityId}` : sql`o.pipeline_id = ${which.pipelineId}`;
  const h = opportunityStageHistory;
  await db.execute(sql`
    update ${h} h
    set pipeline_id = d.pipeline_id, owner_id = d.owner_id, department_id = d.department_id, position = d.position,
        reached_later = d.reached_later, prev_entry_at = d.prev_entry_at
    from (
      select x.workspace_id, x.id, o.pipeline_id, o.owner_id, o.department_id, st.position,
             max(st.position) over (partition by x.opportunity_id order by x.at desc) as reached_later,
             case when x.to_stage_id is not null
               then lag(x.at) over (partition by x.opportunity_id, x.to_stage_id order by x.at, x.id) end as prev_entry_at
      from ${h} x
      join ${opportunities} o on o.workspace_id = x.workspace_id and o.id = x.opportunity_id
      left join ${pipelineStages} st on st.workspace_id = x.workspace_id and st.id = x.to_stage_id
      where x.workspace_id = ${workspaceId} and o.workspace_id = ${workspaceId} and ${only}
    ) d
    where h.workspace_id = d.workspace_id and h.id = d.id
      and (h.pipeline_id, h.owner_id, h.department_id, h.position, h.reached_later, h.prev_entry_at)
        is distinct from (d.pipeline_id, d.owner_id, d.department_id, d.position, d.reached_later, d.prev_entry_at)`);
}

/** Whether a signed (or executing / completed) contract is linked to the opportunity: the proof a deal is won. */
export async function hasSignedContract(db: Executor, workspaceId: string, opportunityId: string): Promise<boolean> {
  const [row] = await db.select({ id: contracts.id }).from(contracts).where(and(
    eq(contracts.workspaceId, workspaceId), eq(contracts.opportunityId, opportunityId), inArray(contracts.status, ['signed', 'executing', 'completed']),
  )).limit(1);
  return row !== undefined;
}
