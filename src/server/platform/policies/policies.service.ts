import { and, eq, sql } from 'drizzle-orm';
import type { PoliciesDto } from '../../../shared/contracts/policies.contract.js';
import { AppError } from '../../../shared/errors.js';
import { registerApprovalSubject } from '../approvals/approvals.registry.js';
import { submitForApproval } from '../approvals/approvals.service.js';
import { appendAudit } from '../audit/audit.service.js';
import type { Executor, Tx } from '../db/client.js';
import { newId } from '../db/columns.js';
import type { CommandContext } from '../http/context.js';
import type { Locale } from '../i18n/translate.js';
import { policyDefinitions, type PolicyValues } from './policies.definitions.js';
import { changedKeys, effectivePolicies, needsApproval, validatePolicyChange } from './policies.rules.js';
import { policyChangeRequests, workspacePolicies } from './policies.schema.js';

async function storedRow(db: Executor, workspaceId: string) {
  const [row] = await db.select().from(workspacePolicies).where(eq(workspacePolicies.workspaceId, workspaceId));
  return row ?? null;
}

/** The workspace's policy values (defaults where not set). `null` workspace → the defaults. */
export async function readPolicies(db: Executor, workspaceId: string | null): Promise<PolicyValues> {
  if (!workspaceId) return effectivePolicies({});
  const row = await storedRow(db, workspaceId);
  return effectivePolicies((row?.values ?? {}) as Record<string, unknown>);
}

export async function getPolicies(db: Executor, workspaceId: string, locale: Locale): Promise<PoliciesDto> {
  const row = await storedRow(db, workspaceId);
  const values = effectivePolicies((row?.values ?? {}) as Record<string, unknown>);
  const [pending] = await db.select().from(policyChangeRequests)
    .where(and(eq(policyChangeRequests.workspaceId, workspaceId), eq(policyChangeRequests.status, 'pending'))).limit(1);
  return {
    version: row?.version ?? 1,
    items: Object.entries(policyDefinitions).map(([key, def]) => ({
      key, group: def.group, unit: def.unit, value: values[key as keyof PolicyValues], default: def.default,
      min: def.min, max: def.max, integer: def.integer, moneyThreshold: 'moneyThreshold' in def && def.moneyThreshold === true,
      label: def.label[locale],
    })),
    pendingChange: pending ? { id: pending.id, approvalId: pending.approvalId, changes: pending.changes as Record<string, number | string> } : null,
  };
}

async function applyValues(tx: Tx, ctx: CommandContext, changes: Record<string, number | string>, expectedVersion: number | null) {
  const row = await storedRow(tx, ctx.workspace.id);
  const before = (row?.values ?? {}) as Record<string, unknown>;
  const after = { ...before, ...changes };
  if (!row) {
    if (expectedVersion !== null && expectedVersion !== 1) throw new AppError('CONFLICT', 'errors.staleVersion');
    await tx.insert(workspacePolicies).values({ workspaceId: ctx.workspace.id, values: after, version: 2, updatedBy: ctx.actor.id });
  } else {
    const guard = expectedVersion === null ? sql`true` : eq(workspacePolicies.version, expectedVersion);
    const [updated] = await tx.update(workspacePolicies)
      .set({ values: after, version: sql`${workspacePolicies.version} + 1`, updatedAt: new Date(), updatedBy: ctx.actor.id })
      .where(and(eq(workspacePolicies.workspaceId, ctx.workspace.id), guard)).returning();
    if (!updated) throw new AppError('CONFLICT', 'errors.staleVersion');
  }
  const previous = Object.fromEntries(Object.keys(changes).map((k) => [k, effectivePolicies(before)[k as keyof PolicyValues]]));
  await appendAudit(tx, ctx, { entity: 'policy', entityId: ctx.workspace.id, action: 'update', before: previous, after: changes });
}

/**
 * Changes policy values. Plain values apply at once (audited); a change touching a money threshold
 * is held as a change request and applied only when the GM approves it.
 */
export async function updatePolicies(ctx: CommandContext, input: { version: number; values: Record<string, number | string> }) {
  const { normalised, errors } = validatePolicyChange(input.values);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  const result = await ctx.db.transaction(async (tx) => {
    const row = await storedRow(tx, ctx.workspace.id);
    if ((row?.version ?? 1) !== input.version) throw new AppError('CONFLICT', 'errors.staleVersion');
    const current = effectivePolicies((row?.values ?? {}) as Record<string, unknown>);
    const keys = changedKeys(current, normalised);
    const changes = Object.fromEntries(keys.map((k) => [k, normalised[k]!]));
    if (!needsApproval(keys)) {
      if (keys.length > 0) await applyValues(tx, ctx, changes, input.version);
      return { status: 'applied' as const, approvalId: null };
    }
    const [pending] = await tx.select({ id: policyChangeRequests.id }).from(policyChangeRequests)
      .where(and(eq(policyChangeRequests.workspaceId, ctx.workspace.id), eq(policyChangeRequests.status, 'pending'))).limit(1);
    if (pending) throw new AppError('RULE_VIOLATION', 'errors.policyPending');
    const requestId = newId();
    const previous = Object.fromEntries(keys.map((k) => [k, current[k as keyof PolicyValues]]));
    await tx.insert(policyChangeRequests).values({ id: requestId, workspaceId: ctx.workspace.id, changes, previous, status: 'pending', requestedBy: ctx.actor.id });
    const labels = keys.map((k) => policyDefinitions[k as keyof typeof policyDefinitions].label['zh-CN']).join('、');
    const { approvalId, status } = await submitForApproval(tx, ctx, {
      documentType: 'policy_change', subjectId: requestId, title: `策略变更：${labels}`,
      snapshot: { changes, previous },
    });
    await tx.update(policyChangeRequests).set({ approvalId }).where(and(eq(policyChangeRequests.workspaceId, ctx.workspace.id), eq(policyChangeRequests.id, requestId)));
    await appendAudit(tx, ctx, { entity: 'policy', entityId: ctx.workspace.id, action: 'change_requested', before: previous, after: changes });
    return { status: status === 'approved' ? 'applied' as const : 'pending_approval' as const, approvalId };
  });
  return { ...result, policies: await getPolicies(ctx.db, ctx.workspace.id, ctx.locale) };
}

async function closeRequest(tx: Tx, ctx: CommandContext, requestId: string, status: string) {
  const [request] = await tx.update(policyChangeRequests).set({ status, updatedAt: new Date(), version: sql`${policyChangeRequests.version} + 1` })
    .where(and(eq(policyChangeRequests.workspaceId, ctx.workspace.id), eq(policyChangeRequests.id, requestId), eq(policyChangeRequests.status, 'pending')))
    .returning();
  return request;
}

registerApprovalSubject('policy_change', {
  defaultFlow: { name: '策略变更审批', steps: [{ label: '总经理审批', approver: { role: 'gm' } }] },
  link: () => '/settings/policies',
  async onApproved(tx, ctx, outcome) {
    const request = await closeRequest(tx, ctx, outcome.subjectId, 'approved');
    if (request) await applyValues(tx, ctx, request.changes as Record<string, number | string>, null);
  },
  async onRejected(tx, ctx, outcome) { await closeRequest(tx, ctx, outcome.subjectId, 'rejected'); },
  async onReturned(tx, ctx, outcome) { await closeRequest(tx, ctx, outcome.subjectId, 'returned'); },
});
