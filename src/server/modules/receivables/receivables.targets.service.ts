import type { CollectionTargetQuery, CollectionTargetRowDto, CollectionTargetsDto, SetCollectionTargetsBody } from '../../../shared/contracts/collection-targets.contract.js';
import { formatInZone, todayIn } from '../../../shared/dates.js';
import { AppError, conflict } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { monthOf } from '../../../shared/periods.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import { newId } from '../../platform/db/columns.js';
import type { CommandContext, VisibleOwners } from '../../platform/http/context.js';
import { moneyColumn, streamXlsx } from '../../platform/exports/xlsx.js';
import { translate } from '../../platform/i18n/translate.js';
import { collectionRows, outstandingDueByOwner } from './receivables.aging.repository.js';
import { COLLECTION_TARGET_MONTHS_AHEAD, isValidTargetAmount, targetAttainment, targetMonthVerdict, targetPeriod } from './receivables.targets.rules.js';
import { lockTargets, TARGET_ROLES, targetPeople, updateTarget, usersByIds, workspaceCreatedAt } from './receivables.targets.repository.js';
import { collectionTargets } from './receivables.targets.schema.js';

/** An error of one field of the request (the api.md `details[].path`), with any code. */
const atField = (code: 'RULE_VIOLATION' | 'NOT_FOUND' | 'SEGREGATION_OF_DUTIES' | 'VALIDATION_FAILED', path: string, key: string, params: Record<string, unknown> = {}) =>
  new AppError(code, key, params, [{ path, message: key, params }]);

const currentMonth = (ctx: CommandContext) => monthOf(todayIn(ctx.workspace.timeZone));

async function workspaceMonth(ctx: CommandContext): Promise<string> {
  return monthOf(formatInZone(await workspaceCreatedAt(ctx.db, ctx.workspace.id), ctx.workspace.timeZone, 'YYYY-MM-DD'));
}

/** Refuses a month targets may not be set for (422 naming `period`). */
async function assertTargetMonth(ctx: CommandContext, period: string) {
  const first = await workspaceMonth(ctx);
  const verdict = targetMonthVerdict(period, currentMonth(ctx), first);
  if (verdict === 'too_far') throw atField('RULE_VIOLATION', 'period', 'errors.collectionTargetTooFar', { months: COLLECTION_TARGET_MONTHS_AHEAD });
  if (verdict === 'before_workspace') throw atField('RULE_VIOLATION', 'period', 'errors.collectionTargetBeforeWorkspace', { month: first });
}

const inScope = (owners: VisibleOwners, userId: string) => owners.kind === 'all' || owners.ids.includes(userId);

/**
 * The collection targets of a month (回款目标, domain §11.2) for the people in my scope (a rep: their
 * own row), per rep or per team: the proposal decomposed from their contracts' receivable lines,
 * the target set, what was collected in the month (the collection rate's count) and the attainment,
 * with the totals of my scope. Three statements whatever the number of reps.
 */
export async function getCollectionTargets(ctx: CommandContext, q: CollectionTargetQuery): Promise<CollectionTargetsDto> {
  const period = q.period ?? currentMonth(ctx);
  const { from, to, proposalAsOf } = targetPeriod(period);
  const ws = ctx.workspace.id;
  const owners = await visibleOwners(ctx.db, ctx);
  const [proposals, collections] = await Promise.all([
    outstandingDueByOwner(ctx.db, { workspaceId: ws, owners, asOf: proposalAsOf, dueBy: to }),
    collectionRows(ctx.db, { workspaceId: ws, owners, from, to, groupBy: 'owner' }),
  ]);
  const proposedBy = new Map(proposals.map((r) => [r.ownerId, r.outstanding]));
  const collectedBy = new Map(collections.filter((r) => r.key).map((r) => [r.key!, r.collected]));
  const people = await targetPeople(ctx.db, { workspaceId: ws, owners, period, alsoIds: [...new Set([...proposedBy.keys(), ...collectedBy.keys()])] });

  const reps: CollectionTargetRowDto[] = people.map((p) => {
    const collected = money.format(collectedBy.get(p.userId) ?? 0);
    const target = p.amount === null ? null : money.format(p.amount);
    return {
      key: p.userId, name: p.name, teamId: p.teamId, teamName: p.teamName,
      proposed: money.format(proposedBy.get(p.userId) ?? 0), target, collected, attainment: targetAttainment(collected, target),
      targetId: p.targetId, version: p.version === null ? null : Number(p.version), proposedWhenSet: p.proposedAmount === null ? null : money.format(p.proposedAmount),
      setBy: p.setByName, setAt: p.setAt === null ? null : new Date(p.setAt).toISOString(), note: p.note, reps: 1,
    };
  });
  const sum = (rows: CollectionTargetRowDto[]) => {
    const targets = rows.filter((r) => r.target !== null).map((r) => r.target!);
    const collected = money.add(0, ...rows.map((r) => r.collected));
    const target = targets.length ? money.add(...targets) : null;
    return { proposed: money.add(0, ...rows.map((r) => r.proposed)), target, collected, attainment: targetAttainment(collected, target) };
  };
  let rows = reps;
  if (q.groupBy === 'team') {
    const teams = new Map<string | null, CollectionTargetRowDto[]>();
    for (const r of reps) teams.set(r.teamId, [...(teams.get(r.teamId) ?? []), r]);
    rows = [...teams.entries()].map(([teamId, members]) => ({
      key: teamId, name: members[0]!.teamName ?? translate(ctx.locale, 'receivables.aging.noTeam'), teamId, teamName: members[0]!.teamName,
      ...sum(members), targetId: null, version: null, proposedWhenSet: null, setBy: null, setAt: null, note: null, reps: members.length,
    }));
  }
  const monthOpen = targetMonthVerdict(period, currentMonth(ctx), await workspaceMonth(ctx)) === 'ok';
  return {
    period, from, to, proposalAsOf, groupBy: q.groupBy, rows, totals: sum(reps),
    canSet: monthOpen && ctx.actor.permissions.has('collection-target:set'),
  };
}

