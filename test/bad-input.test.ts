import { describe, expect, it } from 'vitest';
import { newId } from '../src/server/platform/db/columns.js';
import { countRows } from './fixtures.js';
import { setupTestApp, type Client } from './harness.js';

/*
 * Bad input on every mutating endpoint of the org and auth area (issue 2, "Bad input and failure"):
 * each case gets the api.md error body naming the field, in zh-CN by default and in English with
 * `Accept-Language: en-US`, never a 500 — and writes nothing, not even an audit row.
 */
const t = await setupTestApp();
const demo = t.demo;

const admin = await t.loginAs('admin');
const rep = await t.loginAs('rep1');
const anonymous = t.anonymous;

type Who = 'admin' | 'rep' | 'anonymous';
const clients: Record<Who, Client> = { admin, rep, anonymous };

interface Case {
  endpoint: string;
  problem: string;
  who: Who;
  method: 'POST' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  status: 400 | 404;
  /** the field `details[].path` must name (400 only) */
  path?: string;
  /** exact zh-CN and en-US texts of that field's message, when worth pinning */
  zh?: string;
  en?: string;
}

const long = (n: number) => 'x'.repeat(n);
const rep2 = demo.userIds.rep2!;
const sales2 = demo.departmentIds.sales2;
const beijing = demo.territoryIds.beijing;
const validUser = { username: 'valid.user', name: '合法用户', password: 'valid-pass-1', roles: ['sales_rep'] };

