import { eq } from 'drizzle-orm';
import type {
  PenaltyLineDto, PenaltyPersonDto, PenaltyRunDto, PenaltyStatementDto,
} from '../../../shared/contracts/penalties.contract.js';
import { todayIn } from '../../../shared/dates.js';
import { AppError, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext } from '../../platform/http/context.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import {
  claimRun, finishRun, findRun, insertChargeShares, insertCharges, insertRefunds, linesOfPerson, namesOf, statementRows, type PenaltyRunRow, type RunParams,
} from './penalties.repository.js';
import { monthBounds, monthHasEnded, responsiblePeople, type PenaltyPolicy, type ResponsibleRole } from './penalties.rules.js';

async function penaltyPolicyOf(db: Executor, workspaceId: string): Promise<PenaltyPolicy> {
  const p = await readPolicies(db, workspaceId);
  return {
    startDays: p['penalty.startDays'], badDebtDays: p['penalty.badDebtDays'],
    monthlyRate: String(p['penalty.monthlyRate']), badDebtRate: String(p['penalty.badDebtRate']),
    shares: { rep: p['penalty.shareRep'], manager: p['penalty.shareManager'], director: p['penalty.shareDirector'] },
  };
}

/** The org as the responsible-people rule reads it (users and departments of the workspace; small). */
async function loadPenaltyOrg(db: Executor, workspaceId: string) {
  // one after the other: inside the run's transaction both go through one connection
  const us = await db.select({ id: users.id, roles: users.roles, departmentId: users.departmentId, isActive: users.isActive }).from(users).where(eq(users.workspaceId, workspaceId));
  const ds = await db.select({ id: departments.id, parentId: departments.parentId, managerId: departments.managerId }).from(departments).where(eq(departments.workspaceId, workspaceId));
  return { users: us, departments: ds };
}

async function toRunDto(db: Executor, workspaceId: string, run: PenaltyRunRow): Promise<Omit<PenaltyRunDto, 'created'>> {
  const names = await namesOf(db, workspaceId, { users: [run.runBy], contracts: [], customers: [] });
  return {
    id: run.id, month: run.month, monthEnd: run.monthEnd, policy: run.policy as PenaltyPolicy,
    runBy: { id: run.runBy, name: names.users.get(run.runBy) ?? '—' }, ranAt: run.createdAt.toISOString(),
    lineCount: run.lineCount, total: money.format(run.total),
  };
}

/**
 * Runs a payroll month (POST /penalties/run, domain §11.3): refuses a month that has not ended
 * (workspace time zone); claims the month (one run per month — a second run returns the first one
 * and changes nothing); computes deductions, their 5:3:2 shares and refunds in three set-based
 * statements (penalties.repository), all in one transaction with the audit entry.
 */
export async function runPenalties(ctx: CommandContext, input: { month: string }): Promise<PenaltyRunDto> {
  const today = todayIn(ctx.workspace.timeZone);
  if (!monthHasEnded(input.month, today)) {
    throw new AppError('RULE_VIOLATION', 'errors.penaltyMonthNotEnded', { month: input.month },
      [{ path: 'month', message: 'errors.penaltyMonthNotEnded', params: { month: input.month } }]);
  }
  const ws = ctx.workspace.id;
  return ctx.db.transaction(async (tx) => {
    const policy = await penaltyPolicyOf(tx, ws);
    const { start, end } = monthBounds(input.month);
    const run = await claimRun(tx, { workspaceId: ws, id: newId(), month: input.month, monthEnd: end, policy, runBy: ctx.actor.id });
    if (!run) {
      const existing = await findRun(tx, ws, input.month);
      if (!existing) throw new AppError('CONFLICT', 'errors.staleVersion');
      return { ...(await toRunDto(tx, ws, existing)), created: false };
    }
    const org = await loadPenaltyOrg(tx, ws);
    const people = org.users.map((u) => responsiblePeople(u.id, org));
    const params: RunParams = { workspaceId: ws, runId: run.id, month: input.month, start, end, policy, people };
    await insertCharges(tx, params);
    await insertChargeShares(tx, params);
    await insertRefunds(tx, params);
    const done = await finishRun(tx, ws, run.id, input.month);
    await appendAudit(tx, ctx, { entity: 'penalty_run', entityId: run.id, action: 'run', after: { month: done.month, lineCount: done.lineCount, total: done.total, policy } });
    return { ...(await toRunDto(tx, ws, done)), created: true };
  });
}

