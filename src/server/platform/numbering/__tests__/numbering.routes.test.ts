import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { todayIn } from '../../../../shared/dates.js';
import { numberingRules, numberSequences } from '../numbering.schema.js';
import { allocateNumber } from '../numbering.service.js';

const t = await setupTestApp();
const SHANGHAI = 'Asia/Shanghai';

/** One allocation in its own transaction, as a module's create command does. */
const allocate = (workspaceId: string, documentType: string, now: Date) =>
  t.handle.db.transaction((tx) => allocateNumber(tx, { id: workspaceId, timeZone: SHANGHAI }, documentType, now));

// Numbers are taken in years no demo document is dated in: the demo workspace's own contracts (and later
// quotes, orders, invoices), dated relative to today, already hold this year's first numbers.
describe('allocateNumber', () => {
  it('hands out 200 distinct consecutive numbers to 200 concurrent transactions', async () => {
    const w = await seedWorkspace(t);
    const now = new Date('2099-06-15T04:00:00Z');
    const numbers = await Promise.all(Array.from({ length: 200 }, () => allocate(w.workspaceId, 'contract', now)));
    expect(new Set(numbers).size).toBe(200);
    expect([...numbers].sort()).toEqual(Array.from({ length: 200 }, (_, i) => `HT2099-${String(i + 1).padStart(4, '0')}`));
    const [counter] = await t.handle.db.select().from(numberSequences).where(and(eq(numberSequences.workspaceId, w.workspaceId), eq(numberSequences.documentType, 'contract'), eq(numberSequences.periodKey, '2099')));
    expect(counter).toMatchObject({ documentType: 'contract', periodKey: '2099', lastValue: 200 });
  });

  it('restarts a monthly sequence at the month boundary in Shanghai time, and keeps each month its own counter', async () => {
    const w = await seedWorkspace(t);
    const november = new Date('2099-11-30T15:59:59Z'); // 23:59:59 in Shanghai
    const december = new Date('2099-11-30T16:00:00Z'); // 00:00 on 1 December in Shanghai
    expect(await allocate(w.workspaceId, 'quote', november)).toBe('BJ209911-0001');
    expect(await allocate(w.workspaceId, 'quote', november)).toBe('BJ209911-0002');
    expect(await allocate(w.workspaceId, 'quote', december)).toBe('BJ209912-0001');
    // a late November document (e.g. back-dated batch) continues November's count
    expect(await allocate(w.workspaceId, 'quote', november)).toBe('BJ209911-0003');
  });

  it('restarts a yearly sequence when it is already the new year in Shanghai (2098-12-31T16:30Z)', async () => {
    const w = await seedWorkspace(t);
    expect(await allocate(w.workspaceId, 'contract', new Date('2098-12-31T15:00:00Z'))).toBe('HT2098-0001');
    expect(await allocate(w.workspaceId, 'contract', new Date('2098-12-31T15:59:59Z'))).toBe('HT2098-0002');
    expect(await allocate(w.workspaceId, 'contract', new Date('2098-12-31T16:30:00Z'))).toBe('HT2099-0001');
  });

  it('counts per workspace and per document type', async () => {
    const a = await seedWorkspace(t);
    const b = await seedWorkspace(t);
    const now = new Date('2099-03-10T02:00:00Z');
    expect(await allocate(a.workspaceId, 'contract', now)).toBe('HT2099-0001');
    expect(await allocate(a.workspaceId, 'contract', now)).toBe('HT2099-0002');
    expect(await allocate(b.workspaceId, 'contract', now)).toBe('HT2099-0001');
    expect(await allocate(a.workspaceId, 'order', now)).toBe('DD209903-0001');
  });

  it('gives the number of a rolled-back transaction to the next document, leaving no gap', async () => {
    const w = await seedWorkspace(t);
    const now = new Date('2099-05-05T05:00:00Z');
    expect(await allocate(w.workspaceId, 'invoice', now)).toBe('FP209905-0001');
    let taken = '';
    await expect(t.handle.db.transaction(async (tx) => {
      taken = await allocateNumber(tx, { id: w.workspaceId, timeZone: SHANGHAI }, 'invoice', now);
      throw new Error('the invoice could not be saved');
    })).rejects.toThrow('could not be saved');
    expect(taken).toBe('FP209905-0002');
    expect(await allocate(w.workspaceId, 'invoice', now)).toBe('FP209905-0002');
  });
});

