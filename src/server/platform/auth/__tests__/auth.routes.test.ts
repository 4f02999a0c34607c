import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../../../../test/harness.js';

const t = await setupTestApp();

describe('auth', () => {
  it('signs in with the demo password and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { login: 'rep1', password: 'kairos-demo' });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'rep1', name: '陈静', roles: ['sales_rep'] });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/kairos_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });
});
