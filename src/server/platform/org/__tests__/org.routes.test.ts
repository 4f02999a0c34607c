import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { login, setupTestApp, type Client } from '../../../../../test/harness.js';
import { auditLog } from '../../audit/audit.schema.js';
import { sessions } from '../../auth/auth.schema.js';
import { contextFor } from '../../auth/context-for.js';
import { visibleOwners } from '../../authz/scope.js';
import { newId } from '../../db/columns.js';
import { departments, territories, users } from '../org.schema.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const dept = t.demo.departmentIds;
const terr = t.demo.territoryIds;

let seq = 0;
const unique = (base: string) => `${base}${process.pid}x${seq++}`;

async function userRow(id: string) {
  const [row] = await t.handle.db.select().from(users).where(and(eq(users.workspaceId, ws), eq(users.id, id)));
  return row;
}
async function departmentRow(id: string) {
  const [row] = await t.handle.db.select().from(departments).where(and(eq(departments.workspaceId, ws), eq(departments.id, id)));
  return row;
}
async function territoryRow(id: string) {
  const [row] = await t.handle.db.select().from(territories).where(and(eq(territories.workspaceId, ws), eq(territories.id, id)));
  return row;
}
const auditCount = () => countRows(t, 'audit_log', ws);

/** Creates a sales rep in 销售一部 through the API and returns its DTO. */
async function createRep(admin: Client, extra: Record<string, unknown> = {}) {
  const res = await admin.post('/api/v1/users', {
    username: unique('rep'), name: '新销售', password: 'start-pass-1', roles: ['sales_rep'], departmentId: dept.sales1, ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; username: string; version: number; name: string; roles: string[] };
}

describe('users', () => {
  it('an admin creates a user who can then sign in; the password is stored hashed and never echoed or audited', async () => {
    const admin = await t.loginAs('admin');
    const username = unique('newrep');
    const res = await admin.post('/api/v1/users', {
      username, email: `${username}@example.com`, name: '钱多多', password: 'first-pass-1', roles: ['sales_rep'],
      departmentId: dept.sales2, territoryIds: [terr.beijing],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ username, name: '钱多多', roles: ['sales_rep'], departmentId: dept.sales2, territoryIds: [terr.beijing], isActive: true, version: 1, workspaceId: ws });
    expect(res.body).not.toMatch(/first-pass-1|password/i);

    const row = await userRow(created.id);
    expect(row!.passwordHash).not.toContain('first-pass-1');
    const [entry] = await auditRows(t, ws, { entity: 'user', action: 'create', entityId: created.id });
    expect(entry).toMatchObject({ actorId: t.demo.userIds.admin, before: null, after: expect.objectContaining({ username, name: '钱多多' }) });
    expect(JSON.stringify(entry)).not.toMatch(/first-pass-1|passwordHash|scrypt/i);

    const me = await (await login(t.app, username, 'first-pass-1')).get('/api/v1/auth/me');
    expect(me.json().user).toMatchObject({ id: created.id, roles: ['sales_rep'], departmentId: dept.sales2 });
  });

  it('lists users for pickers with filters and cursor paging, and reads one user', async () => {
    const rep = await t.loginAs('rep1');
    const bySales1 = await rep.get(`/api/v1/users?departmentId=${dept.sales1}`);
    expect(bySales1.statusCode).toBe(200);
    const names = bySales1.json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['supervisor1', 'rep1', 'rep2']));
    expect(names).not.toContain('rep3');

    const finance = (await rep.get('/api/v1/users?role=finance')).json().items;
    expect(finance.map((u: { username: string }) => u.username)).toEqual(['finance1']);
    expect((await rep.get(`/api/v1/users?q=${encodeURIComponent('赵磊')}`)).json().items.map((u: { username: string }) => u.username)).toEqual(['rep3']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await rep.get(`/api/v1/users?limit=4${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBeGreaterThan(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(Object.values(t.demo.userIds)));

    const one = await rep.get(`/api/v1/users/${t.demo.userIds.rep3}`);
    expect(one.json()).toMatchObject({ username: 'rep3', name: '赵磊', departmentId: dept.sales2 });
    expect(one.body).not.toMatch(/passwordHash/);
    expect((await rep.get(`/api/v1/users/${newId()}`)).json().error.code).toBe('NOT_FOUND');
  });

  it('changes a user with the version read, bumps the version and audits before and after', async () => {
    const admin = await t.loginAs('admin');
    const user = await createRep(admin);
    const res = await admin.patch(`/api/v1/users/${user.id}`, { version: 1, name: '改名后', territoryIds: [terr.shanghai, terr.hangzhou] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '改名后', version: 2, territoryIds: [terr.shanghai, terr.hangzhou] });
    expect((await userRow(user.id))!.name).toBe('改名后');

    const [entry] = await auditRows(t, ws, { entity: 'user', action: 'update', entityId: user.id });
    expect(entry!.before).toMatchObject({ name: '新销售', version: 1 });
    expect(entry!.after).toMatchObject({ name: '改名后', version: 2 });
    expect(JSON.stringify([entry!.before, entry!.after])).not.toMatch(/passwordHash|scrypt/);
  });

  it('refuses a stale version with 409 CONFLICT and changes nothing', async () => {
    const admin = await t.loginAs('admin');
    const user = await createRep(admin);
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: 1, name: '第一次' })).statusCode).toBe(200);
    const before = await auditCount();

    const stale = await admin.patch(`/api/v1/users/${user.id}`, { version: 1, name: '过期的修改' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT', message: '该记录已被他人修改，请刷新后重试' });
    expect(await userRow(user.id)).toMatchObject({ name: '第一次', version: 2 });
    expect(await auditCount()).toBe(before);
  });

  it('refuses to create a user with incompatible roles (403 SEGREGATION_OF_DUTIES), writing no user and no audit row', async () => {
    const admin = await t.loginAs('admin');
    const usersBefore = await countRows(t, 'users', ws);
    const auditBefore = await auditCount();
    const username = unique('sod');
    const res = await admin.post('/api/v1/users', { username, name: '双岗', password: 'start-pass-1', roles: ['cs_specialist', 'sales_manager'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SEGREGATION_OF_DUTIES');
    expect(res.json().error.details).toEqual([expect.objectContaining({ path: 'roles' })]);
    expect(res.json().error.message).toMatch(/cs_specialist|sales_manager/);
    expect(await countRows(t, 'users', ws)).toBe(usersBefore);
    expect(await auditCount()).toBe(auditBefore);
    expect(await t.handle.db.select().from(users).where(eq(users.username, username))).toEqual([]);
  });

  it('refuses to give rep1 the warehouse role too (a rep must not also ship), leaving rep1 as they were', async () => {
    const admin = await t.loginAs('admin');
    const before = await userRow(t.demo.userIds.rep1!);
    const auditBefore = await auditCount();
    const res = await admin.patch(`/api/v1/users/${t.demo.userIds.rep1}`, { version: before!.version, roles: ['sales_rep', 'warehouse'] }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'SEGREGATION_OF_DUTIES' });
    expect(res.json().error.message).toMatch(/incompatible/);
    expect(await userRow(t.demo.userIds.rep1!)).toMatchObject({ roles: ['sales_rep'], version: before!.version });
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses a duplicate username or e-mail (any letter case) with 409, writing nothing', async () => {
    const admin = await t.loginAs('admin');
    const usersBefore = await countRows(t, 'users', ws);
    const auditBefore = await auditCount();
    const dupName = await admin.post('/api/v1/users', { username: 'REP1', name: '重复', password: 'start-pass-1', roles: ['sales_rep'] });
    expect(dupName.statusCode).toBe(409);
    expect(['CONFLICT', 'DUPLICATE']).toContain(dupName.json().error.code);
    expect(dupName.json().error.details[0].path).toBe('username');

    const withEmail = await createRep(admin, { email: `${unique('mail')}@example.com` });
    const [row] = await t.handle.db.select({ email: users.email }).from(users).where(eq(users.id, withEmail.id));
    const dupMail = await admin.post('/api/v1/users', { username: unique('other'), email: row!.email!.toUpperCase(), name: '重复邮箱', password: 'start-pass-1', roles: ['sales_rep'] });
    expect(dupMail.statusCode).toBe(409);

    expect(await countRows(t, 'users', ws)).toBe(usersBefore + 1);
    expect(await auditCount()).toBe(auditBefore + 1); // only the one real creation
  });

  it('refuses an unknown department or territory with 400 naming the field, writing nothing', async () => {
    const admin = await t.loginAs('admin');
    const other = await seedWorkspace(t);
    const usersBefore = await countRows(t, 'users', ws);
    const auditBefore = await auditCount();
    const base = { name: '无部门', password: 'start-pass-1', roles: ['sales_rep'] };

    const unknownDept = await admin.post('/api/v1/users', { ...base, username: unique('u'), departmentId: newId() });
    expect(unknownDept.statusCode).toBe(400);
    expect(unknownDept.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'departmentId', message: '引用的部门不存在' }] });

    // a department of another workspace is as unknown as a made-up one
    const [otherDept] = await t.handle.db.select({ id: departments.id }).from(departments).where(eq(departments.workspaceId, other.workspaceId)).limit(1);
    const foreignDept = await admin.post('/api/v1/users', { ...base, username: unique('u'), departmentId: otherDept!.id });
    expect(foreignDept.json().error.details[0].path).toBe('departmentId');

    const unknownTerritory = await admin.post('/api/v1/users', { ...base, username: unique('u'), territoryIds: [terr.shanghai, newId()] }, { 'accept-language': 'en-US' });
    expect(unknownTerritory.statusCode).toBe(400);
    expect(unknownTerritory.json().error.details).toEqual([{ path: 'territoryIds.1', message: expect.stringMatching(/territory/i) }]);

    const user = await createRep(admin);
    const patch = await admin.patch(`/api/v1/users/${user.id}`, { version: 1, departmentId: newId() });
    expect(patch.json().error.details[0].path).toBe('departmentId');
    expect(await userRow(user.id)).toMatchObject({ departmentId: dept.sales1, version: 1 });

    expect(await countRows(t, 'users', ws)).toBe(usersBefore + 1);
    expect(await auditCount()).toBe(auditBefore + 1);
  });

  it('keeps the last active administrator: the admin can neither drop their own admin role nor deactivate themselves', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const adminId = w.userIds.admin!;
    const auditBefore = await countRows(t, 'audit_log', w.workspaceId);

    const dropRole = await admin.patch(`/api/v1/users/${adminId}`, { version: 1, roles: ['gm'] });
    expect(dropRole.statusCode).toBe(400);
    expect(dropRole.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'roles', message: '至少需要保留一名启用的系统管理员' }] });
    const deactivate = await admin.patch(`/api/v1/users/${adminId}`, { version: 1, isActive: false });
    expect(deactivate.statusCode).toBe(400);
    expect(deactivate.json().error.details[0].path).toBe('isActive');

    const [row] = await t.handle.db.select().from(users).where(and(eq(users.workspaceId, w.workspaceId), eq(users.id, adminId)));
    expect(row).toMatchObject({ roles: ['admin'], isActive: true, version: 1 });
    expect(await countRows(t, 'audit_log', w.workspaceId)).toBe(auditBefore);
  });

  it('a second administrator may deactivate the first, but then cannot remove their own admin role', async () => {
    const w = await seedWorkspace(t);
    const first = await w.loginAs('admin');
    const username = unique('admin2_');
    const created = await first.post('/api/v1/users', { username, name: '第二管理员', password: 'admin-pass-2', roles: ['admin'] });
    expect(created.statusCode).toBe(201);
    const second = await login(t.app, username, 'admin-pass-2');

    const off = await second.patch(`/api/v1/users/${w.userIds.admin}`, { version: 1, isActive: false });
    expect(off.statusCode).toBe(200);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401); // the deactivated admin is out at once

    const last = await second.patch(`/api/v1/users/${created.json().id}`, { version: 1, roles: ['gm'] });
    expect(last.statusCode).toBe(400);
    expect(last.json().error.details[0].path).toBe('roles');
    const [row] = await t.handle.db.select().from(users).where(eq(users.id, created.json().id));
    expect(row).toMatchObject({ roles: ['admin'], version: 1 });
  });

  it('an admin resetting a password lets the user in with the new one only, and signs out their open sessions', async () => {
    const admin = await t.loginAs('admin');
    const user = await createRep(admin);
    const session = await login(t.app, user.username, 'start-pass-1');
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(200);

    const res = await admin.patch(`/api/v1/users/${user.id}`, { version: 1, password: 'reset-pass-2' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('reset-pass-2');
    expect((await t.anonymous.post('/api/v1/auth/login', { login: user.username, password: 'start-pass-1' })).statusCode).toBe(401);
    expect((await t.anonymous.post('/api/v1/auth/login', { login: user.username, password: 'reset-pass-2' })).statusCode).toBe(200);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);

    const [entry] = await auditRows(t, ws, { entity: 'user', action: 'update', entityId: user.id });
    expect(JSON.stringify(entry)).not.toMatch(/reset-pass-2|passwordHash|scrypt/);
  });

  it('a deactivated user can no longer sign in, and their open session stops working', async () => {
    const admin = await t.loginAs('admin');
    const user = await createRep(admin);
    const session = await login(t.app, user.username, 'start-pass-1');
    expect((await admin.patch(`/api/v1/users/${user.id}`, { version: 1, isActive: false })).statusCode).toBe(200);
    expect((await session.get('/api/v1/auth/me')).statusCode).toBe(401);
    const again = await t.anonymous.post('/api/v1/auth/login', { login: user.username, password: 'start-pass-1' });
    expect(again.statusCode).toBe(401);
    expect((await admin.get(`/api/v1/users?isActive=false`)).json().items.map((u: { id: string }) => u.id)).toContain(user.id);
  });

  it('only an administrator creates or changes users (403 for the GM), writing nothing', async () => {
    const gm = await t.loginAs('gm');
    const usersBefore = await countRows(t, 'users', ws);
    const auditBefore = await auditCount();
    expect((await gm.post('/api/v1/users', { username: unique('x'), name: 'x', password: 'start-pass-1', roles: ['sales_rep'] })).json().error.code).toBe('FORBIDDEN');
    expect((await gm.patch(`/api/v1/users/${t.demo.userIds.rep2}`, { version: 1, name: '被改' })).statusCode).toBe(403);
    expect((await userRow(t.demo.userIds.rep2!))!.name).toBe('杨帆');
    expect(await countRows(t, 'users', ws)).toBe(usersBefore);
    expect(await auditCount()).toBe(auditBefore);
  });
});

describe('departments', () => {
  it('creates a team under 销售部, lists it in the tree and audits it', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.post('/api/v1/departments', { name: '销售三部', parentId: dept.sales, managerId: t.demo.userIds.supervisor1 });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: '销售三部', parentId: dept.sales, managerId: t.demo.userIds.supervisor1, version: 1 });
    expect((await departmentRow(created.id))!.path).toBe(`${(await departmentRow(dept.sales))!.path}${created.id}/`);

    const tree = (await (await t.loginAs('rep3')).get('/api/v1/departments')).json().items;
    expect(tree).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.id, parentId: dept.sales, name: '销售三部' })]));
    const [entry] = await auditRows(t, ws, { entity: 'department', action: 'create', entityId: created.id });
    expect(entry!.after).toMatchObject({ name: '销售三部', parentId: dept.sales });
  });

  it('renames with the current version and refuses a stale one (409), changing nothing', async () => {
    const admin = await t.loginAs('admin');
    const created = (await admin.post('/api/v1/departments', { name: '临时部门' })).json();
    const renamed = await admin.patch(`/api/v1/departments/${created.id}`, { version: 1, name: '正式部门' });
    expect(renamed.json()).toMatchObject({ name: '正式部门', version: 2 });
    const [entry] = await auditRows(t, ws, { entity: 'department', action: 'update', entityId: created.id });
    expect(entry).toMatchObject({ before: expect.objectContaining({ name: '临时部门' }), after: expect.objectContaining({ name: '正式部门' }) });

    const auditBefore = await auditCount();
    const stale = await admin.patch(`/api/v1/departments/${created.id}`, { version: 1, name: '过期名称' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    expect(await departmentRow(created.id)).toMatchObject({ name: '正式部门', version: 2 });
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses to move a department under itself or its own child (400 naming parentId), leaving the tree as it was', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const tree = (await admin.get('/api/v1/departments')).json().items as { id: string; name: string; parentId: string | null; version: number }[];
    const sales = tree.find((d) => d.name === '销售部')!;
    const sales1 = tree.find((d) => d.name === '销售一部')!;
    const pathsBefore = await t.handle.db.select({ id: departments.id, path: departments.path, parentId: departments.parentId }).from(departments).where(eq(departments.workspaceId, w.workspaceId)).orderBy(departments.id);
    const auditBefore = await countRows(t, 'audit_log', w.workspaceId);

    const underChild = await admin.patch(`/api/v1/departments/${sales.id}`, { version: sales.version, parentId: sales1.id });
    expect(underChild.statusCode).toBe(400);
    expect(underChild.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'parentId', message: '不能把部门移到它自己的下级' }] });
    const underSelf = await admin.patch(`/api/v1/departments/${sales.id}`, { version: sales.version, parentId: sales.id }, { 'accept-language': 'en-US' });
    expect(underSelf.statusCode).toBe(400);
    expect(underSelf.json().error.details[0]).toMatchObject({ path: 'parentId' });
    expect(underSelf.json().error.details[0].message).toMatch(/[a-z]/i);

    const pathsAfter = await t.handle.db.select({ id: departments.id, path: departments.path, parentId: departments.parentId }).from(departments).where(eq(departments.workspaceId, w.workspaceId)).orderBy(departments.id);
    expect(pathsAfter).toEqual(pathsBefore);
    expect(await countRows(t, 'audit_log', w.workspaceId)).toBe(auditBefore);
  });

  it('moving a department carries its sub-teams along: the old parent\'s manager no longer sees their people', async () => {
    const w = await seedWorkspace(t);
    const managerScope = async () => visibleOwners(t.handle.db, await contextFor(t.handle, w.workspaceId, w.userIds.manager1!));
    expect(await managerScope()).toMatchObject({ kind: 'users', ids: expect.arrayContaining([w.userIds.rep1, w.userIds.supervisor1, w.userIds.rep3]) });
    const admin = await w.loginAs('admin');
    const tree = (await admin.get('/api/v1/departments')).json().items as { id: string; name: string; version: number }[];
    const service = tree.find((d) => d.name === '客服部')!;
    const sales = tree.find((d) => d.name === '销售部')!;
    const child = (await admin.post('/api/v1/departments', { name: '大客户组', parentId: tree.find((d) => d.name === '销售一部')!.id })).json();
    const sales1 = (await admin.get('/api/v1/departments')).json().items.find((d: { name: string }) => d.name === '销售一部');

    const moved = await admin.patch(`/api/v1/departments/${sales1.id}`, { version: sales1.version, parentId: service.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ parentId: service.id, version: sales1.version + 1 });
    const rows = await t.handle.db.select().from(departments).where(eq(departments.workspaceId, w.workspaceId));
    const pathOf = (id: string) => rows.find((r) => r.id === id)!.path;
    expect(pathOf(sales1.id)).toBe(`${pathOf(service.id)}${sales1.id}/`);
    expect(pathOf(child.id)).toBe(`${pathOf(service.id)}${sales1.id}/${child.id}/`);
    expect(pathOf(child.id).startsWith(pathOf(sales.id))).toBe(false);
    const after = await managerScope();
    expect(after).toMatchObject({ kind: 'users', ids: expect.arrayContaining([w.userIds.rep3]) });
    expect(after).not.toMatchObject({ ids: expect.arrayContaining([w.userIds.rep1]) });
    const [entry] = await auditRows(t, w.workspaceId, { entity: 'department', action: 'update', entityId: sales1.id });
    expect(entry).toMatchObject({ before: expect.objectContaining({ parentId: sales.id }), after: expect.objectContaining({ parentId: service.id }) });
  });

  it('refuses an unknown parent or manager with 400 naming the field, writing nothing', async () => {
    const admin = await t.loginAs('admin');
    const before = await countRows(t, 'departments', ws);
    const auditBefore = await auditCount();
    const badParent = await admin.post('/api/v1/departments', { name: '孤儿部门', parentId: newId() });
    expect(badParent.statusCode).toBe(400);
    expect(badParent.json().error.details).toEqual([{ path: 'parentId', message: '引用的部门不存在' }]);
    const badManager = await admin.post('/api/v1/departments', { name: '无主部门', managerId: newId() });
    expect(badManager.json().error.details).toEqual([{ path: 'managerId', message: '引用的用户不存在' }]);
    const badPatch = await admin.patch(`/api/v1/departments/${dept.sales2}`, { version: 1, managerId: newId() });
    expect(badPatch.json().error.details[0].path).toBe('managerId');
    expect((await departmentRow(dept.sales2))!.managerId).toBeNull();
    expect(await countRows(t, 'departments', ws)).toBe(before);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('only an administrator changes the org (403 for the sales manager), writing nothing', async () => {
    const manager = await t.loginAs('manager1');
    const before = await countRows(t, 'departments', ws);
    expect((await manager.post('/api/v1/departments', { name: '私设部门' })).statusCode).toBe(403);
    expect((await manager.patch(`/api/v1/departments/${dept.sales2}`, { version: 1, managerId: t.demo.userIds.manager1 })).statusCode).toBe(403);
    expect(await countRows(t, 'departments', ws)).toBe(before);
    expect((await departmentRow(dept.sales2))!.managerId).toBeNull();
  });
});

describe('territories', () => {
  it('creates, renames and moves territories with versions and audit; a stale version changes nothing', async () => {
    const admin = await t.loginAs('admin');
    const created = await admin.post('/api/v1/territories', { name: '苏州', parentId: terr.east });
    expect(created.statusCode).toBe(201);
    const suzhou = created.json();
    expect(suzhou).toMatchObject({ name: '苏州', parentId: terr.east, version: 1 });
    expect((await (await t.loginAs('rep1')).get('/api/v1/territories')).json().items).toEqual(expect.arrayContaining([expect.objectContaining({ id: suzhou.id, name: '苏州' })]));

    const moved = await admin.patch(`/api/v1/territories/${suzhou.id}`, { version: 1, parentId: terr.north, name: '苏州（华北试点）' });
    expect(moved.json()).toMatchObject({ parentId: terr.north, name: '苏州（华北试点）', version: 2 });
    expect((await territoryRow(suzhou.id))!.path).toBe(`${(await territoryRow(terr.north))!.path}${suzhou.id}/`);
    const entries = await auditRows(t, ws, { entity: 'territory', entityId: suzhou.id });
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]).toMatchObject({ before: expect.objectContaining({ parentId: terr.east }), after: expect.objectContaining({ parentId: terr.north }) });

    const auditBefore = await auditCount();
    const stale = await admin.patch(`/api/v1/territories/${suzhou.id}`, { version: 1, name: '过期' });
    expect(stale.statusCode).toBe(409);
    expect((await territoryRow(suzhou.id))!.name).toBe('苏州（华北试点）');
    expect(await auditCount()).toBe(auditBefore);
  });

  it('refuses to move a territory under its own child or an unknown parent (400 naming parentId)', async () => {
    const admin = await t.loginAs('admin');
    const east = await territoryRow(terr.east);
    const auditBefore = await auditCount();
    const cycle = await admin.patch(`/api/v1/territories/${terr.east}`, { version: east!.version, parentId: terr.shanghai });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().error.details).toEqual([{ path: 'parentId', message: '不能把区域移到它自己的下级' }]);
    const unknown = await admin.post('/api/v1/territories', { name: '无处', parentId: newId() });
    expect(unknown.json().error.details).toEqual([{ path: 'parentId', message: '引用的区域不存在' }]);
    expect(await territoryRow(terr.east)).toMatchObject({ parentId: null, path: east!.path, version: east!.version });
    expect(await auditCount()).toBe(auditBefore);
  });
});

describe('roles', () => {
  it('shows every role with its permissions, data scope and the roles it cannot be combined with', async () => {
    const gm = await t.loginAs('gm');
    const res = await gm.get('/api/v1/roles');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; permissions: string[]; dataScope: string; incompatibleWith: string[] }[];
    expect(items.map((r) => r.code).sort()).toEqual(['admin', 'cs_manager', 'cs_specialist', 'finance', 'gm', 'receptionist', 'sales_manager', 'sales_rep', 'sales_supervisor', 'sales_vp', 'warehouse']);
    const byCode = Object.fromEntries(items.map((r) => [r.code, r]));
    expect(byCode.admin).toMatchObject({ dataScope: 'none', incompatibleWith: [] });
    expect(byCode.admin!.permissions).toContain('user:manage');
    expect(byCode.sales_rep).toMatchObject({ dataScope: 'own' });
    expect(byCode.sales_rep!.incompatibleWith).toEqual(expect.arrayContaining(['warehouse', 'cs_specialist', 'sales_manager']));
    expect(byCode.sales_rep!.permissions).not.toContain('audit:read');
    expect(byCode.warehouse!.incompatibleWith).toContain('sales_rep');
    expect(byCode.sales_manager).toMatchObject({ dataScope: 'department_tree' });
  });

  it('is not shown to a sales rep (403)', async () => {
    const rep = await t.loginAs('rep1');
    expect((await rep.get('/api/v1/roles')).json().error.code).toBe('FORBIDDEN');
  });
});

describe('audit of org changes', () => {
  it('every org change leaves exactly one audit row naming the actor, and none carries a password hash', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const rows = () => t.handle.db.select().from(auditLog).where(eq(auditLog.workspaceId, w.workspaceId)).orderBy(auditLog.id);
    const earlier = new Set((await rows()).map((r) => r.id));

    const user = (await admin.post('/api/v1/users', { username: unique('aud'), name: '审计', password: 'audit-pass-1', roles: ['cs_specialist'] })).json();
    await admin.patch(`/api/v1/users/${user.id}`, { version: 1, roles: ['cs_specialist', 'receptionist'], password: 'audit-pass-2' });
    const d = (await admin.post('/api/v1/departments', { name: '审计部' })).json();
    await admin.patch(`/api/v1/departments/${d.id}`, { version: 1, managerId: user.id });
    const tr = (await admin.post('/api/v1/territories', { name: '审计区' })).json();
    await admin.patch(`/api/v1/territories/${tr.id}`, { version: 1, name: '审计区二' });

    const written = (await rows()).filter((r) => !earlier.has(r.id));
    expect(written.map((r) => `${r.entity}:${r.action}`).sort()).toEqual([
      'department:create', 'department:update', 'territory:create', 'territory:update', 'user:create', 'user:update',
    ]);
    for (const r of written) {
      expect(r.actorId).toBe(w.userIds.admin);
      expect(r.after).not.toBeNull();
    }
    expect(written.filter((r) => r.action === 'update').every((r) => r.before !== null)).toBe(true);
    expect(JSON.stringify(written)).not.toMatch(/passwordHash|audit-pass|scrypt/);
  });
});

describe('sessions after role changes', () => {
  it('a role change applies to the user\'s open session at once', async () => {
    const admin = await t.loginAs('admin');
    const user = await createRep(admin);
    const session = await login(t.app, user.username, 'start-pass-1');
    expect((await session.get('/api/v1/auth/me')).json().dataScope).toBe('own');
    await admin.patch(`/api/v1/users/${user.id}`, { version: 1, roles: ['sales_supervisor'] });
    const me = (await session.get('/api/v1/auth/me')).json();
    expect(me.user.roles).toEqual(['sales_supervisor']);
    expect(me.dataScope).toBe('department_tree');
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
  });
});
