import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { FlowStep } from '../../../shared/contracts/approvals.contract.js';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import type { Executor } from '../db/client.js';
import { departments, users } from '../org/org.schema.js';
import { toUuidArray } from '../authz/scope.js';
import { approvalFlows, approvals, approvalSteps } from './approvals.schema.js';
import type { Org } from './approvals.rules.js';

export type ApprovalRow = typeof approvals.$inferSelect;
export type ApprovalStepRow = typeof approvalSteps.$inferSelect;

export async function loadOrg(db: Executor, workspaceId: string): Promise<Org> {
  const [userRows, deptRows] = await Promise.all([
    db.select({ id: users.id, roles: users.roles, departmentId: users.departmentId, isActive: users.isActive })
      .from(users).where(eq(users.workspaceId, workspaceId)),
    db.select({ id: departments.id, parentId: departments.parentId, managerId: departments.managerId })
      .from(departments).where(eq(departments.workspaceId, workspaceId)),
  ]);
  return { users: userRows.map((u) => ({ ...u, roles: u.roles as RoleCode[] })), departments: deptRows };
}

export async function findFlow(db: Executor, workspaceId: string, documentType: string) {
  const [row] = await db.select().from(approvalFlows)
    .where(and(eq(approvalFlows.workspaceId, workspaceId), eq(approvalFlows.documentType, documentType)));
  return row ? { ...row, steps: row.steps as FlowStep[] } : null;
}

export async function findApproval(db: Executor, workspaceId: string, id: string, forUpdate = false) {
  const query = db.select().from(approvals).where(and(eq(approvals.workspaceId, workspaceId), eq(approvals.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findSteps(db: Executor, workspaceId: string, approvalIds: readonly string[]) {
  if (approvalIds.length === 0) return [];
  return db.select().from(approvalSteps)
    .where(and(eq(approvalSteps.workspaceId, workspaceId), inArray(approvalSteps.approvalId, [...approvalIds])))
    .orderBy(asc(approvalSteps.approvalId), asc(approvalSteps.stepIndex));
}

export async function findPendingApprovalFor(db: Executor, workspaceId: string, documentType: string, subjectId: string) {
  const [row] = await db.select({ id: approvals.id }).from(approvals).where(and(
    eq(approvals.workspaceId, workspaceId), eq(approvals.documentType, documentType),
    eq(approvals.subjectId, subjectId), eq(approvals.status, 'pending')));
  return row ?? null;
}

export interface ApprovalFilter {
  workspaceId: string;
  actorId: string;
  status?: string;
  assigneeMe?: boolean;
  requesterMe?: boolean;
  documentType?: string;
  /** requester within the actor's data scope (besides approvals the actor is involved in) */
  requesterVisible: SQL;
  beforeId?: string;
  limit: number;
}

/** Newest first (ids are UUIDv7). The inbox query goes through the GIN index on pending steps' assignees. */
export async function listApprovals(db: Executor, f: ApprovalFilter) {
  const me = toUuidArray([f.actorId]);
  const conditions: SQL[] = [eq(approvals.workspaceId, f.workspaceId)];
  if (f.assigneeMe) {
    conditions.push(sql`exists (select 1 from ${approvalSteps} s where s.workspace_id = ${approvals.workspaceId}
      and s.approval_id = ${approvals.id} and s.status = 'pending' and s.assignee_ids @> ${me})`);
  } else if (f.requesterMe) {
    conditions.push(eq(approvals.requesterId, f.actorId));
  } else {
    conditions.push(or(
      eq(approvals.requesterId, f.actorId),
      f.requesterVisible,
      sql`exists (select 1 from ${approvalSteps} s where s.workspace_id = ${approvals.workspaceId}
        and s.approval_id = ${approvals.id} and s.assignee_ids @> ${me})`,
    )!);
  }
  if (f.status) conditions.push(eq(approvals.status, f.status));
  if (f.documentType) conditions.push(eq(approvals.documentType, f.documentType));
  if (f.beforeId) conditions.push(lt(approvals.id, f.beforeId));
  return db.select().from(approvals).where(and(...conditions)).orderBy(desc(approvals.id)).limit(f.limit + 1);
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), sql`${users.id} = ANY(${toUuidArray([...new Set(ids)])})`));
  return new Map(rows.map((r) => [r.id, r.name]));
}
