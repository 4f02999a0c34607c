import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateDepartmentBody, CreateTerritoryBody, CreateUserBody, RoleCode, UpdateDepartmentBody, UpdateTerritoryBody, UpdateUserBody, UserDto,
} from '../../../shared/contracts/org.contract.js';
import { AppError, invalidField, notFound } from '../../../shared/errors.js';
import { appendAudit } from '../audit/audit.service.js';
import { sessions } from '../auth/auth.schema.js';
import { hashPassword } from '../auth/passwords.js';
import { findRoleConflict } from '../authz/sod.rules.js';
import { childPath, wouldCreateCycle } from '../authz/scope.rules.js';
import type { Executor } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { newId } from '../db/columns.js';
import type { CommandContext } from '../http/context.js';
import { decodeIdCursor, pageFrom } from '../http/pagination.js';
import { findDepartment, findTerritory, findUser, listUsers as listUserRows, movePaths, type UserRow } from './org.repository.js';
import { departments, territories, users } from './org.schema.js';

export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id, workspaceId: u.workspaceId, username: u.username, email: u.email, name: u.name, roles: u.roles as RoleCode[],
    departmentId: u.departmentId, territoryIds: u.territoryIds, isActive: u.isActive, locale: u.locale, version: u.version,
    createdAt: u.createdAt.toISOString(), updatedAt: u.updatedAt.toISOString(),
  };
}

/** Refuses a role set that breaks domain §1.1. */
export function assertRolesCompatible(roles: readonly RoleCode[]) {
  const conflict = findRoleConflict(roles);
  if (conflict) {
    throw new AppError('SEGREGATION_OF_DUTIES', 'errors.sodRoles', { a: conflict.role, b: conflict.conflictsWith, duty: conflict.duty },
      [{ path: 'roles', message: 'errors.sodRoles', params: { a: conflict.role, b: conflict.conflictsWith } }]);
  }
}

async function assertReferences(tx: Executor, workspaceId: string, input: { departmentId?: string | null; territoryIds?: string[] }) {
  if (input.departmentId && !(await findDepartment(tx, workspaceId, input.departmentId))) {
    throw invalidField('departmentId', 'errors.unknownReference', { entity: 'department' });
  }
  for (const [i, id] of (input.territoryIds ?? []).entries()) {
    if (!(await findTerritory(tx, workspaceId, id))) throw invalidField(`territoryIds.${i}`, 'errors.unknownReference', { entity: 'territory' });
  }
}

function duplicateLogin(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError('DUPLICATE', 'errors.duplicate', { field: 'username/email' }, [{ path: 'username', message: 'errors.duplicate', params: { field: 'username/email' } }]);
  }
  throw error;
}

export async function listUsers(ctx: CommandContext, q: { q?: string; departmentId?: string; role?: string; isActive?: 'true' | 'false'; limit: number; cursor?: string }) {
  const rows = await listUserRows(ctx.db, ctx.workspace.id, {
    q: q.q, departmentId: q.departmentId, role: q.role, isActive: q.isActive === undefined ? undefined : q.isActive === 'true',
    afterId: decodeIdCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: page.items.map(toUserDto), nextCursor: page.nextCursor };
}

export async function getUser(ctx: CommandContext, id: string) {
  const user = await findUser(ctx.db, ctx.workspace.id, id);
  if (!user) throw notFound('user');
  return toUserDto(user);
}

export async function createUser(ctx: CommandContext, input: z.infer<typeof CreateUserBody>) {
  assertRolesCompatible(input.roles);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    await assertReferences(tx, ctx.workspace.id, input);
    const [created] = await tx.insert(users).values({
      workspaceId: ctx.workspace.id, username: input.username, email: input.email ?? null, name: input.name, passwordHash,
      roles: input.roles, departmentId: input.departmentId ?? null, territoryIds: input.territoryIds, locale: input.locale,
    }).returning().catch(duplicateLogin);
    await appendAudit(tx, ctx, { entity: 'user', entityId: created!.id, action: 'create', after: created });
    return toUserDto(created!);
  });
}