/**
 * A manager sets the collection targets of a month for reps in their scope (domain §11.2), in one
 * transaction: each target stores the proposal it was set beside; changing one needs the version
 * read (409 otherwise). Refused, writing nothing: a month over 12 months ahead or before the
 * workspace existed, a negative amount, a person out of scope (404) or not in sales, and one's own
 * target (set by one's superior). Every target written is audited.
 */
export async function setCollectionTargets(ctx: CommandContext, period: string, body: SetCollectionTargetsBody): Promise<CollectionTargetsDto> {
  const ws = ctx.workspace.id;
  const seen = new Set<string>();
  body.targets.forEach((t, i) => {
    if (seen.has(t.userId)) throw atField('VALIDATION_FAILED', `targets.${i}.userId`, 'errors.collectionTargetRepeated');
    seen.add(t.userId);
    if (!isValidTargetAmount(t.amount)) throw atField('RULE_VIOLATION', `targets.${i}.amount`, 'errors.collectionTargetNegative');
  });
  await assertTargetMonth(ctx, period);
  const owners = await visibleOwners(ctx.db, ctx);
  const known = new Map((await usersByIds(ctx.db, ws, [...seen])).map((u) => [u.id, u]));
  body.targets.forEach((t, i) => {
    const path = `targets.${i}.userId`;
    if (!known.has(t.userId) || !inScope(owners, t.userId)) throw atField('NOT_FOUND', path, 'errors.notFound', { entity: 'user' });
    if (t.userId === ctx.actor.id) throw atField('SEGREGATION_OF_DUTIES', path, 'errors.collectionTargetOwn');
    if (!known.get(t.userId)!.roles.some((r) => (TARGET_ROLES as readonly string[]).includes(r))) throw atField('RULE_VIOLATION', path, 'errors.collectionTargetNotSales');
  });

  const { proposalAsOf, to } = targetPeriod(period);
  await ctx.db.transaction(async (tx) => {
    const existing = new Map((await lockTargets(tx, ws, period, [...seen])).map((r) => [r.userId, r]));
    const proposals = new Map((await outstandingDueByOwner(tx, { workspaceId: ws, owners: { kind: 'users', ids: [...seen] }, asOf: proposalAsOf, dueBy: to }))
      .map((r) => [r.ownerId, r.outstanding]));
    for (const [i, t] of body.targets.entries()) {
      const values = { amount: money.format(t.amount), proposedAmount: money.format(proposals.get(t.userId) ?? 0), setBy: ctx.actor.id, note: t.note || null };
      const before = existing.get(t.userId);
      if (before) {
        if (t.version === undefined) throw new AppError('CONFLICT', 'errors.collectionTargetExists', { period }, [{ path: `targets.${i}.version`, message: 'errors.collectionTargetExists', params: { period } }]);
        const after = await updateTarget(tx, { workspaceId: ws, id: before.id, expectedVersion: t.version, set: values });
        if (!after) throw conflict();
        await appendAudit(tx, ctx, { entity: 'collection_target', entityId: after.id, action: 'update', before, after });
      } else {
        const now = new Date();
        const [after] = await tx.insert(collectionTargets).values({ workspaceId: ws, id: newId(), period, userId: t.userId, ...values, createdAt: now, updatedAt: now }).returning();
        await appendAudit(tx, ctx, { entity: 'collection_target', entityId: after!.id, action: 'set', after });
      }
    }
  });
  return getCollectionTargets(ctx, { period, groupBy: 'owner' });
}

/** The target table of a month as a workbook: one line per rep (or team) and the totals. */
export async function collectionTargetsXlsx(ctx: CommandContext, q: CollectionTargetQuery) {
  const report = await getCollectionTargets(ctx, q);
  const t = (key: string) => translate(ctx.locale, `receivables.targets.${key}`);
  type Row = Pick<CollectionTargetRowDto, 'name' | 'teamName' | 'proposed' | 'target' | 'collected' | 'attainment'>;
  const total: Row = { name: t('total'), teamName: null, ...report.totals };
  async function* pages() { yield [...report.rows, total]; }
  return {
    filename: `collection-targets-${report.period}.xlsx`,
    file: streamXlsx<Row>(`${t('sheet')} ${report.period}`, [
      { header: t(`group.${q.groupBy}`), width: 24, value: (r) => r.name },
      ...(q.groupBy === 'owner' ? [{ header: t('group.team'), width: 20, value: (r: Row) => r.teamName ?? '' }] : []),
      moneyColumn<Row>(t('proposed'), (r) => r.proposed),
      moneyColumn<Row>(t('target'), (r) => r.target),
      moneyColumn<Row>(t('collected'), (r) => r.collected),
      { header: t('attainment'), width: 12, value: (r) => (r.attainment === null ? '' : `${r.attainment}%`) },
    ], pages()),
  };
}
