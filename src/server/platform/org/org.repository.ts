import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { departments, territories, users } from './org.schema.js';

export type UserRow = typeof users.$inferSelect;
export type DepartmentRow = typeof departments.$inferSelect;
export type TerritoryRow = typeof territories.$inferSelect;

export async function findUser(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  return row ?? null;
}

export async function listUsers(db: Executor, workspaceId: string, f: { q?: string; departmentId?: string; role?: string; isActive?: boolean; afterId?: string; limit: number }) {
  const conditions: SQL[] = [eq(users.workspaceId, workspaceId)];
  if (f.q) conditions.push(or(ilike(users.name, `%${f.q}%`), ilike(users.username, `%${f.q}%`))!);
  if (f.departmentId) conditions.push(eq(users.departmentId, f.departmentId));
  if (f.role) conditions.push(sql`${users.roles} @> ARRAY[${f.role}]::text[]`);
  if (f.isActive !== undefined) conditions.push(eq(users.isActive, f.isActive));
  if (f.afterId) conditions.push(gt(users.id, f.afterId));
  return db.select().from(users).where(and(...conditions)).orderBy(asc(users.id)).limit(f.limit + 1);
}

export async function findDepartment(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select().from(departments).where(and(eq(departments.workspaceId, workspaceId), eq(departments.id, id)));
  return row ?? null;
}

export async function listDepartments(db: Executor, workspaceId: string) {
  return db.select().from(departments).where(eq(departments.workspaceId, workspaceId)).orderBy(asc(departments.path));
}

export async function findTerritory(db: Executor, workspaceId: string, id: string) {
  const [row] = await db.select().from(territories).where(and(eq(territories.workspaceId, workspaceId), eq(territories.id, id)));
  return row ?? null;
}

export async function listTerritories(db: Executor, workspaceId: string) {
  return db.select().from(territories).where(eq(territories.workspaceId, workspaceId)).orderBy(asc(territories.path));
}

/** Re-roots a sub-tree's materialised paths after a move, in one statement. */
export async function movePaths(db: Executor, table: typeof departments | typeof territories, workspaceId: string, oldPath: string, newPath: string) {
  await db.update(table).set({ path: sql`${newPath} || substr(${table.path}, ${oldPath.length + 1})` })
    .where(and(eq(table.workspaceId, workspaceId), sql`${table.path} LIKE ${`${oldPath}%`}`));
}
