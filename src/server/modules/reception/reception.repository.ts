import { aliasedTable, and, asc, desc, eq, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { IsoDate } from '../../../shared/dates.js';
import type { Executor } from '../../platform/db/client.js';
import { departments, users } from '../../platform/org/org.schema.js';
import { receptionMakeUps, receptionOverrides, receptionRoster, receptionRotations, receptionVisits } from './reception.schema.js';

export type VisitRow = typeof receptionVisits.$inferSelect;
export type MakeUpRow = typeof receptionMakeUps.$inferSelect;

const SALES_ROLES = sql`ARRAY['sales_rep','sales_supervisor','sales_manager']::text[]`;

/** Active users holding a sales role, among `ids` (or all of them), with their names. */
export async function activeSalesUsers(db: Executor, workspaceId: string, ids?: readonly string[], onlyReps = false) {
  const conditions: SQL[] = [eq(users.workspaceId, workspaceId), eq(users.isActive, true),
    onlyReps ? sql`${users.roles} @> ARRAY['sales_rep']::text[]` : sql`${users.roles} && ${SALES_ROLES}`];
  if (ids) {
    if (ids.length === 0) return [];
    conditions.push(inArray(users.id, [...ids]));
  }
  return db.select({ id: users.id, name: users.name, departmentId: users.departmentId }).from(users)
    .where(and(...conditions)).orderBy(asc(users.username));
}

/** Active holders of a role (the sales managers told when nobody is on duty). */
export async function activeHoldersOf(db: Executor, workspaceId: string, role: string): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.isActive, true), sql`${users.roles} @> ARRAY[${role}]::text[]`));
  return rows.map((r) => r.id);
}