export async function updateUser(ctx: CommandContext, id: string, input: z.infer<typeof UpdateUserBody>) {
  if (input.roles) assertRolesCompatible(input.roles);
  if (input.isActive === false && id === ctx.actor.id) throw invalidField('isActive', 'errors.ownAccountDeactivate');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction(async (tx) => {
    const before = await findUser(tx, ctx.workspace.id, id);
    if (!before) throw notFound('user');
    await assertReferences(tx, ctx.workspace.id, input);
    const { version, password: _password, ...changes } = input;
    const [updated] = await tx.update(users)
      .set({ ...changes, ...(passwordHash ? { passwordHash, passwordChangedAt: new Date() } : {}), version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(and(eq(users.workspaceId, ctx.workspace.id), eq(users.id, id), eq(users.version, version)))
      .returning().catch(duplicateLogin);
    if (!updated) throw new AppError('CONFLICT', 'errors.staleVersion');
    const stillAdmin = await tx.select({ n: sql<number>`count(*)::int` }).from(users)
      .where(and(eq(users.workspaceId, ctx.workspace.id), eq(users.isActive, true), sql`${users.roles} @> ARRAY['admin']::text[]`));
    if ((stillAdmin[0]?.n ?? 0) === 0) throw invalidField('roles', 'errors.lastAdmin');
    // a password reset (often because the account was compromised) signs out every open session of that user
    if (passwordHash) await tx.delete(sessions).where(and(eq(sessions.workspaceId, ctx.workspace.id), eq(sessions.userId, id)));
    await appendAudit(tx, ctx, { entity: 'user', entityId: id, action: 'update', before, after: updated });
    return toUserDto(updated);
  });
}

type DepartmentInput = z.infer<typeof CreateDepartmentBody>;

export async function createDepartment(ctx: CommandContext, input: DepartmentInput) {
  return ctx.db.transaction(async (tx) => {
    const parent = input.parentId ? await findDepartment(tx, ctx.workspace.id, input.parentId) : null;
    if (input.parentId && !parent) throw invalidField('parentId', 'errors.unknownReference', { entity: 'department' });
    if (input.managerId && !(await findUser(tx, ctx.workspace.id, input.managerId))) throw invalidField('managerId', 'errors.unknownReference', { entity: 'user' });
    const id = newId();
    const [created] = await tx.insert(departments).values({
      id, workspaceId: ctx.workspace.id, name: input.name, parentId: parent?.id ?? null, managerId: input.managerId ?? null,
      path: childPath(parent?.path ?? null, id),
    }).returning();
    await appendAudit(tx, ctx, { entity: 'department', entityId: id, action: 'create', after: created });
    return created!;
  });
}

export async function updateDepartment(ctx: CommandContext, id: string, input: z.infer<typeof UpdateDepartmentBody>) {
  return ctx.db.transaction(async (tx) => {
    const before = await findDepartment(tx, ctx.workspace.id, id);
    if (!before) throw notFound('department');
    if (input.managerId && !(await findUser(tx, ctx.workspace.id, input.managerId))) throw invalidField('managerId', 'errors.unknownReference', { entity: 'user' });
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      const parent = input.parentId ? await findDepartment(tx, ctx.workspace.id, input.parentId) : null;
      if (input.parentId && !parent) throw invalidField('parentId', 'errors.unknownReference', { entity: 'department' });
      if (wouldCreateCycle(before.path, parent?.path ?? null)) throw invalidField('parentId', 'errors.departmentCycle');
      path = childPath(parent?.path ?? null, id);
    }
    const { version, ...changes } = input;
    const [updated] = await tx.update(departments).set({ ...changes, version: sql`${departments.version} + 1`, updatedAt: new Date() })
      .where(and(eq(departments.workspaceId, ctx.workspace.id), eq(departments.id, id), eq(departments.version, version))).returning();
    if (!updated) throw new AppError('CONFLICT', 'errors.staleVersion');
    if (path !== before.path) await movePaths(tx, departments, ctx.workspace.id, before.path, path);
    await appendAudit(tx, ctx, { entity: 'department', entityId: id, action: 'update', before, after: { ...updated, path } });
    return { ...updated, path };
  });
}

export async function createTerritory(ctx: CommandContext, input: z.infer<typeof CreateTerritoryBody>) {
  return ctx.db.transaction(async (tx) => {
    const parent = input.parentId ? await findTerritory(tx, ctx.workspace.id, input.parentId) : null;
    if (input.parentId && !parent) throw invalidField('parentId', 'errors.unknownReference', { entity: 'territory' });
    const id = newId();
    const [created] = await tx.insert(territories).values({
      id, workspaceId: ctx.workspace.id, name: input.name, parentId: parent?.id ?? null, path: childPath(parent?.path ?? null, id),
    }).returning();
    await appendAudit(tx, ctx, { entity: 'territory', entityId: id, action: 'create', after: created });
    return created!;
  });
}

export async function updateTerritory(ctx: CommandContext, id: string, input: z.infer<typeof UpdateTerritoryBody>) {
  return ctx.db.transaction(async (tx) => {
    const before = await findTerritory(tx, ctx.workspace.id, id);
    if (!before) throw notFound('territory');
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      const parent = input.parentId ? await findTerritory(tx, ctx.workspace.id, input.parentId) : null;
      if (input.parentId && !parent) throw invalidField('parentId', 'errors.unknownReference', { entity: 'territory' });
      if (wouldCreateCycle(before.path, parent?.path ?? null)) throw invalidField('parentId', 'errors.territoryCycle');
      path = childPath(parent?.path ?? null, id);
    }
    const { version, ...changes } = input;
    const [updated] = await tx.update(territories).set({ ...changes, version: sql`${territories.version} + 1`, updatedAt: new Date() })
      .where(and(eq(territories.workspaceId, ctx.workspace.id), eq(territories.id, id), eq(territories.version, version))).returning();
    if (!updated) throw new AppError('CONFLICT', 'errors.staleVersion');
    if (path !== before.path) await movePaths(tx, territories, ctx.workspace.id, before.path, path);
    await appendAudit(tx, ctx, { entity: 'territory', entityId: id, action: 'update', before, after: { ...updated, path } });
    return { ...updated, path };
  });
}
