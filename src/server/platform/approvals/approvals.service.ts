import { and, eq, sql } from 'drizzle-orm';
import type { ApprovalDto, FlowStep } from '../../../shared/contracts/approvals.contract.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../audit/audit.service.js';
import { visibleOwners, visibleTo } from '../authz/scope.js';
import type { Executor, Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import type { CommandContext } from '../http/context.js';
import { decodeIdCursor, pageFrom } from '../http/pagination.js';
import { emitEvent } from '../notifications/outbox.js';
import { approvalSubject, type ApprovalSubject } from './approvals.registry.js';
import {
  findApproval, findFlow, findPendingApprovalFor, findSteps, listApprovals as listRows, loadOrg, userNames,
  type ApprovalRow, type ApprovalStepRow,
} from './approvals.repository.js';
import { resolveSteps, type ApprovalValues } from './approvals.rules.js';
import { approvalFlows, approvals, approvalSteps } from './approvals.schema.js';

export interface SubmitInput {
  documentType: string;
  subjectId: string;
  title: string;
  /** the values being approved; frozen on the approval and used by step conditions */
  snapshot: Record<string, unknown>;
  /** people who must not approve this document besides the requester (e.g. who executes the sale) */
  excludedUserIds?: string[];
}

function subjectOf(documentType: string): ApprovalSubject {
  const subject = approvalSubject(documentType);
  if (!subject) throw new Error(`approval subject ${documentType} is not registered`);
  return subject;
}

async function flowFor(tx: Executor, workspaceId: string, documentType: string): Promise<FlowStep[]> {
  const stored = await findFlow(tx, workspaceId, documentType);
  return stored?.steps ?? subjectOf(documentType).defaultFlow.steps;
}

/**
 * Sends a document for approval inside the caller's transaction: resolves and freezes the steps and
 * the snapshot, notifies the first step. When no step applies the document is approved at once.
 */
export async function submitForApproval(tx: Tx, ctx: CommandContext, input: SubmitInput): Promise<{ approvalId: string; status: 'pending' | 'approved' }> {
  if (await findPendingApprovalFor(tx, ctx.workspace.id, input.documentType, input.subjectId)) {
    throw new AppError('RULE_VIOLATION', 'errors.documentInApproval');
  }
  const flow = await flowFor(tx, ctx.workspace.id, input.documentType);
  const org = await loadOrg(tx, ctx.workspace.id);
  const steps = resolveSteps(flow, { requesterId: ctx.actor.id, values: input.snapshot as ApprovalValues, excludedUserIds: input.excludedUserIds }, org);
  const approvalId = newId();
  const status = steps.length === 0 ? 'approved' : 'pending';
  const now = new Date();
  await tx.insert(approvals).values({
    id: approvalId, workspaceId: ctx.workspace.id, documentType: input.documentType, subjectId: input.subjectId,
    title: input.title, requesterId: ctx.actor.id, status, currentStep: 0, snapshot: input.snapshot,
    decidedAt: status === 'approved' ? now : null,
  });
  if (steps.length > 0) {
    await tx.insert(approvalSteps).values(steps.map((s, index) => ({
      workspaceId: ctx.workspace.id, approvalId, stepIndex: index, label: s.label, assigneeIds: s.assigneeIds,
      status: index === 0 ? 'pending' : 'waiting',
    })));
  }
  await appendAudit(tx, ctx, { entity: 'approval', entityId: approvalId, action: 'submit', after: { documentType: input.documentType, subjectId: input.subjectId, snapshot: input.snapshot, steps } });
  const subject = subjectOf(input.documentType);
  if (status === 'approved') {
    await subject.onApproved(tx, ctx, { approvalId, subjectId: input.subjectId, snapshot: input.snapshot, comment: null });
  } else {
    await emitEvent(tx, ctx.workspace.id, {
      topic: 'approval.requested',
      payload: { approvalId, documentType: input.documentType, subjectId: input.subjectId, title: input.title },
      notify: { userIds: steps[0]!.assigneeIds, kind: 'approval_requested', params: { title: input.title, requester: ctx.actor.name }, link: `/inbox/${approvalId}` },
    });
  }
  return { approvalId, status };
}

/** Refuses edits of a document while its approval is pending (domain §1.2). */
export async function assertNotInApproval(tx: Executor, ctx: CommandContext, documentType: string, subjectId: string) {
  if (await findPendingApprovalFor(tx, ctx.workspace.id, documentType, subjectId)) {
    throw new AppError('RULE_VIOLATION', 'errors.documentInApproval');
  }
}

export type Decision = 'approve' | 'reject' | 'return';

/**
 * Records one decision on the current step. The step row is claimed with `status = 'pending'` in the
 * UPDATE itself, so two simultaneous decisions produce one effect and the other gets 409.
 */
export async function decideApproval(ctx: CommandContext, approvalId: string, decision: Decision, comment: string | null) {
  if (decision !== 'approve' && !comment?.trim()) {
    throw new AppError('VALIDATION_FAILED', 'errors.reasonRequired', {}, [{ path: 'reason', message: 'errors.reasonRequired' }]);
  }
  await ctx.db.transaction(async (tx) => {
    const approval = await findApproval(tx, ctx.workspace.id, approvalId);
    if (!approval || !(await isVisible(tx, ctx, approval))) throw notFound('approval');
    if (approval.status !== 'pending') throw new AppError('CONFLICT', 'errors.approvalNotPending');
    if (approval.requesterId === ctx.actor.id) throw new AppError('SEGREGATION_OF_DUTIES', 'errors.sodSelfApproval');
    const steps = await findSteps(tx, ctx.workspace.id, [approval.id]);
    const current = steps.find((s) => s.stepIndex === approval.currentStep);
    if (!current || !current.assigneeIds.includes(ctx.actor.id)) throw new AppError('FORBIDDEN', 'errors.notAssignee');

    const now = new Date();
    const stepStatus = decision === 'approve' ? 'approved' : decision === 'reject' ? 'rejected' : 'returned';
    const [claimed] = await tx.update(approvalSteps)
      .set({ status: stepStatus, decidedBy: ctx.actor.id, decidedAt: now, comment, version: sql`${approvalSteps.version} + 1`, updatedAt: now })
      .where(and(eq(approvalSteps.workspaceId, ctx.workspace.id), eq(approvalSteps.id, current.id), eq(approvalSteps.status, 'pending')))
      .returning();
    if (!claimed) throw new AppError('CONFLICT', 'errors.alreadyDecided');

    const next = steps.find((s) => s.stepIndex === approval.currentStep + 1);
    const finished = decision !== 'approve' || !next;
    const newStatus = decision === 'approve' ? (next ? 'pending' : 'approved') : stepStatus;
    const [updated] = await tx.update(approvals).set({
      status: newStatus,
      currentStep: decision === 'approve' && next ? next.stepIndex : approval.currentStep,
      decidedAt: finished ? now : null,
      version: sql`${approvals.version} + 1`, updatedAt: now,
    }).where(and(eq(approvals.workspaceId, ctx.workspace.id), eq(approvals.id, approval.id), eq(approvals.version, approval.version))).returning();
    if (!updated) throw new AppError('CONFLICT', 'errors.alreadyDecided');

    if (decision === 'approve' && next) {
      await tx.update(approvalSteps).set({ status: 'pending', updatedAt: now })
        .where(and(eq(approvalSteps.workspaceId, ctx.workspace.id), eq(approvalSteps.id, next.id)));
    } else if (decision !== 'approve') {
      await tx.update(approvalSteps).set({ status: 'cancelled', updatedAt: now })
        .where(and(eq(approvalSteps.workspaceId, ctx.workspace.id), eq(approvalSteps.approvalId, approval.id), eq(approvalSteps.status, 'waiting')));
    }
    await appendAudit(tx, ctx, { entity: 'approval', entityId: approval.id, action: decision, before: { status: approval.status, step: approval.currentStep }, after: { status: newStatus, step: updated.currentStep, comment } });

    const subject = subjectOf(approval.documentType);
    const outcome = { approvalId: approval.id, subjectId: approval.subjectId, snapshot: approval.snapshot as Record<string, unknown>, comment };
    if (newStatus === 'approved') await subject.onApproved(tx, ctx, outcome);
    if (newStatus === 'rejected') await subject.onRejected(tx, ctx, outcome);
    if (newStatus === 'returned') await subject.onReturned(tx, ctx, outcome);

    const link = `/inbox/${approval.id}`;
    await emitEvent(tx, ctx.workspace.id, {
      topic: `approval.${newStatus === 'pending' ? 'step_approved' : newStatus}`,
      payload: { approvalId: approval.id, documentType: approval.documentType, subjectId: approval.subjectId, decidedBy: ctx.actor.id, comment },
      notify: newStatus === 'pending'
        ? { userIds: next!.assigneeIds, kind: 'approval_requested', params: { title: approval.title }, link }
        : { userIds: [approval.requesterId], kind: `approval_${newStatus}`, params: { title: approval.title, by: ctx.actor.name, comment }, link },
    });
  });
  return getApproval(ctx, approvalId);
}

async function isVisible(tx: Executor, ctx: CommandContext, approval: ApprovalRow): Promise<boolean> {
  if (approval.requesterId === ctx.actor.id) return true;
  const owners = await visibleOwners(tx, ctx);
  if (owners.kind === 'all' || owners.ids.includes(approval.requesterId)) return true;
  const steps = await findSteps(tx, ctx.workspace.id, [approval.id]);
  return steps.some((s) => s.assigneeIds.includes(ctx.actor.id));
}

/** The snapshot as this reader may see it (the module may hide fields such as costs). */
function redactedSnapshot(ctx: CommandContext, documentType: string, snapshot: Record<string, unknown>): Record<string, unknown> {
  const redact = approvalSubject(documentType)?.redactSnapshot;
  return redact ? redact(snapshot, ctx.actor.permissions) : snapshot;
}

async function toDtos(db: Executor, ctx: CommandContext, rows: ApprovalRow[]): Promise<ApprovalDto[]> {
  const steps = await findSteps(db, ctx.workspace.id, rows.map((r) => r.id));
  const ids = [...rows.map((r) => r.requesterId), ...steps.flatMap((s) => [...s.assigneeIds, ...(s.decidedBy ? [s.decidedBy] : [])])];
  const names = await userNames(db, ctx.workspace.id, ids);
  const person = (id: string) => ({ id, name: names.get(id) ?? '—' });
  const byApproval = new Map<string, ApprovalStepRow[]>();
  for (const s of steps) byApproval.set(s.approvalId, [...(byApproval.get(s.approvalId) ?? []), s]);
  return rows.map((r) => {
    const own = byApproval.get(r.id) ?? [];
    return {
      id: r.id, documentType: r.documentType, subjectId: r.subjectId, title: r.title,
      requester: person(r.requesterId), status: r.status as ApprovalDto['status'], currentStep: r.currentStep,
      snapshot: redactedSnapshot(ctx, r.documentType, r.snapshot as Record<string, unknown>),
      steps: own.map((s) => ({
        stepIndex: s.stepIndex, label: s.label, assignees: s.assigneeIds.map(person),
        status: s.status as ApprovalDto['steps'][number]['status'],
        decidedBy: s.decidedBy ? person(s.decidedBy) : null, decidedAt: s.decidedAt?.toISOString() ?? null, comment: s.comment,
      })),
      canDecide: r.status === 'pending' && r.requesterId !== ctx.actor.id &&
        own.some((s) => s.stepIndex === r.currentStep && s.status === 'pending' && s.assigneeIds.includes(ctx.actor.id)),
      createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null, version: r.version,
    };
  });
}

export async function getApproval(ctx: CommandContext, id: string): Promise<ApprovalDto> {
  const row = await findApproval(ctx.db, ctx.workspace.id, id);
  if (!row || !(await isVisible(ctx.db, ctx, row))) throw notFound('approval');
  const [dto] = await toDtos(ctx.db, ctx, [row]);
  return dto!;
}

export async function listApprovals(ctx: CommandContext, q: { status?: string; assignee?: 'me'; requester?: 'me'; documentType?: string; limit: number; cursor?: string }) {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listRows(ctx.db, {
    workspaceId: ctx.workspace.id, actorId: ctx.actor.id, status: q.status, assigneeMe: q.assignee === 'me',
    requesterMe: q.requester === 'me', documentType: q.documentType,
    requesterVisible: visibleTo(owners, approvals.requesterId), beforeId: decodeIdCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: await toDtos(ctx.db, ctx, page.items), nextCursor: page.nextCursor };
}

export async function listFlows(ctx: CommandContext, documentTypes: string[]) {
  return Promise.all(documentTypes.map(async (documentType) => {
    const stored = await findFlow(ctx.db, ctx.workspace.id, documentType);
    const fallback = subjectOf(documentType).defaultFlow;
    return { documentType, name: stored?.name ?? fallback.name, steps: stored?.steps ?? fallback.steps, version: stored?.version ?? 1 };
  }));
}

/** Admins edit a flow; approvals already submitted keep the steps frozen on them. */
export async function updateFlow(ctx: CommandContext, documentType: string, input: { version: number; name?: string; steps: FlowStep[] }) {
  const subject = approvalSubject(documentType);
  if (!subject) throw notFound('approval');
  return ctx.db.transaction(async (tx) => {
    const stored = await findFlow(tx, ctx.workspace.id, documentType);
    const currentVersion = stored?.version ?? 1;
    if (input.version !== currentVersion) throw new AppError('CONFLICT', 'errors.staleVersion');
    const name = input.name ?? stored?.name ?? subject.defaultFlow.name;
    if (stored) {
      const [row] = await tx.update(approvalFlows).set({ name, steps: input.steps, version: sql`${approvalFlows.version} + 1`, updatedAt: new Date() })
        .where(and(eq(approvalFlows.workspaceId, ctx.workspace.id), eq(approvalFlows.id, stored.id), eq(approvalFlows.version, input.version))).returning();
      if (!row) throw new AppError('CONFLICT', 'errors.staleVersion');
    } else {
      await tx.insert(approvalFlows).values({ workspaceId: ctx.workspace.id, documentType, name, steps: input.steps, version: 2 });
    }
    await appendAudit(tx, ctx, { entity: 'approval_flow', entityId: documentType, action: 'update', before: stored?.steps ?? subject.defaultFlow.steps, after: input.steps });
    return { documentType, name, steps: input.steps, version: currentVersion + 1 };
  });
}

/**
 * Cancels the pending or granted approvals of a document inside the caller's transaction, because the
 * document changed after it was sent (§17 "editing an approved document re-opens approval"): the
 * approval no longer covers the values now on the document. Open steps are cancelled with it.
 */
export async function cancelApprovalsOf(tx: Tx, ctx: CommandContext, documentType: string, subjectId: string, reason: string): Promise<string[]> {
  const now = new Date();
  const cancelled = await tx.update(approvals)
    .set({ status: 'cancelled', decidedAt: now, version: sql`${approvals.version} + 1`, updatedAt: now })
    .where(and(eq(approvals.workspaceId, ctx.workspace.id), eq(approvals.documentType, documentType), eq(approvals.subjectId, subjectId),
      sql`${approvals.status} in ('pending', 'approved')`))
    .returning({ id: approvals.id, status: approvals.status });
  for (const { id } of cancelled) {
    await tx.update(approvalSteps).set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(approvalSteps.workspaceId, ctx.workspace.id), eq(approvalSteps.approvalId, id), sql`${approvalSteps.status} in ('pending', 'waiting')`));
    await appendAudit(tx, ctx, { entity: 'approval', entityId: id, action: 'cancel', after: { status: 'cancelled', reason } });
  }
  return cancelled.map((c) => c.id);
}

/** Every approval of one document, newest first, as the caller sees them on the document. */
export async function approvalsOf(ctx: CommandContext, documentType: string, subjectId: string): Promise<ApprovalDto[]> {
  const rows = await ctx.db.select().from(approvals)
    .where(and(eq(approvals.workspaceId, ctx.workspace.id), eq(approvals.documentType, documentType), eq(approvals.subjectId, subjectId)))
    .orderBy(sql`${approvals.id} desc`);
  return toDtos(ctx.db, ctx, rows);
}