const cases: Case[] = [
  // POST /auth/login
  { endpoint: 'POST /auth/login', problem: 'missing password', who: 'anonymous', method: 'POST', url: '/api/v1/auth/login', body: { login: 'rep1' }, status: 400, path: 'password', zh: '必填', en: 'Required' },
  { endpoint: 'POST /auth/login', problem: 'login of the wrong type', who: 'anonymous', method: 'POST', url: '/api/v1/auth/login', body: { login: 12345, password: 'kairos-demo' }, status: 400, path: 'login', zh: '类型错误，应为文本', en: 'Wrong type, expected text' },
  { endpoint: 'POST /auth/login', problem: 'login too long', who: 'anonymous', method: 'POST', url: '/api/v1/auth/login', body: { login: long(201), password: 'kairos-demo' }, status: 400, path: 'login', zh: '长度不能超过 200', en: 'Must be at most 200 long' },
  { endpoint: 'POST /auth/login', problem: 'unknown field (with the right password)', who: 'anonymous', method: 'POST', url: '/api/v1/auth/login', body: { login: 'rep1', password: 'kairos-demo', rememberMe: true }, status: 400, path: 'rememberMe', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'POST /auth/login', problem: 'a JSON array instead of an object', who: 'anonymous', method: 'POST', url: '/api/v1/auth/login', body: ['rep1', 'kairos-demo'], status: 400 },

  // POST /auth/password
  { endpoint: 'POST /auth/password', problem: 'missing newPassword', who: 'rep', method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'kairos-demo' }, status: 400, path: 'newPassword', zh: '必填', en: 'Required' },
  { endpoint: 'POST /auth/password', problem: 'currentPassword of the wrong type', who: 'rep', method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: true, newPassword: 'new-pass-123' }, status: 400, path: 'currentPassword' },
  { endpoint: 'POST /auth/password', problem: 'newPassword too long', who: 'rep', method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'kairos-demo', newPassword: long(201) }, status: 400, path: 'newPassword', zh: '长度不能超过 200', en: 'Must be at most 200 long' },
  { endpoint: 'POST /auth/password', problem: 'unknown field', who: 'rep', method: 'POST', url: '/api/v1/auth/password', body: { currentPassword: 'kairos-demo', newPassword: 'new-pass-123', confirmPassword: 'new-pass-123' }, status: 400, path: 'confirmPassword', zh: '不允许的字段', en: 'Unknown field' },

  // POST /auth/tokens, DELETE /auth/tokens/:id
  { endpoint: 'POST /auth/tokens', problem: 'missing name', who: 'rep', method: 'POST', url: '/api/v1/auth/tokens', body: {}, status: 400, path: 'name', zh: '必填', en: 'Required' },
  { endpoint: 'POST /auth/tokens', problem: 'blank name', who: 'rep', method: 'POST', url: '/api/v1/auth/tokens', body: { name: '   ' }, status: 400, path: 'name', zh: '必填', en: 'Required' },
  { endpoint: 'POST /auth/tokens', problem: 'name of the wrong type', who: 'rep', method: 'POST', url: '/api/v1/auth/tokens', body: { name: 42 }, status: 400, path: 'name', zh: '类型错误，应为文本', en: 'Wrong type, expected text' },
  { endpoint: 'POST /auth/tokens', problem: 'name too long', who: 'rep', method: 'POST', url: '/api/v1/auth/tokens', body: { name: long(101) }, status: 400, path: 'name', zh: '长度不能超过 100', en: 'Must be at most 100 long' },
  { endpoint: 'POST /auth/tokens', problem: 'unknown field', who: 'rep', method: 'POST', url: '/api/v1/auth/tokens', body: { name: '集成', scopes: ['all'] }, status: 400, path: 'scopes', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'DELETE /auth/tokens/:id', problem: 'malformed id', who: 'rep', method: 'DELETE', url: '/api/v1/auth/tokens/not-a-uuid', status: 400, path: 'id', zh: '无效的 ID', en: 'Invalid id' },
  { endpoint: 'DELETE /auth/tokens/:id', problem: 'unknown id', who: 'rep', method: 'DELETE', url: `/api/v1/auth/tokens/${newId()}`, status: 404 },

  // POST /users
  { endpoint: 'POST /users', problem: 'missing username', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, username: undefined }, status: 400, path: 'username', zh: '必填', en: 'Required' },
  { endpoint: 'POST /users', problem: 'roles given as a string', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, roles: 'sales_rep' }, status: 400, path: 'roles', zh: '类型错误，应为列表', en: 'Wrong type, expected list' },
  { endpoint: 'POST /users', problem: 'name too long', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, name: '名'.repeat(101) }, status: 400, path: 'name', zh: '长度不能超过 100', en: 'Must be at most 100 long' },
  { endpoint: 'POST /users', problem: 'unknown field', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, salary: '10000.00' }, status: 400, path: 'salary', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'POST /users', problem: 'unknown role code', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, roles: ['ceo'] }, status: 400, path: 'roles.0' },
  { endpoint: 'POST /users', problem: 'no role at all', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, roles: [] }, status: 400, path: 'roles' },
  { endpoint: 'POST /users', problem: 'invalid e-mail', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, email: 'not-an-email' }, status: 400, path: 'email', zh: '邮箱格式不正确', en: 'Invalid e-mail address' },
  { endpoint: 'POST /users', problem: 'password too short', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, password: 'short' }, status: 400, path: 'password', zh: '长度不能少于 8', en: 'Must be at least 8 long' },
  { endpoint: 'POST /users', problem: 'username with a space', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, username: 'bad name' }, status: 400, path: 'username', zh: '只能包含字母、数字和 . _ @ -', en: 'Only letters, digits and . _ @ - are allowed' },
  { endpoint: 'POST /users', problem: 'malformed territory id', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, territoryIds: [beijing, 'beijing'] }, status: 400, path: 'territoryIds.1', zh: '无效的 ID', en: 'Invalid id' },
  { endpoint: 'POST /users', problem: 'malformed department id', who: 'admin', method: 'POST', url: '/api/v1/users', body: { ...validUser, departmentId: 12 }, status: 400, path: 'departmentId' },

  // PATCH /users/:id
  { endpoint: 'PATCH /users/:id', problem: 'missing version', who: 'admin', method: 'PATCH', url: `/api/v1/users/${rep2}`, body: { name: '改名' }, status: 400, path: 'version', zh: '必填', en: 'Required' },
  { endpoint: 'PATCH /users/:id', problem: 'version as a string', who: 'admin', method: 'PATCH', url: `/api/v1/users/${rep2}`, body: { version: '1', name: '改名' }, status: 400, path: 'version', zh: '类型错误，应为数字', en: 'Wrong type, expected number' },
  { endpoint: 'PATCH /users/:id', problem: 'isActive of the wrong type', who: 'admin', method: 'PATCH', url: `/api/v1/users/${rep2}`, body: { version: 1, isActive: 'no' }, status: 400, path: 'isActive', zh: '类型错误，应为布尔值', en: 'Wrong type, expected boolean' },
  { endpoint: 'PATCH /users/:id', problem: 'name too long', who: 'admin', method: 'PATCH', url: `/api/v1/users/${rep2}`, body: { version: 1, name: long(101) }, status: 400, path: 'name' },
  { endpoint: 'PATCH /users/:id', problem: 'a field that cannot be changed (username)', who: 'admin', method: 'PATCH', url: `/api/v1/users/${rep2}`, body: { version: 1, username: 'hijack' }, status: 400, path: 'username', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'PATCH /users/:id', problem: 'unknown field (workspaceId)', who: 'admin', method: 'PATCH', url: `/api/v1/users/${rep2}`, body: { version: 1, workspaceId: newId() }, status: 400, path: 'workspaceId' },
  { endpoint: 'PATCH /users/:id', problem: 'unknown id', who: 'admin', method: 'PATCH', url: `/api/v1/users/${newId()}`, body: { version: 1, name: '幽灵' }, status: 404 },
  { endpoint: 'PATCH /users/:id', problem: 'malformed id', who: 'admin', method: 'PATCH', url: '/api/v1/users/12345', body: { version: 1, name: '幽灵' }, status: 400, path: 'id', zh: '无效的 ID', en: 'Invalid id' },

  // POST /departments, PATCH /departments/:id
  { endpoint: 'POST /departments', problem: 'missing name', who: 'admin', method: 'POST', url: '/api/v1/departments', body: { parentId: sales2 }, status: 400, path: 'name', zh: '必填', en: 'Required' },
  { endpoint: 'POST /departments', problem: 'name of the wrong type', who: 'admin', method: 'POST', url: '/api/v1/departments', body: { name: ['销售'] }, status: 400, path: 'name' },
  { endpoint: 'POST /departments', problem: 'name too long', who: 'admin', method: 'POST', url: '/api/v1/departments', body: { name: '部'.repeat(101) }, status: 400, path: 'name', zh: '长度不能超过 100', en: 'Must be at most 100 long' },
  { endpoint: 'POST /departments', problem: 'unknown field', who: 'admin', method: 'POST', url: '/api/v1/departments', body: { name: '新部门', costCenter: 'CC01' }, status: 400, path: 'costCenter', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'POST /departments', problem: 'malformed parent id', who: 'admin', method: 'POST', url: '/api/v1/departments', body: { name: '新部门', parentId: 'sales' }, status: 400, path: 'parentId', zh: '无效的 ID', en: 'Invalid id' },
  { endpoint: 'PATCH /departments/:id', problem: 'missing version', who: 'admin', method: 'PATCH', url: `/api/v1/departments/${sales2}`, body: { name: '改名' }, status: 400, path: 'version' },
  { endpoint: 'PATCH /departments/:id', problem: 'the materialised path smuggled in', who: 'admin', method: 'PATCH', url: `/api/v1/departments/${sales2}`, body: { version: 1, path: '/' }, status: 400, path: 'path', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'PATCH /departments/:id', problem: 'unknown id', who: 'admin', method: 'PATCH', url: `/api/v1/departments/${newId()}`, body: { version: 1, name: '幽灵' }, status: 404 },
  { endpoint: 'PATCH /departments/:id', problem: 'malformed id', who: 'admin', method: 'PATCH', url: '/api/v1/departments/销售部', body: { version: 1, name: '幽灵' }, status: 400, path: 'id' },

  // POST /territories, PATCH /territories/:id
  { endpoint: 'POST /territories', problem: 'missing name', who: 'admin', method: 'POST', url: '/api/v1/territories', body: {}, status: 400, path: 'name', zh: '必填', en: 'Required' },
  { endpoint: 'POST /territories', problem: 'name too long', who: 'admin', method: 'POST', url: '/api/v1/territories', body: { name: long(101) }, status: 400, path: 'name' },
  { endpoint: 'POST /territories', problem: 'unknown field', who: 'admin', method: 'POST', url: '/api/v1/territories', body: { name: '西南', code: 'SW' }, status: 400, path: 'code', zh: '不允许的字段', en: 'Unknown field' },
  { endpoint: 'PATCH /territories/:id', problem: 'version below 1', who: 'admin', method: 'PATCH', url: `/api/v1/territories/${beijing}`, body: { version: 0, name: '改名' }, status: 400, path: 'version', zh: '不能小于 1', en: 'Must be at least 1' },
  { endpoint: 'PATCH /territories/:id', problem: 'unknown id', who: 'admin', method: 'PATCH', url: `/api/v1/territories/${newId()}`, body: { version: 1, name: '幽灵' }, status: 404 },
  { endpoint: 'PATCH /territories/:id', problem: 'malformed id', who: 'admin', method: 'PATCH', url: '/api/v1/territories/0', body: { version: 1, name: '幽灵' }, status: 400, path: 'id', zh: '无效的 ID', en: 'Invalid id' },
];