/**
 * The month's statement (GET /penalties): per-person sums for the people in the caller's scope, and
 * the lines with their working for `userId` (a rep: always themself). A person outside the scope → 404.
 */
export async function getPenalties(ctx: CommandContext, q: { month: string; userId?: string }): Promise<PenaltyStatementDto> {
  const db = ctx.db;
  const ws = ctx.workspace.id;
  const owners = await visibleOwners(db, ctx);
  const userId = q.userId ?? (ctx.actor.dataScope === 'own' ? ctx.actor.id : undefined);
  if (userId && owners.kind === 'users' && !owners.ids.includes(userId)) throw notFound('user');
  const [run, rows, detail] = await Promise.all([
    findRun(db, ws, q.month),
    statementRows(db, ws, q.month, owners),
    userId ? linesOfPerson(db, ws, q.month, userId) : Promise.resolve({ lines: [], shares: [] }),
  ]);
  const names = await namesOf(db, ws, {
    users: [...rows.map((r) => r.userId), ...detail.shares.map((s) => s.userId)].filter((x): x is string => x !== null),
    contracts: detail.lines.map((l) => l.contractId), customers: detail.lines.map((l) => l.customerId),
  });
  const person = (id: string | null) => (id === null ? null : { id, name: names.users.get(id) ?? '—' });
  const people: PenaltyPersonDto[] = rows.map((r) => ({
    user: person(r.userId), monthly: money.format(r.monthly), badDebt: money.format(r.badDebt), refund: money.format(r.refund),
    total: money.format(r.total), lineCount: r.lineCount,
  })).sort((a, b) => money.compare(b.total, a.total) || (a.user?.name ?? '\uffff').localeCompare(b.user?.name ?? '\uffff', 'zh-CN'));
  const roleOrder: Record<ResponsibleRole, number> = { rep: 0, manager: 1, director: 2 };
  const lines: PenaltyLineDto[] = detail.lines.map((l) => ({
    id: l.id, kind: l.kind as PenaltyLineDto['kind'], receivableId: l.receivableId,
    contract: { id: l.contractId, number: names.contracts.get(l.contractId) ?? '—' },
    customer: { id: l.customerId, name: names.customers.get(l.customerId) ?? '—' },
    dueDate: l.dueDate, deferredFrom: l.deferredFrom, daysOverdue: l.daysOverdue, baseAmount: money.format(l.baseAmount),
    rate: l.rate === null ? null : money.parse(l.rate).toString(), amount: money.format(l.amount),
    shares: detail.shares.filter((s) => s.lineId === l.id)
      .sort((a, b) => roleOrder[a.role as ResponsibleRole] - roleOrder[b.role as ResponsibleRole])
      .map((s) => ({ role: s.role as ResponsibleRole, user: person(s.userId), amount: money.format(s.amount) })),
  }));
  return { month: q.month, run: run ? await toRunDto(db, ws, run) : null, people, lines };
}

/** The per-person statement for the payroll workbook (same scope as GET /penalties), with logins. */
export async function penaltyStatementRows(ctx: CommandContext, month: string) {
  const statement = await getPenalties(ctx, { month, userId: undefined });
  const ids = statement.people.map((p) => p.user?.id).filter((x): x is string => x !== undefined);
  const names = await namesOf(ctx.db, ctx.workspace.id, { users: ids, contracts: [], customers: [] });
  return statement.people.map((p) => ({ ...p, username: p.user ? names.usernames.get(p.user.id) ?? null : null }));
}

/** Payroll exports carry pay data: each one is audited. */
export async function auditStatementExport(ctx: CommandContext, month: string, rows: number) {
  await appendAudit(ctx.db, ctx, { entity: 'penalty_run', action: 'export', after: { month, rows } });
}
