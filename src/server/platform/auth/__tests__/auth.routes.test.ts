import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { Client, login, setupTestApp } from '../../../../../test/harness.js';
import { apiTokens, loginThrottle, sessions } from '../auth.schema.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;

let seq = 0;
const unique = (base: string) => `${base}${process.pid}x${seq++}`;

/** A fresh sales rep (so lock-outs and password changes never touch the demo logins other tests use). */
async function freshUser(password = 'first-pass-1') {
  const admin = await t.loginAs('admin');
  const username = unique('auth');
  const res = await admin.post('/api/v1/users', { username, name: '测试用户', password, roles: ['sales_rep'], departmentId: t.demo.departmentIds.sales1 });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, username, password };
}

const attempt = (loginText: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: loginText, password }, headers });

/** A client that sends only a bearer token: no cookie and no CSRF header. */
const bearer = (token: string) => new Client(t.app, null, { authorization: `Bearer ${token}` });

describe('sign in', () => {
  it('signs in with the demo password and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { login: 'rep1', password: 'kairos-demo' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'rep1', name: '陈静', roles: ['sales_rep'], workspaceId: ws });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/kairos_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    // the database keeps only a hash of the session token
    const token = /kairos_session=([^;]+)/.exec(cookie)![1]!;
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.tokenHash, token))).toEqual([]);
  });

  it('accepts the e-mail address or any letter case of the username as the login', async () => {
    const user = await freshUser();
    const admin = await t.loginAs('admin');
    await admin.patch(`/api/v1/users/${user.id}`, { version: 1, email: `${user.username}@example.com` });
    expect((await attempt(user.username.toUpperCase(), user.password)).statusCode).toBe(200);
    expect((await attempt(`${user.username}@example.com`, user.password)).statusCode).toBe(200);
  });

  it('answers a wrong password with 401 and the very same message whether or not the login exists', async () => {
    const user = await freshUser();
    const known = await attempt(user.username, 'wrong-password');
    const unknown = await attempt(unique('nobody'), 'wrong-password');
    expect(known.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(known.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });
    expect(unknown.json()).toEqual(known.json());
    expect(known.headers['set-cookie']).toBeUndefined();

    const en = await attempt(unique('nobody'), 'wrong-password', { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('Wrong login or password');
  });

  it('records a successful login and a failed one in the audit log (who, IP), never the password', async () => {
    const user = await freshUser();
    await attempt(user.username, 'wrong-password-x');
    await login(t.app, user.username, user.password);
    const entries = await auditRows(t, ws, { entity: 'user', entityId: user.id });
    expect(entries.map((e) => e.action)).toEqual(['create', 'login_failed', 'login']);
    expect(entries[1]).toMatchObject({ actorId: user.id, ip: '127.0.0.1', after: expect.objectContaining({ failures: 1 }) });
    expect(entries[2]).toMatchObject({ actorId: user.id, ip: '127.0.0.1' });
    expect(JSON.stringify(entries)).not.toMatch(/wrong-password-x|first-pass-1/);
  });

  it('locks a login for 15 minutes after 5 failures: the 6th attempt, even with the right password, gets 429', async () => {
    const user = await freshUser();
    for (let i = 0; i < 5; i++) expect((await attempt(user.username, `wrong-${i}`)).statusCode).toBe(401);
    const locked = await attempt(user.username, user.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'RATE_LIMITED', message: '登录失败次数过多，请 15 分钟后再试' });
    expect(locked.headers['set-cookie']).toBeUndefined();
    expect(await countRows(t, 'sessions', ws)).toBeGreaterThan(0);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);

    const [throttle] = await t.handle.db.select().from(loginThrottle).where(eq(loginThrottle.loginKey, user.username.toLowerCase()));
    const minutesLeft = (throttle!.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(14);
    expect(minutesLeft).toBeLessThanOrEqual(15);
    // the lock is on the login text, so another letter case does not get around it
    expect((await attempt(user.username.toUpperCase(), user.password)).statusCode).toBe(429);
  });

  it('lets the user in again once the 15 minutes have passed', async () => {
    const user = await freshUser();
    for (let i = 0; i < 5; i++) await attempt(user.username, `wrong-${i}`);
    expect((await attempt(user.username, user.password)).statusCode).toBe(429);
    await t.handle.db.update(loginThrottle).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(loginThrottle.loginKey, user.username));
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
    expect(await t.handle.db.select().from(loginThrottle).where(eq(loginThrottle.loginKey, user.username))).toEqual([]);
  });

  it('locks a login that does not exist in the same way, so lock-out reveals nothing about who has an account', async () => {
    const ghost = unique('ghost');
    const user = await freshUser();
    for (let i = 0; i < 5; i++) {
      const [a, b] = [await attempt(ghost, `wrong-${i}`), await attempt(user.username, `wrong-${i}`)];
      expect(a.json()).toEqual(b.json());
    }
    const lockedGhost = await attempt(ghost, 'anything');
    const lockedUser = await attempt(user.username, user.password);
    expect(lockedGhost.statusCode).toBe(429);
    expect(lockedGhost.json()).toEqual(lockedUser.json());
  });

  it('a successful sign-in clears earlier failures, so four more do not lock the login', async () => {
    const user = await freshUser();
    for (let i = 0; i < 4; i++) await attempt(user.username, `wrong-${i}`);
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt(user.username, `wrong-${i}`);
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
  });

  it('failures on one login never lock another', async () => {
    const a = await freshUser();
    const b = await freshUser();
    for (let i = 0; i < 5; i++) await attempt(a.username, `wrong-${i}`);
    expect((await attempt(a.username, a.password)).statusCode).toBe(429);
    expect((await attempt(b.username, b.password)).statusCode).toBe(200);
  });
});

