import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { users } from '../../platform/org/org.schema.js';
import { bids } from './opportunities.schema.js';

export type BidRow = typeof bids.$inferSelect;
type Fields = Pick<BidRow, 'bidPrice' | 'cost' | 'grossMarginPct' | 'team' | 'competitorAnalysis'>;

const editable = ['draft', 'returned', 'rejected'];

/** The bid of an opportunity (one per opportunity), or null. */
export async function findBid(db: Executor, workspaceId: string, opportunityId: string): Promise<BidRow | null> {
  const [row] = await db.select().from(bids).where(and(eq(bids.workspaceId, workspaceId), eq(bids.opportunityId, opportunityId)));
  return row ?? null;
}

export async function insertBid(tx: Executor, values: Fields & { workspaceId: string; opportunityId: string }) {
  const [row] = await tx.insert(bids).values({ ...values, status: 'draft' }).returning();
  return row!;
}

/** Saves new values while the bid is editable and at the version read (an edited bid is a draft again); null otherwise. */
export async function updateBid(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; fields: Fields }) {
  const [row] = await tx.update(bids).set({ ...p.fields, status: 'draft', version: sql`${bids.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bids.workspaceId, p.workspaceId), eq(bids.id, p.id), eq(bids.version, p.expectedVersion), inArray(bids.status, editable)))
    .returning();
  return row ?? null;
}

/** Claims the bid for approval (editable, version read → pending); null when someone else got there first. */
export async function markBidPending(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; submittedBy: string }) {
  const [row] = await tx.update(bids).set({ status: 'pending', submittedBy: p.submittedBy, decidedAt: null, version: sql`${bids.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bids.workspaceId, p.workspaceId), eq(bids.id, p.id), eq(bids.version, p.expectedVersion), inArray(bids.status, editable)))
    .returning();
  return row ?? null;
}

export async function setBidApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(bids).set({ approvalId }).where(and(eq(bids.workspaceId, workspaceId), eq(bids.id, id)));
}

/** Records the outcome of the pending approval on the bid of an opportunity; null when none is pending. */
export async function decideBid(tx: Executor, workspaceId: string, opportunityId: string, status: 'approved' | 'rejected' | 'returned') {
  const [row] = await tx.update(bids).set({ status, decidedAt: new Date(), version: sql`${bids.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bids.workspaceId, workspaceId), eq(bids.opportunityId, opportunityId), eq(bids.status, 'pending')))
    .returning();
  return row ?? null;
}

/** Stores the no-bid report (不投标报告) on the bid. */
export async function recordNoBidReport(tx: Executor, workspaceId: string, id: string, report: string) {
  const [row] = await tx.update(bids).set({ noBidReport: report, version: sql`${bids.version} + 1`, updatedAt: new Date() })
    .where(and(eq(bids.workspaceId, workspaceId), eq(bids.id, id))).returning();
  return row!;
}

/** Which of these user ids are active users of the workspace. */
export async function activeUserIds(db: Executor, workspaceId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, [...ids]), eq(users.isActive, true)));
  return new Set(rows.map((r) => r.id));
}