export async function userNames(db: Executor, workspaceId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users)
    .where(and(eq(users.workspaceId, workspaceId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function orgDepartments(db: Executor, workspaceId: string) {
  return db.select({ id: departments.id, parentId: departments.parentId, managerId: departments.managerId })
    .from(departments).where(eq(departments.workspaceId, workspaceId));
}

// ── roster and rotation ───────────────────────────────────────────────────────────────────────

export async function rosterBetween(db: Executor, workspaceId: string, from: IsoDate, to: IsoDate) {
  return db.select({ dutyDate: receptionRoster.dutyDate, userId: receptionRoster.userId, position: receptionRoster.position, name: users.name })
    .from(receptionRoster)
    .innerJoin(users, and(eq(users.workspaceId, receptionRoster.workspaceId), eq(users.id, receptionRoster.userId)))
    .where(and(eq(receptionRoster.workspaceId, workspaceId), gte(receptionRoster.dutyDate, from), lte(receptionRoster.dutyDate, to)))
    .orderBy(asc(receptionRoster.dutyDate), asc(receptionRoster.position));
}

/** Today's on-duty members who are still active sales users, in rotation order. */
export async function onDutyMembers(db: Executor, workspaceId: string, on: IsoDate): Promise<string[]> {
  const rows = await db.select({ userId: receptionRoster.userId }).from(receptionRoster)
    .innerJoin(users, and(eq(users.workspaceId, receptionRoster.workspaceId), eq(users.id, receptionRoster.userId)))
    .where(and(eq(receptionRoster.workspaceId, workspaceId), eq(receptionRoster.dutyDate, on), eq(users.isActive, true), sql`${users.roles} && ${SALES_ROLES}`))
    .orderBy(asc(receptionRoster.position));
  return rows.map((r) => r.userId);
}

/** The day's rotation row, created when missing and locked until the transaction ends. */
export async function lockRotation(tx: Executor, workspaceId: string, on: IsoDate) {
  await tx.insert(receptionRotations).values({ workspaceId, rotationDate: on }).onConflictDoNothing();
  const [row] = await tx.select().from(receptionRotations)
    .where(and(eq(receptionRotations.workspaceId, workspaceId), eq(receptionRotations.rotationDate, on))).for('update');
  return row!;
}

/** The oldest approved make-up customer still owed to an active sales user, locked. */
export async function oldestOwedMakeUp(tx: Executor, workspaceId: string): Promise<MakeUpRow | null> {
  const [row] = await tx.select({ m: receptionMakeUps }).from(receptionMakeUps)
    .innerJoin(users, and(eq(users.workspaceId, receptionMakeUps.workspaceId), eq(users.id, receptionMakeUps.userId)))
    .where(and(eq(receptionMakeUps.workspaceId, workspaceId), eq(receptionMakeUps.status, 'approved'), eq(users.isActive, true)))
    .orderBy(asc(receptionMakeUps.grantedAt), asc(receptionMakeUps.id)).limit(1).for('update', { of: receptionMakeUps });
  return row?.m ?? null;
}

// ── visits ────────────────────────────────────────────────────────────────────────────────────

export async function findVisit(db: Executor, workspaceId: string, id: string): Promise<VisitRow | null> {
  const [row] = await db.select().from(receptionVisits).where(and(eq(receptionVisits.workspaceId, workspaceId), eq(receptionVisits.id, id)));
  return row ?? null;
}

export async function lockVisit(tx: Executor, workspaceId: string, id: string): Promise<VisitRow | null> {
  const [row] = await tx.select().from(receptionVisits)
    .where(and(eq(receptionVisits.workspaceId, workspaceId), eq(receptionVisits.id, id))).for('update');
  return row ?? null;
}

/** One page of visits (limit + 1 rows), newest first (ids are time-ordered UUIDv7). */
export async function listVisits(db: Executor, p: { workspaceId: string; where: SQL[]; beforeId?: string; limit: number }) {
  const conditions = [eq(receptionVisits.workspaceId, p.workspaceId), ...p.where];
  if (p.beforeId) conditions.push(lt(receptionVisits.id, p.beforeId));
  return db.select().from(receptionVisits).where(and(...conditions)).orderBy(desc(receptionVisits.id)).limit(p.limit + 1);
}

export async function makeUpsOf(db: Executor, workspaceId: string, visitIds: readonly string[]): Promise<Map<string, MakeUpRow>> {
  if (visitIds.length === 0) return new Map();
  const rows = await db.select().from(receptionMakeUps)
    .where(and(eq(receptionMakeUps.workspaceId, workspaceId), inArray(receptionMakeUps.visitId, [...visitIds])));
  return new Map(rows.map((r) => [r.visitId, r]));
}

/** Visit counts per day, channel, kind and returning flag within a period (the daily report). */
export async function countVisits(db: Executor, workspaceId: string, from: IsoDate, to: IsoDate, scope: SQL) {
  return db.select({
    date: receptionVisits.visitDate, source: receptionVisits.source, kind: receptionVisits.kind,
    isReturning: sql<boolean>`${receptionVisits.autoRoutedBy} = 'existing_owner'`, n: sql<number>`count(*)::int`,
  }).from(receptionVisits)
    .where(and(eq(receptionVisits.workspaceId, workspaceId), gte(receptionVisits.visitDate, from), lte(receptionVisits.visitDate, to), scope))
    .groupBy(receptionVisits.visitDate, receptionVisits.source, receptionVisits.kind, sql`${receptionVisits.autoRoutedBy} = 'existing_owner'`);
}

// ── overrides ─────────────────────────────────────────────────────────────────────────────────

/** Overrides of automatic assignments, newest first, with the visit they changed. */
export async function listOverrides(db: Executor, p: { workspaceId: string; where: SQL[]; beforeId?: string; limit: number }) {
  const conditions = [eq(receptionOverrides.workspaceId, p.workspaceId), ...p.where];
  if (p.beforeId) conditions.push(lt(receptionOverrides.id, p.beforeId));
  const visit = aliasedTable(receptionVisits, 'v');
  return db.select({ o: receptionOverrides, v: visit }).from(receptionOverrides)
    .innerJoin(visit, and(eq(visit.workspaceId, receptionOverrides.workspaceId), eq(visit.id, receptionOverrides.visitId)))
    .where(and(...conditions)).orderBy(desc(receptionOverrides.id)).limit(p.limit + 1);
}