describe('session', () => {
  it('/auth/me returns the user with their permissions and data scope', async () => {
    const rep = (await (await t.loginAs('rep1')).get('/api/v1/auth/me')).json();
    expect(rep.user).toMatchObject({ id: t.demo.userIds.rep1, username: 'rep1', roles: ['sales_rep'], departmentId: t.demo.departmentIds.sales1, workspaceName: '示例科技有限公司' });
    expect(rep.dataScope).toBe('own');
    expect(rep.permissions).toEqual(expect.arrayContaining(['user:read', 'approval:decide', 'token:manage']));
    expect(rep.permissions).not.toContain('audit:read');

    const manager = (await (await t.loginAs('manager1')).get('/api/v1/auth/me')).json();
    expect(manager.dataScope).toBe('department_tree');
    const admin = (await (await t.loginAs('admin')).get('/api/v1/auth/me')).json();
    expect(admin.dataScope).toBe('none');
    expect(admin.permissions).toEqual(expect.arrayContaining(['user:manage', 'audit:read']));
  });

  it('without a session /auth/me is 401 UNAUTHENTICATED', async () => {
    const res = await t.anonymous.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
    const forged = await new Client(t.app, 'kairos_session=forged-token').get('/api/v1/auth/me');
    expect(forged.statusCode).toBe(401);
  });

  it('logout ends the session: the cookie no longer works, the session row is gone and the logout is audited', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const other = await login(t.app, user.username, user.password);
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(2);

    const res = await client.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/kairos_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(200); // only this session ends
    expect(await t.handle.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    expect((await auditRows(t, ws, { entityId: user.id, action: 'logout' }))).toHaveLength(1);
  });

  it('an expired session is refused', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    await t.handle.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.userId, user.id));
    expect((await client.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('CSRF guard', () => {
  it('refuses a cookie-authenticated POST without X-Requested-With: kairos (403) and writes nothing', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const tokensBefore = await countRows(t, 'api_tokens', ws);
    const auditBefore = await countRows(t, 'audit_log', ws);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'csrf' }, headers: { cookie: client.cookie! } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('X-Requested-With') });
    const wrongValue = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: 'csrf' }, headers: { cookie: client.cookie!, 'x-requested-with': 'XMLHttpRequest' } });
    expect(wrongValue.statusCode).toBe(403);

    const admin = await t.loginAs('admin');
    const usersBefore = await countRows(t, 'users', ws);
    const createUser = await t.app.inject({
      method: 'POST', url: '/api/v1/users', headers: { cookie: admin.cookie! },
      payload: { username: unique('csrf'), name: '跨站', password: 'start-pass-1', roles: ['sales_rep'] },
    });
    expect(createUser.statusCode).toBe(403);
    expect(await countRows(t, 'users', ws)).toBe(usersBefore);
    expect(await countRows(t, 'api_tokens', ws)).toBe(tokensBefore);
    expect(await countRows(t, 'audit_log', ws)).toBe(auditBefore + 1); // the admin's own login only
  });

  it('lets a cookie-authenticated GET through without the header', async () => {
    const rep = await t.loginAs('rep2');
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: rep.cookie! } });
    expect(res.statusCode).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('shows a new token once, stores only its hash, and accepts it as a bearer token without the CSRF header', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const res = await client.post('/api/v1/auth/tokens', { name: '报表集成' });
    expect(res.statusCode).toBe(201);
    const { id, token, name } = res.json();
    expect(name).toBe('报表集成');
    expect(token).toMatch(/^kairos_/);

    const [row] = await t.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.tokenHash).not.toBe(token);
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.userId).toBe(user.id);

    const listed = (await client.get('/api/v1/auth/tokens')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id, name: '报表集成', revokedAt: null })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed[0].prefix.length).toBeLessThan(token.length);

    const me = await bearer(token).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(user.id);
    // a mutating bearer request needs no CSRF header
    const viaToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/tokens', payload: { name: '第二个' }, headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.statusCode).toBe(201);
    expect((await t.handle.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id)))).toHaveLength(2);

    const [created] = await auditRows(t, ws, { entity: 'api_token', action: 'create', entityId: id });
    expect(JSON.stringify(created)).not.toContain(token);
  });

  it('a revoked token gets 401 at once, and the revocation is audited', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const { id, token } = (await client.post('/api/v1/auth/tokens', { name: '临时' })).json();
    expect((await bearer(token).get('/api/v1/auth/me')).statusCode).toBe(200);

    expect((await client.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(204);
    const res = await bearer(token).get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    const [row] = await t.handle.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.revokedAt).not.toBeNull();
    expect(await auditRows(t, ws, { entity: 'api_token', action: 'revoke', entityId: id })).toHaveLength(1);
  });

  it('nobody can revoke or see another person\'s token (404)', async () => {
    const owner = await freshUser();
    const ownerClient = await login(t.app, owner.username, owner.password);
    const { id, token } = (await ownerClient.post('/api/v1/auth/tokens', { name: '我的' })).json();
    const admin = await t.loginAs('admin');
    expect((await admin.delete(`/api/v1/auth/tokens/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/auth/tokens')).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    expect((await bearer(token).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('an unknown bearer token gets 401, and a deactivated user\'s token stops working', async () => {
    expect((await bearer('kairos_not-a-real-token').get('/api/v1/auth/me')).statusCode).toBe(401);
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const { token } = (await client.post('/api/v1/auth/tokens', { name: '停用前' })).json();
    const admin = await t.loginAs('admin');
    await admin.patch(`/api/v1/users/${user.id}`, { version: 1, isActive: false });
    expect((await bearer(token).get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});

describe('password change', () => {
  it('refuses a wrong current password with 400 naming currentPassword, and keeps the old password', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const res = await client.post('/api/v1/auth/password', { currentPassword: 'not-my-password', newPassword: 'new-pass-123' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: 'currentPassword', message: '当前密码不正确' }] });
    expect((await attempt(user.username, 'new-pass-123')).statusCode).toBe(401);
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
    expect(await auditRows(t, ws, { entityId: user.id, action: 'password_change' })).toEqual([]);
  });

  it('changes the password, signs out the other sessions but keeps the current one, and audits it', async () => {
    const user = await freshUser();
    const current = await login(t.app, user.username, user.password);
    const elsewhere = await login(t.app, user.username, user.password);
    const res = await current.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'new-pass-123' });
    expect(res.statusCode).toBe(204);

    expect((await current.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(await t.handle.db.select().from(sessions).where(and(eq(sessions.workspaceId, ws), eq(sessions.userId, user.id)))).toHaveLength(1);
    expect((await attempt(user.username, user.password)).statusCode).toBe(401);
    expect((await attempt(user.username, 'new-pass-123')).statusCode).toBe(200);
    const [entry] = await auditRows(t, ws, { entityId: user.id, action: 'password_change' });
    expect(JSON.stringify(entry)).not.toMatch(/new-pass-123|first-pass-1/);
  });

  it('refuses a new password shorter than 8 characters (400 naming newPassword)', async () => {
    const user = await freshUser();
    const client = await login(t.app, user.username, user.password);
    const res = await client.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'short' }, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'newPassword', message: expect.stringMatching(/8/) }]);
    expect((await attempt(user.username, user.password)).statusCode).toBe(200);
  });
});
