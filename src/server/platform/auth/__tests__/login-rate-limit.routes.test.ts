import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../../test/harness.js';
import { sessions } from '../auth.schema.js';

// three sign-in attempts per minute per address and login
const t = await setupTestApp({ loginRateLimitPerMinute: 3 });

const attempt = (login: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, headers });

describe('login rate limit', () => {
  it('answers the 4th sign-in within a minute with 429 RATE_LIMITED in the api.md shape, even with the right password, and opens no session', async () => {
    for (let i = 0; i < 3; i++) expect((await attempt('rep3', 'kairos-demo')).statusCode).toBe(200);
    const sessionsBefore = (await t.handle.db.select().from(sessions).where(eq(sessions.userId, t.demo.userIds.rep3!))).length;

    const limited = await attempt('rep3', 'kairos-demo');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    expect(limited.headers['set-cookie']).toBeUndefined();
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await t.handle.db.select().from(sessions).where(eq(sessions.userId, t.demo.userIds.rep3!))).length).toBe(sessionsBefore);

    const english = await attempt('rep3', 'kairos-demo', { 'accept-language': 'en-US' });
    expect(english.statusCode).toBe(429);
    expect(english.json().error).toEqual({ code: 'RATE_LIMITED', message: expect.stringMatching(/too many/i) });
  });

  it('counts per login, so colleagues behind the same office address can still sign in', async () => {
    for (let i = 0; i < 3; i++) await attempt('rep2', 'wrong-password');
    expect((await attempt('rep2', 'kairos-demo')).statusCode).toBe(429);
    expect((await attempt('supervisor1', 'kairos-demo')).statusCode).toBe(200);
  });

  it('does not limit other endpoints', async () => {
    const res = await attempt('csm', 'kairos-demo');
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    for (let i = 0; i < 6; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(200);
    }
  });
});
