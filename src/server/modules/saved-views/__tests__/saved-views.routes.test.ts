import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;

interface View { id: string; name: string; isShared: boolean; canEdit: boolean; version: number; ownerName: string | null; [k: string]: unknown }
const names = (items: View[]) => items.map((v) => v.name);

describe('saved views', () => {
  it('a personal view is its owner\'s alone; shared, everyone sees it but only its creator (or an administrator) changes it', async () => {
    const [rep1, rep2, admin] = [await t.loginAs('rep1'), await t.loginAs('rep2'), await t.loginAs('admin')];
    const created = await rep1.post('/api/v1/saved-views', {
      entity: 'customers', name: 'A 类上海客户', filters: { valueClass: 'A', territoryId: t.demo.territoryIds.shanghai, 'cf.erp': 'SAP' }, columns: ['name', 'ownerName'], sort: 'name:asc',
    });
    expect(created.statusCode, created.body).toBe(201);
    const view = created.json() as View;
    expect(view).toMatchObject({ entity: 'customers', isShared: false, canEdit: true, ownerName: '陈静', version: 1, filters: { valueClass: 'A', 'cf.erp': 'SAP' } });
    expect(names((await rep1.get('/api/v1/saved-views?entity=customers')).json().items)).toContain('A 类上海客户');
    expect(names((await rep1.get('/api/v1/saved-views?entity=leads')).json().items)).not.toContain('A 类上海客户');

    // personal: invisible to others, even the administrator
    expect(names((await rep2.get('/api/v1/saved-views?entity=customers')).json().items)).not.toContain('A 类上海客户');
    expect((await rep2.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: '偷改' })).statusCode).toBe(404);
    expect((await rep2.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(404);

    const shared = await rep1.patch(`/api/v1/saved-views/${view.id}`, { version: 1, isShared: true, name: '上海 A 类' });
    expect(shared.statusCode, shared.body).toBe(200);
    expect(shared.json()).toMatchObject({ isShared: true, name: '上海 A 类', version: 2 });
    const seenByRep2 = ((await rep2.get('/api/v1/saved-views?entity=customers')).json().items as View[]).find((v) => v.id === view.id);
    expect(seenByRep2).toMatchObject({ isShared: true, canEdit: false });
    const refused = await rep2.patch(`/api/v1/saved-views/${view.id}`, { version: 2, name: '我的' });
    expect(refused.statusCode).toBe(403);
    expect((await rep2.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(403);

    const stale = await rep1.patch(`/api/v1/saved-views/${view.id}`, { version: 1, name: '旧版本' });
    expect(stale.statusCode).toBe(409);
    const byAdmin = await admin.patch(`/api/v1/saved-views/${view.id}`, { version: 2, name: '上海 A 类（整理）' });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect((await rep2.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(403);
    expect((await rep1.delete(`/api/v1/saved-views/${view.id}`)).statusCode).toBe(204);
    expect(names((await rep2.get('/api/v1/saved-views?entity=customers')).json().items)).not.toContain('上海 A 类（整理）');
    expect((await auditRows(t, ws, { entity: 'saved_view', entityId: view.id })).map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
  });

  it('names are unique per person and list (409); another person may use the same name', async () => {
    const [rep1, rep2] = [await t.loginAs('rep1'), await t.loginAs('rep2')];
    expect((await rep1.post('/api/v1/saved-views', { entity: 'customers', name: '重点', filters: { tag: '重点客户' } })).statusCode).toBe(201);
    const again = await rep1.post('/api/v1/saved-views', { entity: 'customers', name: '重点', filters: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual([{ path: 'name', message: '已有同名视图' }]);
    expect((await rep2.post('/api/v1/saved-views', { entity: 'customers', name: '重点', filters: {} })).statusCode).toBe(201);
    expect((await rep1.post('/api/v1/saved-views', { entity: 'leads', name: '重点', filters: {} })).statusCode).toBe(201);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const before = await countRows(t, 'saved_views', ws);
    const cases: [Record<string, unknown>, string][] = [
      [{ entity: 'planets', name: 'x', filters: {} }, 'entity'],
      [{ entity: 'customers', name: '', filters: {} }, 'name'],
      [{ entity: 'customers', name: 'x', filters: { nested: { a: 1 } } }, 'filters.nested'],
      [{ entity: 'customers', name: 'x', filters: {}, owner: 'someone' }, ''],
    ];
    for (const [body, path] of cases) {
      const res = await rep1.post('/api/v1/saved-views', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (path) expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    expect((await rep1.get('/api/v1/saved-views')).statusCode).toBe(400);
    expect(await countRows(t, 'saved_views', ws)).toBe(before);
  });
});