/** Tables any of these endpoints could write to; a refused request must leave every one as it was. */
const tables = ['users', 'departments', 'territories', 'api_tokens', 'sessions', 'login_throttle', 'audit_log'];
async function snapshot() {
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await countRows(t, table)] as const)));
}
async function demoRows() {
  const byId = (items: { id: string }[], id: string) => items.find((i) => i.id === id);
  return {
    rep2: (await admin.get(`/api/v1/users/${rep2}`)).json(),
    sales2: byId((await admin.get('/api/v1/departments')).json().items, sales2),
    beijing: byId((await admin.get('/api/v1/territories')).json().items, beijing),
  };
}

const hasChinese = /[\u4e00-\u9fff]/;

function send(c: Case, locale?: 'en-US') {
  const headers: Record<string, string> = locale ? { 'accept-language': locale } : {};
  const client = clients[c.who];
  switch (c.method) {
    case 'POST': return client.post(c.url, c.body as Record<string, unknown>, headers);
    case 'PATCH': return client.patch(c.url, c.body as Record<string, unknown>, headers);
    case 'DELETE': return client.delete(c.url, headers);
  }
}

describe('bad input on the org and auth endpoints', () => {
  it.each(cases.map((c) => [c.endpoint, c.problem, c] as const))('%s with %s → the api.md error naming the field, zh-CN and en-US, nothing written', async (_e, _p, c) => {
    const before = await snapshot();
    const rowsBefore = await demoRows();

    const zh = await send(c);
    const en = await send(c, 'en-US');
    for (const res of [zh, en]) {
      expect(res.statusCode, res.body).toBe(c.status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const body = res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(body.error.code).toBe(c.status === 400 ? 'VALIDATION_FAILED' : 'NOT_FOUND');
      expect(typeof body.error.message).toBe('string');
      expect(res.body).not.toMatch(/stack|at .*\.ts:|select |insert |ZodError/i);
    }
    expect(zh.json().error.message).toMatch(hasChinese);
    expect(en.json().error.message).not.toMatch(hasChinese);

    if (c.status === 400) {
      for (const res of [zh, en]) {
        const details = res.json().error.details as { path: string; message: string }[];
        expect(Array.isArray(details) && details.length > 0).toBe(true);
        for (const d of details) expect(Object.keys(d).sort()).toEqual(['message', 'path']);
        if (c.path) expect(details.map((d) => d.path)).toContain(c.path);
      }
      if (c.path) {
        const zhDetail = zh.json().error.details.find((d: { path: string }) => d.path === c.path);
        const enDetail = en.json().error.details.find((d: { path: string }) => d.path === c.path);
        expect(zhDetail.message).toMatch(hasChinese);
        expect(enDetail.message).not.toMatch(hasChinese);
        if (c.zh) expect(zhDetail.message).toBe(c.zh);
        if (c.en) expect(enDetail.message).toBe(c.en);
        expect(zh.json().error.message).toContain(c.path);
      }
    }

    expect(await snapshot()).toEqual(before);
    expect(await demoRows()).toEqual(rowsBefore);
  });

  it('a body that is not JSON at all gets 400 VALIDATION_FAILED, never 500, and writes nothing', async () => {
    const before = await snapshot();
    for (const [url, client] of [['/api/v1/users', admin], ['/api/v1/auth/login', anonymous], ['/api/v1/auth/tokens', rep]] as const) {
      const res = await t.app.inject({
        method: 'POST', url, payload: '{"name": "未闭合',
        headers: { 'content-type': 'application/json', 'x-requested-with': 'kairos', ...(client.cookie ? { cookie: client.cookie } : {}) },
      });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toMatch(hasChinese);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an empty user form names every missing required field at once', async () => {
    const res = await admin.post('/api/v1/users', {}, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path).sort();
    expect(paths).toEqual(['name', 'password', 'roles', 'username']);
    expect(res.json().error.details.every((d: { message: string }) => d.message === 'Required')).toBe(true);
  });

  it('several unknown fields are each named, and the known ones are not applied', async () => {
    const before = (await admin.get(`/api/v1/users/${rep2}`)).json();
    const res = await admin.patch(`/api/v1/users/${rep2}`, { version: before.version, name: '应被拒绝', passwordHash: 'x', roles2: ['admin'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path).sort()).toEqual(['passwordHash', 'roles2']);
    expect((await admin.get(`/api/v1/users/${rep2}`)).json()).toEqual(before);
  });

  it('a limit above 200 or an unknown filter on the user list is refused with the field named', async () => {
    const tooMany = await rep.get('/api/v1/users?limit=500');
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.details[0]).toEqual({ path: 'limit', message: '不能大于 200' });
    const unknownFilter = await rep.get('/api/v1/users?salary=1');
    expect(unknownFilter.statusCode).toBe(400);
    expect(unknownFilter.json().error.details[0].path).toBe('salary');
    const badCursor = await rep.get('/api/v1/users?cursor=garbage');
    expect(badCursor.statusCode).toBe(400);
    expect(badCursor.json().error.details[0].path).toBe('cursor');
  });
});