describe('numbering rules', () => {
  it('lets admin change the contract rule with the version read; new numbers follow it and the change is audited', async () => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const list = await admin.get('/api/v1/numbering-rules');
    expect(list.statusCode).toBe(200);
    const month = todayIn(SHANGHAI).replace(/-/g, '').slice(0, 6);
    const before = (list.json().items as { documentType: string }[]).find((r) => r.documentType === 'contract');
    expect(before).toEqual({ documentType: 'contract', prefix: 'HT', reset: 'yearly', padding: 4, example: `HT${month.slice(0, 4)}-0001`, version: 1 });

    const res = await admin.put('/api/v1/numbering-rules/contract', { version: 1, prefix: 'CT', reset: 'monthly', padding: 5 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ documentType: 'contract', prefix: 'CT', reset: 'monthly', padding: 5, example: `CT${month}-00001`, version: 2 });
    expect(await allocate(w.workspaceId, 'contract', new Date('2026-07-01T01:00:00Z'))).toBe('CT202607-00001');

    const audit = await auditRows(t, w.workspaceId, { entity: 'numbering_rule' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: 'contract', action: 'update', actorId: w.userIds.admin, before: { prefix: 'HT', reset: 'yearly', padding: 4 }, after: { prefix: 'CT', reset: 'monthly', padding: 5 } });

    // a second change needs version 2; the stale one is refused and changes nothing
    const stale = await admin.put('/api/v1/numbering-rules/contract', { version: 1, prefix: 'XX', reset: 'never', padding: 3 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');
    const [stored] = await t.handle.db.select().from(numberingRules).where(eq(numberingRules.workspaceId, w.workspaceId));
    expect(stored).toMatchObject({ prefix: 'CT', reset: 'monthly', padding: 5, version: 2 });
    const next = await admin.put('/api/v1/numbering-rules/contract', { version: 2, prefix: 'HT', reset: 'yearly', padding: 4 });
    expect(next.statusCode).toBe(200);
    expect(next.json().version).toBe(3);
    expect(await auditRows(t, w.workspaceId, { entity: 'numbering_rule' })).toHaveLength(2);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a Chinese prefix', { version: 1, prefix: '合同', reset: 'yearly', padding: 4 }, 'prefix'],
    ['an empty prefix', { version: 1, prefix: '', reset: 'yearly', padding: 4 }, 'prefix'],
    ['a prefix over 10 characters', { version: 1, prefix: 'ABCDEFGHIJK', reset: 'yearly', padding: 4 }, 'prefix'],
    ['an unknown reset', { version: 1, prefix: 'HT', reset: 'weekly', padding: 4 }, 'reset'],
    ['a padding of 1', { version: 1, prefix: 'HT', reset: 'yearly', padding: 1 }, 'padding'],
    ['a padding as text', { version: 1, prefix: 'HT', reset: 'yearly', padding: '4' }, 'padding'],
    ['no version', { prefix: 'HT', reset: 'yearly', padding: 4 }, 'version'],
    ['an unknown field', { version: 1, prefix: 'HT', reset: 'yearly', padding: 4, start: 100 }, 'start'],
  ])('refuses %s (400 naming the field) and changes nothing', async (_title, body, path) => {
    const w = await seedWorkspace(t);
    const admin = await w.loginAs('admin');
    const res = await admin.put('/api/v1/numbering-rules/contract', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.handle.db.select().from(numberingRules).where(eq(numberingRules.workspaceId, w.workspaceId))).toEqual([]);
    expect(await auditRows(t, w.workspaceId, { entity: 'numbering_rule' })).toEqual([]);
  });

  it('answers 404 for a document type that has no numbering', async () => {
    const admin = await t.loginAs('admin');
    const res = await admin.put('/api/v1/numbering-rules/spaceship', { version: 1, prefix: 'SS', reset: 'yearly', padding: 4 });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it.each(['gm', 'rep1'])('refuses %s reading or changing numbering rules (403)', async (username) => {
    const w = await seedWorkspace(t);
    const client = await w.loginAs(username);
    expect((await client.get('/api/v1/numbering-rules')).statusCode).toBe(403);
    const res = await client.put('/api/v1/numbering-rules/contract', { version: 1, prefix: 'CT', reset: 'yearly', padding: 4 });
    expect(res.statusCode).toBe(403);
    expect(await t.handle.db.select().from(numberingRules).where(eq(numberingRules.workspaceId, w.workspaceId))).toEqual([]);
  });
});
