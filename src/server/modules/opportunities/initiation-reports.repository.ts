import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { initiationReports } from './opportunities.schema.js';

export type InitiationReportRow = typeof initiationReports.$inferSelect;
type Fields = Pick<InitiationReportRow,
  'projectName' | 'customerLead' | 'expectedContractAmount' | 'estimatedGrossMarginPct' | 'salesExpenseBudget' | 'projectCategory' | 'expectedSigningDate'>;

const editable = ['draft', 'returned', 'rejected'];

/** The initiation report of an opportunity (one per opportunity), or null. */
export async function findInitiationReport(db: Executor, workspaceId: string, opportunityId: string): Promise<InitiationReportRow | null> {
  const [row] = await db.select().from(initiationReports)
    .where(and(eq(initiationReports.workspaceId, workspaceId), eq(initiationReports.opportunityId, opportunityId)));
  return row ?? null;
}

export async function insertInitiationReport(tx: Executor, values: Fields & { workspaceId: string; opportunityId: string; projectNumber: string }) {
  const [row] = await tx.insert(initiationReports).values({ ...values, status: 'draft' }).returning();
  return row!;
}

/**
 * Saves new field values while the report is editable and still at the version the caller read;
 * an edited report is a draft again. Null → stale version or no longer editable.
 */
export async function updateInitiationReport(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; fields: Fields }) {
  const [row] = await tx.update(initiationReports).set({
    ...p.fields, status: 'draft', version: sql`${initiationReports.version} + 1`, updatedAt: new Date(),
  }).where(and(
    eq(initiationReports.workspaceId, p.workspaceId), eq(initiationReports.id, p.id),
    eq(initiationReports.version, p.expectedVersion), inArray(initiationReports.status, editable),
  )).returning();
  return row ?? null;
}

/** Claims the report for approval: editable and at the version read → pending. Null → someone else got there first. */
export async function markInitiationReportPending(tx: Executor, p: { workspaceId: string; id: string; expectedVersion: number; submittedBy: string }) {
  const [row] = await tx.update(initiationReports).set({
    status: 'pending', submittedBy: p.submittedBy, decidedAt: null, version: sql`${initiationReports.version} + 1`, updatedAt: new Date(),
  }).where(and(
    eq(initiationReports.workspaceId, p.workspaceId), eq(initiationReports.id, p.id),
    eq(initiationReports.version, p.expectedVersion), inArray(initiationReports.status, editable),
  )).returning();
  return row ?? null;
}

export async function setInitiationReportApproval(tx: Executor, workspaceId: string, id: string, approvalId: string) {
  await tx.update(initiationReports).set({ approvalId })
    .where(and(eq(initiationReports.workspaceId, workspaceId), eq(initiationReports.id, id)));
}

/** Records the outcome of the pending approval on the report of an opportunity; null when none is pending. */
export async function decideInitiationReport(tx: Executor, workspaceId: string, opportunityId: string, status: 'approved' | 'rejected' | 'returned') {
  const [row] = await tx.update(initiationReports).set({
    status, decidedAt: new Date(), version: sql`${initiationReports.version} + 1`, updatedAt: new Date(),
  }).where(and(
    eq(initiationReports.workspaceId, workspaceId), eq(initiationReports.opportunityId, opportunityId), eq(initiationReports.status, 'pending'),
  )).returning();
  return row ?? null;
}
