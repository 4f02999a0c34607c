import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { newId } from '../src/server/platform/db/columns.js';
import { setupTestApp } from './harness.js';

const t = await setupTestApp();

/*
 * A second app on the same database with routes that fail the way bugs do: a thrown Error whose
 * message carries SQL and a path, a failing SQL statement, and a unique violation.
 */
const faulty = await buildApp({ handle: t.handle });
const publicRoute = { config: { public: true } };
faulty.get('/api/v1/__test/throw', publicRoute, async () => {
  throw new Error('SELECT password_hash FROM users WHERE id = 1 -- at handler (/work/main/src/server/secret.ts:42:7)');
});
faulty.get('/api/v1/__test/bad-sql', publicRoute, async () => {
  await t.handle.db.execute(sql`select secret_column from no_such_table_for_errors_test`);
  return { ok: true };
});
faulty.get('/api/v1/__test/duplicate', publicRoute, async () => {
  const id = newId();
  await t.handle.db.execute(sql`insert into workspaces (id, name) values (${id}, 'dup-a')`);
  await t.handle.db.execute(sql`insert into workspaces (id, name) values (${id}, 'dup-b')`);
  return { ok: true };
});
faulty.get('/api/v1/__test/throw-string', publicRoute, async () => {
  throw 'a bare string thrown from deep inside';
});
await faulty.ready();
afterAll(() => faulty.close());

/** The api.md error body: `{ error: { code, message, details? } }` and nothing else. */
function expectErrorShape(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/json/);
  const body = res.json() as { error: { code: string; message: string; details?: { path: string; message: string }[] } };
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(body.error)) expect(['code', 'message', 'details']).toContain(key);
  return body.error;
}

/** Nothing a bug leaks: no stack frames, file paths, SQL or driver wording. */
function expectNothingLeaked(res: LightMyRequestResponse) {
  for (const leak of [/\bat \S+ \(/, /\.ts:\d+/, /\/work\//, /select|insert|from\s+\w+/i, /password_hash/, /no_such_table/, /duplicate key|constraint|pkey/i, /stack/i, /bare string/]) {
    expect(res.body).not.toMatch(leak);
  }
}

describe('error handler', () => {
  it('answers an unknown route with the 404 error shape, localised', async () => {
    const gm = await t.loginAs('gm');
    const zh = expectErrorShape(await gm.get('/api/v1/no-such-thing'), 404, 'NOT_FOUND');
    expect(zh.message).toBe('记录不存在或无权访问');
    const en = expectErrorShape(await gm.get('/api/v1/no-such-thing', { 'accept-language': 'en-US' }), 404, 'NOT_FOUND');
    expect(en.message).toBe('Record not found or not accessible');
    // a method the route does not have is just as unknown
    expectErrorShape(await gm.delete('/api/v1/settings/policies'), 404, 'NOT_FOUND');
    expectErrorShape(await t.anonymous.get('/no-such-page.php'), 404, 'NOT_FOUND');
  });

  it('does not reveal to an anonymous caller whether an /api/v1 route exists (401 either way)', async () => {
    expectErrorShape(await t.anonymous.get('/api/v1/no-such-thing'), 401, 'UNAUTHENTICATED');
    expectErrorShape(await t.anonymous.get('/api/v1/approvals'), 401, 'UNAUTHENTICATED');
  });

  it('answers a malformed JSON body with 400 VALIDATION_FAILED and writes nothing', async () => {
    const admin = await t.loginAs('admin');
    const res = await t.app.inject({
      method: 'PATCH', url: '/api/v1/settings/policies', payload: '{"version": 1, "values": {"auth.maxFailedLogins": 6',
      headers: { cookie: admin.cookie!, 'x-requested-with': 'kairos', 'content-type': 'application/json' },
    });
    const error = expectErrorShape(res, 400, 'VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: '(body)', message: '取值无效' }]);
    expectNothingLeaked(res);
    expect((await admin.get('/api/v1/settings/policies')).json().version).toBe(1);
  });

  it('answers a body that is not JSON at all (wrong content type) with the 400 shape', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: 'login=rep1&password=kairos-demo', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(expectErrorShape(res, 400, 'VALIDATION_FAILED').details).toEqual([{ path: '(body)', message: '取值无效' }]);
  });

  it('refuses a body over the size limit with the error shape and no stack', async () => {
    const huge = JSON.stringify({ login: 'rep1', password: 'x'.repeat(11 * 1024 * 1024) });
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: huge, headers: { 'content-type': 'application/json' } });
    expect([400, 413]).toContain(res.statusCode);
    expect(expectErrorShape(res, res.statusCode, 'VALIDATION_FAILED').details).toEqual([{ path: '(body)', message: '取值无效' }]);
    expectNothingLeaked(res);
  });

  it('turns an unexpected exception into 500 INTERNAL with no stack or SQL in the body', async () => {
    for (const url of ['/api/v1/__test/throw', '/api/v1/__test/bad-sql', '/api/v1/__test/throw-string']) {
      const res = await faulty.inject({ method: 'GET', url });
      const error = expectErrorShape(res, 500, 'INTERNAL');
      expect(error.message).toBe('服务器内部错误，请稍后重试');
      expect(error.details).toBeUndefined();
      expectNothingLeaked(res);
    }
    const en = await faulty.inject({ method: 'GET', url: '/api/v1/__test/bad-sql', headers: { 'accept-language': 'en-US' } });
    expect(expectErrorShape(en, 500, 'INTERNAL').message).toBe('Internal server error, please try again later');
  });

  it('maps a unique violation from the database to 409 CONFLICT without naming the constraint', async () => {
    const res = await faulty.inject({ method: 'GET', url: '/api/v1/__test/duplicate' });
    expectErrorShape(res, 409, 'CONFLICT');
    expectNothingLeaked(res);
  });

  it.each<[string | undefined, string]>([
    [undefined, '请先登录'],
    ['zh-CN', '请先登录'],
    ['zh-TW,zh;q=0.9', '请先登录'],
    ['fr-FR', '请先登录'], // unsupported → the zh-CN default
    ['en-US', 'Please sign in'],
    ['en', 'Please sign in'],
    ['en-GB,en;q=0.8,zh-CN;q=0.5', 'Please sign in'],
  ])('speaks the language of Accept-Language %s', async (language, message) => {
    const res = await t.anonymous.get('/api/v1/auth/me', language ? { 'accept-language': language } : {});
    expect(expectErrorShape(res, 401, 'UNAUTHENTICATED').message).toBe(message);
  });

  it('localises field errors too, naming the field in both languages', async () => {
    const admin = await t.loginAs('admin');
    const body = { version: 1, values: { 'auth.lockoutMinutes': 0 } };
    const zh = expectErrorShape(await admin.patch('/api/v1/settings/policies', body), 400, 'VALIDATION_FAILED');
    expect(zh.details).toEqual([{ path: 'values.auth.lockoutMinutes', message: '取值应在 1 到 1440 之间' }]);
    expect(zh.message).toContain('values.auth.lockoutMinutes');
    const en = expectErrorShape(await admin.patch('/api/v1/settings/policies', body, { 'accept-language': 'en-US' }), 400, 'VALIDATION_FAILED');
    expect(en.details).toEqual([{ path: 'values.auth.lockoutMinutes', message: 'Must be between 1 and 1440' }]);
    const unknown = expectErrorShape(await admin.patch('/api/v1/settings/policies', { ...body, extra: true }, { 'accept-language': 'en-US' }), 400, 'VALIDATION_FAILED');
    expect(unknown.details).toContainEqual({ path: 'extra', message: 'Unknown field' });
  });
});
