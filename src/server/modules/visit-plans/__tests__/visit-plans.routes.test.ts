import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import type { Client } from '../../../../../test/harness.js';
import { login, setupTestApp } from '../../../../../test/harness.js';
import { buildApp } from '../../../app.js';
import { loadConfig } from '../../../config.js';
import { EXAMPLE_ID } from '../../../../shared/contracts/common.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { createCustomer, customerRow, notificationsOf } from '../../customers/__tests__/customers.fixtures.js';
import { activities } from '../../activities/activities.schema.js';
import { contacts } from '../../customers/customers.schema.js';
import { periodStartOf } from '../visit-plans.rules.js';
import { visitPlanItems } from '../visit-plans.schema.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const today = todayIn('Asia/Shanghai');
const thisMonday = periodStartOf('week', today);
let weekOffset = 3;
/** a Monday a few weeks ahead that no demo plan uses; each call a new one */
const freshMonday = () => addDays(thisMonday, 7 * weekOffset++);

interface Item { id: string; customerId: string; plannedDate: string | null; halfDay: string | null; status: string; doneActivityId: string | null; [k: string]: unknown }
interface Plan {
  id: string; version: number; status: string; ownerId: string; period: string; periodStart: string; dueDate: string | null; approvalId: string | null;
  items: Item[]; warnings: { code: string; customerIds: string[]; itemIds: string[]; message: string }[]; freeHalfDays: number | null; isLate: boolean;
}

async function newPlan(client: Client, body: Record<string, unknown>): Promise<Plan> {
  const res = await client.post('/api/v1/visit-plans', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Plan;
}
async function putItems(client: Client, plan: { id: string; version: number }, items: Record<string, unknown>[]): Promise<Plan> {
  const res = await client.put(`/api/v1/visit-plans/${plan.id}/items`, { version: plan.version, items });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Plan;
}
const located = (client: Client, lat: number, lng: number, extra: Record<string, unknown> = {}) =>
  createCustomer(client, { latitude: lat.toFixed(6), longitude: lng.toFixed(6), ...extra });
/** Uploads a small JPEG to a customer's files as multipart/form-data, the way the check-in page does. */
function uploadPhoto(client: Client, customerId: string) {
  const boundary = '----kairos-check-in-photo';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="visit.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST', url: `/api/v1/customers/${customerId}/attachments`, payload,
    headers: { cookie: client.cookie!, 'x-requested-with': 'kairos', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details: { path: string }[] } }).error.details[0]?.path;

describe('creating plans of the cascade', () => {
  it('a rep plans next-but-two week: the due date is the Friday before its Monday, linked to nothing yet; audited', async () => {
    const rep1 = await t.loginAs('rep1');
    const monday = freshMonday();
    const plan = await newPlan(rep1, { period: 'week', periodStart: monday });
    expect(plan).toMatchObject({ status: 'draft', ownerId: ids.rep1, period: 'week', periodStart: monday, dueDate: addDays(monday, -3), items: [], freeHalfDays: 10, isLate: false });
    expect((await auditRows(t, ws, { entity: 'visit_plan', entityId: plan.id })).map((a) => a.action)).toEqual(['create']);
    const again = await rep1.post('/api/v1/visit-plans', { period: 'week', periodStart: monday });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a week starting on a Tuesday, naming periodStart and the Monday, in zh-CN and en-US', async () => {
    const rep1 = await t.loginAs('rep1');
    const tuesday = addDays(freshMonday(), 1);
    const res = await rep1.post('/api/v1/visit-plans', { period: 'week', periodStart: tuesday });
    expect(res.statusCode).toBe(400);
    expect(pathOf(res)).toBe('periodStart');
    expect(res.body).toContain(addDays(tuesday, -1));
    const en = await rep1.post('/api/v1/visit-plans', { period: 'month', periodStart: '2027-02-03' }, { 'accept-language': 'en-US' });
    expect(en.json().error.details[0].message).toBe('A month plan must start on 2027-02-01');
  });

  it("a day plan links itself to the owner's week plan of that week", async () => {
    const rep2 = await t.loginAs('rep2');
    const monday = freshMonday();
    const week = await newPlan(rep2, { period: 'week', periodStart: monday });
    const day = await newPlan(rep2, { period: 'day', periodStart: addDays(monday, 2) });
    expect((day as unknown as { parentId: string }).parentId).toBe(week.id);
    const wrongParent = await rep2.post('/api/v1/visit-plans', { period: 'day', periodStart: addDays(monday, 3), parentId: day.id });
    expect(wrongParent.statusCode).toBe(400);
    expect(pathOf(wrongParent)).toBe('parentId');
  });

  it('a supervisor plans for a rep of their team, not for a rep of another department; a rep only for themselves', async () => {
    const [sup, rep1] = await Promise.all([t.loginAs('supervisor1'), t.loginAs('rep1')]);
    const monday = freshMonday();
    expect((await newPlan(sup, { period: 'week', periodStart: monday, ownerId: ids.rep2 })).ownerId).toBe(ids.rep2);
    const other = await sup.post('/api/v1/visit-plans', { period: 'week', periodStart: monday, ownerId: ids.rep3 });
    expect(other.statusCode).toBe(400);
    expect(pathOf(other)).toBe('ownerId');
    expect((await rep1.post('/api/v1/visit-plans', { period: 'week', periodStart: monday, ownerId: ids.rep2 })).statusCode).toBe(400);
  });

  it.each(['finance1', 'warehouse1', 'reception1', 'cs1', 'admin'])('%s may not write visit plans (403)', async (username) => {
    const client = await t.loginAs(username);
    expect((await client.post('/api/v1/visit-plans', { period: 'week', periodStart: freshMonday() })).statusCode).toBe(403);
  });
});

describe('planning visits and the checks that warn', () => {
  it('a fully booked week with the executive on Wednesday warns twice but is saved; the half-days are counted', async () => {
    const rep1 = await t.loginAs('rep1');
    const monday = freshMonday();
    const plan = await newPlan(rep1, { period: 'week', periodStart: monday });
    const customers = await Promise.all(Array.from({ length: 10 }, (_, i) => located(rep1, 31.2 + i * 0.01, 121.45)));
    const [boss] = await t.handle.db.insert(contacts).values({ workspaceId: ws, customerId: customers[4]!.id, name: '周总', title: '总经理', buyingRole: 'economic_buyer' }).returning();
    const items = customers.map((c, i) => ({
      customerId: c.id, plannedDate: addDays(monday, Math.floor(i / 2)), halfDay: i % 2 ? 'pm' : 'am', purpose: '例行拜访', contactId: i === 4 ? boss!.id : null,
    }));
    const saved = await putItems(rep1, plan, items);
    expect(saved.version).toBe(plan.version + 1);
    expect(saved.items).toHaveLength(10);
    expect(saved.freeHalfDays).toBe(0);
    const codes = saved.warnings.map((w) => w.code);
    expect(codes).toContain('no_free_half_day');
    const exec = saved.warnings.find((w) => w.code === 'executive_not_first')!;
    expect(exec.itemIds).toEqual([saved.items.find((i) => i.customerId === customers[4]!.id)!.id]);
    expect(saved.items.find((i) => i.customerId === customers[4]!.id)).toMatchObject({ isExecutiveContact: true, contactName: '周总' });
    expect((await auditRows(t, ws, { entity: 'visit_plan', entityId: plan.id, action: 'update_items' }))).toHaveLength(1);

    // moving the executive to Monday morning and freeing Friday afternoon clears both warnings
    const fixed = items.slice(0, 9).map((i, n) => (n === 4 ? { ...i, plannedDate: monday, halfDay: 'am' } : n === 0 ? { ...i, plannedDate: addDays(monday, 4), halfDay: 'pm' } : i));
    const again = await putItems(rep1, saved, fixed.filter((_, n) => n !== 9));
    expect(again.warnings.map((w) => w.code)).not.toContain('no_free_half_day');
    expect(again.warnings.map((w) => w.code)).not.toContain('executive_not_first');
    expect(again.freeHalfDays).toBeGreaterThanOrEqual(1);
  });

  it('names a key customer (class A) never visited and not in the plan; planning it clears that customer', async () => {
    const rep2 = await t.loginAs('rep2');
    const key = await located(rep2, 30.27, 120.15, { valueClass: 'A' });
    const monday = freshMonday();
    const plan = await newPlan(rep2, { period: 'week', periodStart: monday });
    const warning = plan.warnings.find((w) => w.code === 'key_customer_overdue');
    expect(warning?.customerIds).toContain(key.id);
    expect(warning?.message).toMatch(/重点客户/);
    // an A customer visited yesterday is not due within the week… but one visited two weeks ago is
    const fresh = await located(rep2, 30.28, 120.16, { valueClass: 'A' });
    const stale = await located(rep2, 30.29, 120.17, { valueClass: 'A' });
    for (const [c, daysAgo] of [[fresh, 1], [stale, 14]] as const) {
      const visit = await rep2.post('/api/v1/activities', { type: 'visit', subject: '例行拜访', customerId: c.id, occurredAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() });
      expect(visit.statusCode, visit.body).toBe(201);
    }
    const thisWeek = await newPlan(rep2, { period: 'day', periodStart: addDays(today, 1) });
    const flagged = thisWeek.warnings.find((w) => w.code === 'key_customer_overdue')?.customerIds ?? [];
    expect(flagged).toContain(stale.id);
    expect(flagged).not.toContain(fresh.id);
    const after = await putItems(rep2, plan, [{ customerId: key.id, plannedDate: monday, halfDay: 'am' }]);
    expect(after.warnings.find((w) => w.code === 'key_customer_overdue')?.customerIds ?? []).not.toContain(key.id);
    expect((after as unknown as { dueCustomers: { customerId: string; isPlanned: boolean }[] }).dueCustomers.find((d) => d.customerId === key.id)?.isPlanned).toBe(true);
  });

  it('refuses visits outside the week, without a half-day, on a customer out of scope, or twice in one half-day — naming the field and saving nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const rep3 = await t.loginAs('rep3');
    const mine = await located(rep1, 31.2, 121.4);
    const theirs = await located(rep3, 39.9, 116.4);
    const monday = freshMonday();
    const plan = await newPlan(rep1, { period: 'week', periodStart: monday });
    const cases: [Record<string, unknown>[], string][] = [
      [[{ customerId: mine.id, plannedDate: addDays(monday, 7), halfDay: 'am' }], 'items.0.plannedDate'],
      [[{ customerId: mine.id, plannedDate: monday }], 'items.0.halfDay'],
      [[{ customerId: mine.id, plannedDate: monday, halfDay: 'am' }, { customerId: theirs.id, plannedDate: monday, halfDay: 'pm' }], 'items.1.customerId'],
      [[{ customerId: mine.id, plannedDate: monday, halfDay: 'am' }, { customerId: mine.id, plannedDate: monday, halfDay: 'am' }], 'items.1.customerId'],
      [[{ customerId: mine.id, plannedDate: monday, halfDay: 'am', contactId: EXAMPLE_ID }], 'items.0.contactId'],
    ];
    for (const [items, path] of cases) {
      const res = await rep1.put(`/api/v1/visit-plans/${plan.id}/items`, { version: plan.version, items });
      expect(res.statusCode, res.body).toBe(400);
      expect(pathOf(res)).toBe(path);
    }
    const unchanged = (await rep1.get(`/api/v1/visit-plans/${plan.id}`)).json() as Plan;
    expect(unchanged).toMatchObject({ version: plan.version, items: [] });
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await located(rep1, 31.2, 121.4);
    const monday = freshMonday();
    const plan = await newPlan(rep1, { period: 'week', periodStart: monday });
    await putItems(rep1, plan, [{ customerId: c.id, plannedDate: monday, halfDay: 'am' }]);
    const stale = await rep1.put(`/api/v1/visit-plans/${plan.id}/items`, { version: plan.version, items: [] });
    expect(stale.statusCode).toBe(409);
    expect(((await rep1.get(`/api/v1/visit-plans/${plan.id}`)).json() as Plan).items).toHaveLength(1);
  });
});

describe('submitting to the supervisor', () => {
  it("lands in the supervisor's inbox, locks the plan, and can be returned, fixed and approved — the rep is told each time", async () => {
    const [rep1, sup] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1')]);
    const c = await located(rep1, 31.21, 121.41);
    const monday = freshMonday();
    const plan = await putItems(rep1, await newPlan(rep1, { period: 'week', periodStart: monday }), [{ customerId: c.id, plannedDate: monday, halfDay: 'am' }]);
    const submitted = await rep1.post(`/api/v1/visit-plans/${plan.id}/submit`, { version: plan.version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const body = submitted.json() as Plan;
    expect(body).toMatchObject({ status: 'submitted', version: plan.version + 1 });
    expect(body.approvalId).toBeTruthy();

    const inbox = await sup.get('/api/v1/approvals?assignee=me&documentType=visit_plan&limit=100');
    expect((inbox.json() as { items: { subjectId: string }[] }).items.map((a) => a.subjectId)).toContain(plan.id);
    expect((await notificationsOf(t, sup)).some((n) => n.kind === 'approval_requested' && String(n.params.title).includes(monday))).toBe(true);

    const locked = await rep1.put(`/api/v1/visit-plans/${plan.id}/items`, { version: body.version, items: [] });
    expect(locked.statusCode).toBe(422);
    expect((await rep1.post(`/api/v1/visit-plans/${plan.id}/submit`, { version: body.version })).statusCode).toBe(422);

    expect((await sup.post(`/api/v1/approvals/${body.approvalId}/return`, { reason: '周五下午留给内部会议' })).statusCode).toBe(200);
    const returned = (await rep1.get(`/api/v1/visit-plans/${plan.id}`)).json() as Plan;
    expect(returned.status).toBe('returned');
    expect((await notificationsOf(t, rep1)).some((n) => n.kind === 'approval_returned')).toBe(true);

    const edited = await putItems(rep1, returned, [{ customerId: c.id, plannedDate: addDays(monday, 1), halfDay: 'am' }]);
    const resubmitted = (await rep1.post(`/api/v1/visit-plans/${plan.id}/submit`, { version: edited.version })).json() as Plan;
    expect(resubmitted.status).toBe('submitted');
    expect((await sup.post(`/api/v1/approvals/${resubmitted.approvalId}/approve`, {})).statusCode).toBe(200);
    expect(((await rep1.get(`/api/v1/visit-plans/${plan.id}`)).json() as Plan).status).toBe('approved');
    expect((await auditRows(t, ws, { entity: 'visit_plan', entityId: plan.id })).map((a) => a.action))
      .toEqual(expect.arrayContaining(['create', 'update_items', 'submit', 'return', 'approve']));
  });

  it("only the owner submits: a supervisor gets 403 on a rep's plan, another rep 404", async () => {
    const [rep1, rep2, sup] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2'), t.loginAs('supervisor1')]);
    const plan = await newPlan(rep1, { period: 'week', periodStart: freshMonday() });
    expect((await sup.post(`/api/v1/visit-plans/${plan.id}/submit`, { version: plan.version })).statusCode).toBe(403);
    expect((await rep2.post(`/api/v1/visit-plans/${plan.id}/submit`, { version: plan.version })).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/visit-plans/${plan.id}`)).statusCode).toBe(404);
  });
});

describe('who sees which plans', () => {
  it('a rep sees their own plans, the supervisor their team, the GM everyone; finance may not look', async () => {
    const [rep1, sup, gm, finance] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1'), t.loginAs('gm'), t.loginAs('finance1')]);
    const owners = async (client: Client) => new Set(((await client.get(`/api/v1/visit-plans?period=week&from=${thisMonday}&to=${addDays(thisMonday, 7)}&limit=200`)).json() as { items: Plan[] }).items.map((p) => p.ownerId));
    expect([...(await owners(rep1))]).toEqual([ids.rep1]);
    const team = await owners(sup);
    expect(team.has(ids.rep1!) && team.has(ids.rep2!)).toBe(true);
    expect(team.has(ids.rep3!)).toBe(false);
    const all = await owners(gm);
    expect(all.has(ids.rep3!)).toBe(true);
    expect((await finance.get('/api/v1/visit-plans')).statusCode).toBe(403);
    const mine = (await rep1.get('/api/v1/visit-plans?owner=me&period=week&limit=200')).json() as { items: Plan[] };
    expect(mine.items.every((p) => p.ownerId === ids.rep1 && p.period === 'week')).toBe(true);
  });

  it('pages through the list with a cursor: newest period first, every plan once, the last page says there is no more', async () => {
    const gm = await t.loginAs('gm');
    const all = (await gm.get('/api/v1/visit-plans?limit=200')).json() as { items: Plan[]; nextCursor: string | null };
    expect(all.items.length).toBeGreaterThan(5);
    const seen: Plan[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await gm.get(`/api/v1/visit-plans?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Plan[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 200);
    expect(cursor).toBeNull();
    expect(seen.map((p) => p.id)).toEqual(all.items.slice(0, seen.length).map((p) => p.id));
    expect(new Set(seen.map((p) => p.id)).size).toBe(seen.length);
    const starts = seen.map((p) => p.periodStart);
    expect(starts).toEqual([...starts].sort().reverse());
    // the filters still apply on later pages
    const firstWeekPage = (await gm.get('/api/v1/visit-plans?period=week&limit=2')).json() as { items: Plan[]; nextCursor: string | null };
    const secondWeekPage = (await gm.get(`/api/v1/visit-plans?period=week&limit=2&cursor=${firstWeekPage.nextCursor}`)).json() as { items: Plan[] };
    expect([...firstWeekPage.items, ...secondWeekPage.items].every((p) => p.period === 'week')).toBe(true);
  });

  it.each(['not-a-cursor', Buffer.from(JSON.stringify(['2026-13-45', EXAMPLE_ID])).toString('base64url'), Buffer.from(JSON.stringify(['2026-01-05', 'x'])).toString('base64url')])(
    'refuses a forged cursor %s with 400 naming cursor', async (cursor) => {
      const gm = await t.loginAs('gm');
      const res = await gm.get(`/api/v1/visit-plans?cursor=${cursor}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(pathOf(res)).toBe('cursor');
    });
});

describe("a day's route", () => {
  it('orders the located visits to shorten travel within each half-day (never longer), puts visits without coordinates last', async () => {
    const rep1 = await t.loginAs('rep1');
    const monday = freshMonday();
    const plan = await newPlan(rep1, { period: 'week', periodStart: monday });
    // a zig-zag west–east–west–east across Shanghai, then a customer without coordinates
    const stops = await Promise.all([[31.23, 121.30], [31.23, 121.60], [31.23, 121.35], [31.23, 121.55]].map(([lat, lng]) => located(rep1, lat!, lng!)));
    const nowhere = await createCustomer(rep1);
    const saved = await putItems(rep1, plan, [...stops, nowhere].map((c, i) => ({ customerId: c.id, plannedDate: addDays(monday, 1), halfDay: i < 2 ? 'am' : 'pm' })));
    expect(saved.items).toHaveLength(5);
    const res = await rep1.get(`/api/v1/visit-plans/${plan.id}/route?date=${addDays(monday, 1)}&startLat=31.23&startLng=121.25`);
    expect(res.statusCode, res.body).toBe(200);
    const route = res.json() as { stops: { order: number; legKm: number | null; item: { customerId: string } }[]; distanceBeforeKm: number; distanceAfterKm: number };
    // the morning's two visits first (west, then east), then the afternoon's from the east back west
    expect(route.stops.map((s) => s.item.customerId)).toEqual([stops[0]!.id, stops[1]!.id, stops[3]!.id, stops[2]!.id, nowhere.id]);
    expect(route.distanceAfterKm).toBeLessThan(route.distanceBeforeKm);
    expect(route.stops.at(-1)!.legKm).toBeNull();
    const legs = route.stops.slice(0, 4).reduce((sum, s) => sum + s.legKm!, 0);
    expect(legs).toBeCloseTo(route.distanceAfterKm, 1);
    const outside = await rep1.get(`/api/v1/visit-plans/${plan.id}/route?date=${addDays(monday, 7)}`);
    expect(outside.statusCode).toBe(400);
    expect(pathOf(outside)).toBe('date');
    const badStart = await rep1.get(`/api/v1/visit-plans/${plan.id}/route?date=${monday}&startLat=95&startLng=121`);
    expect(badStart.statusCode).toBe(400);
    expect(pathOf(badStart)).toBe('startLat');
  });
});

describe('field check-in', () => {
  it("checks in on today's planned visit: the item is done, a done visit is logged, the follow-up clock restarts; audited", async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await located(rep1, 31.2243, 121.4768);
    const day = await newPlan(rep1, { period: 'day', periodStart: today });
    const plan = await putItems(rep1, day, [{ customerId: c.id, plannedDate: today, halfDay: 'am', purpose: '现场调研产线' }]);
    const res = await rep1.post('/api/v1/check-ins', { latitude: 31.2250, longitude: 121.4770, accuracyMeters: 12, address: '上海市黄浦区马当路', planItemId: plan.items[0]!.id });
    expect(res.statusCode, res.body).toBe(201);
    const checkIn = res.json() as { activityId: string; distanceFromCustomerKm: number; checkedAt: string; planItemId: string };
    expect(checkIn.planItemId).toBe(plan.items[0]!.id);
    expect(checkIn.distanceFromCustomerKm).toBeLessThan(0.2);
    expect(Math.abs(Date.parse(checkIn.checkedAt) - Date.now())).toBeLessThan(60_000 * 5);
    const [visit] = await t.handle.db.select().from(activities).where(eq(activities.id, checkIn.activityId));
    expect(visit).toMatchObject({ type: 'visit', status: 'done', ownerId: ids.rep1, customerId: c.id, subject: '现场调研产线', location: '上海市黄浦区马当路' });
    const after = (await rep1.get(`/api/v1/visit-plans/${day.id}`)).json() as Plan;
    expect(after.items[0]).toMatchObject({ status: 'done', doneActivityId: checkIn.activityId });
    expect((await customerRow(t, c.id))!.lastFollowUpOn).toBe(today);
    expect((await auditRows(t, ws, { entity: 'check_in' })).length).toBeGreaterThan(0);
    const twice = await rep1.post('/api/v1/check-ins', { latitude: 31.2250, longitude: 121.4770, planItemId: plan.items[0]!.id });
    expect(twice.statusCode).toBe(422);

    // plan vs actual for today counts it
    const adherence = (await rep1.get(`/api/v1/visit-plans/adherence?from=${today}&to=${today}&ownerId=me`)).json() as { rows: { ownerId: string; done: number; visitsDone: number }[] };
    expect(adherence.rows).toHaveLength(1);
    expect(adherence.rows[0]!.ownerId).toBe(ids.rep1);
    expect(adherence.rows[0]!.done).toBeGreaterThanOrEqual(1);
  });

  it('completes a planned visit activity, and marks the matching plan item of today done', async () => {
    const rep2 = await t.loginAs('rep2');
    const c = await located(rep2, 30.27, 120.15);
    const planned = await rep2.post('/api/v1/activities', { type: 'visit', subject: '约见采购', customerId: c.id, occurredAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(planned.statusCode, planned.body).toBe(201);
    const day = await newPlan(rep2, { period: 'day', periodStart: today });
    const plan = await putItems(rep2, day, [{ customerId: c.id, plannedDate: today, halfDay: 'pm' }]);
    const res = await rep2.post('/api/v1/check-ins', { latitude: 30.271, longitude: 120.151, activityId: planned.json().id });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ activityId: planned.json().id, planItemId: plan.items[0]!.id });
    expect((await rep2.get(`/api/v1/activities/${planned.json().id}`)).json()).toMatchObject({ status: 'done' });
  });

  it.each([
    [{ latitude: 91, longitude: 121 }, 'latitude'],
    [{ latitude: -90.5, longitude: 121 }, 'latitude'],
    [{ latitude: 31, longitude: 180.01 }, 'longitude'],
    [{ latitude: 31, longitude: -200 }, 'longitude'],
    [{ latitude: 0, longitude: 0 }, 'latitude'],
    [{ latitude: '31.2', longitude: 121 }, 'latitude'],
  ])('refuses impossible coordinates %j with 400 naming %s, and records nothing', async (coords, field) => {
    const rep1 = await t.loginAs('rep1');
    const c = await located(rep1, 31.2, 121.4);
    const before = await countRows(t, 'visit_check_ins', ws);
    const activitiesBefore = await countRows(t, 'activities', ws);
    const res = await rep1.post('/api/v1/check-ins', { ...coords, customerId: c.id });
    expect(res.statusCode, res.body).toBe(400);
    expect(pathOf(res)).toBe(field);
    expect(await countRows(t, 'visit_check_ins', ws)).toBe(before);
    expect(await countRows(t, 'activities', ws)).toBe(activitiesBefore);
  });

  it('names the field in English too', async () => {
    const rep1 = await t.loginAs('rep1');
    const res = await rep1.post('/api/v1/check-ins', { latitude: 95, longitude: 121, customerId: EXAMPLE_ID }, { 'accept-language': 'en-US' });
    expect(res.json().error.details[0]).toMatchObject({ path: 'latitude', message: 'Latitude must be between -90 and 90' });
    const zero = await rep1.post('/api/v1/check-ins', { latitude: 0, longitude: 0, customerId: EXAMPLE_ID }, { 'accept-language': 'en-US' });
    expect(zero.json().error.details[0].message).toMatch(/no fix/);
  });

  it("refuses a check-in without a target, on someone else's plan item, or with a photo not of that customer", async () => {
    const [rep1, rep2] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2')]);
    const noTarget = await rep1.post('/api/v1/check-ins', { latitude: 31.2, longitude: 121.4 });
    expect(noTarget.statusCode).toBe(400);
    expect(pathOf(noTarget)).toBe('planItemId');
    const c = await located(rep1, 31.2, 121.4);
    const monday = freshMonday();
    const plan = await putItems(rep1, await newPlan(rep1, { period: 'week', periodStart: monday }), [{ customerId: c.id, plannedDate: monday, halfDay: 'am' }]);
    expect((await rep2.post('/api/v1/check-ins', { latitude: 31.2, longitude: 121.4, planItemId: plan.items[0]!.id })).statusCode).toBe(403);
    const photo = await rep1.post('/api/v1/check-ins', { latitude: 31.2, longitude: 121.4, customerId: c.id, photoAttachmentId: EXAMPLE_ID });
    expect(photo.statusCode).toBe(400);
    expect(pathOf(photo)).toBe('photoAttachmentId');
    const [item] = await t.handle.db.select().from(visitPlanItems).where(and(eq(visitPlanItems.workspaceId, ws), inArray(visitPlanItems.id, [plan.items[0]!.id])));
    expect(item!.status).toBe('planned');
  });

  it("takes a photo only from the visited customer's own files: another customer's photo is refused and nothing is recorded", async () => {
    const rep1 = await t.loginAs('rep1');
    const [visited, other] = [await located(rep1, 31.21, 121.41), await located(rep1, 31.22, 121.42)];
    const photoOf = async (customerId: string) => {
      const res = await uploadPhoto(rep1, customerId);
      expect(res.statusCode, res.body).toBe(201);
      return (res.json() as { id: string }).id;
    };
    const otherPhoto = await photoOf(other.id);
    const before = await countRows(t, 'visit_check_ins', ws);
    const refused = await rep1.post('/api/v1/check-ins', { latitude: 31.21, longitude: 121.41, customerId: visited.id, photoAttachmentId: otherPhoto });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(pathOf(refused)).toBe('photoAttachmentId');
    expect(await countRows(t, 'visit_check_ins', ws)).toBe(before);
    const ownPhoto = await photoOf(visited.id);
    const accepted = await rep1.post('/api/v1/check-ins', { latitude: 31.21, longitude: 121.41, customerId: visited.id, photoAttachmentId: ownPhoto });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({ customerId: visited.id, photoAttachmentId: ownPhoto });
  });
});

describe('customers near a point', () => {
  it('lists the customers I may see within the radius, nearest first; others are not mine to see', async () => {
    const [rep1, rep2] = await Promise.all([t.loginAs('rep1'), t.loginAs('rep2')]);
    // around Lhasa, far from every demo customer: 0.5 km, 3 km and 8 km east
    const at = (km: number) => 91.1 + km / (111.32 * Math.cos((29.65 * Math.PI) / 180));
    const far = await located(rep1, 29.65, at(8));
    const mid = await located(rep1, 29.65, at(3));
    const near = await located(rep1, 29.65, at(0.5));
    const res = await rep1.get('/api/v1/customers/near?lat=29.65&lng=91.1&radiusKm=5');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: { id: string; distanceKm: number }[] }).items;
    expect(items.map((i) => i.id)).toEqual([near.id, mid.id]);
    expect(items[0]!.distanceKm).toBeCloseTo(0.5, 1);
    expect(items[1]!.distanceKm).toBeCloseTo(3, 1);
    expect(items.map((i) => i.id)).not.toContain(far.id);
    const theirs = (await rep2.get('/api/v1/customers/near?lat=29.65&lng=91.1&radiusKm=10')).json() as { items: { id: string }[] };
    expect(theirs.items).toEqual([]);
    const bad = await rep1.get('/api/v1/customers/near?lat=29.65&lng=191&radiusKm=5');
    expect(bad.statusCode).toBe(400);
    expect(pathOf(bad)).toBe('lng');
    expect((await rep1.get('/api/v1/customers/near?lat=29.65&lng=91.1&radiusKm=0')).statusCode).toBe(400);
    expect((await (await t.loginAs('admin')).get('/api/v1/customers/near?lat=29.65&lng=91.1')).statusCode).toBe(403);
  });
});

describe('plan vs actual', () => {
  it('counts planned visits done and missed per rep, in the scope of the caller, by department', async () => {
    const [rep3, manager, sup] = await Promise.all([t.loginAs('rep3'), t.loginAs('manager1'), t.loginAs('supervisor1')]);
    // rep3 plans a week long past: two visits, one done, one missed
    const lastMonday = addDays(thisMonday, -28);
    const cs = await Promise.all([located(rep3, 39.9, 116.4), located(rep3, 39.91, 116.41)]);
    const plan = await putItems(rep3, await newPlan(rep3, { period: 'week', periodStart: lastMonday }), cs.map((c, i) => ({ customerId: c.id, plannedDate: addDays(lastMonday, i), halfDay: 'am' })));
    await t.handle.db.update(visitPlanItems).set({ status: 'done' }).where(eq(visitPlanItems.id, plan.items[0]!.id));
    const q = `from=${lastMonday}&to=${addDays(lastMonday, 4)}`;
    const res = await manager.get(`/api/v1/visit-plans/adherence?${q}&departmentId=${t.demo.departmentIds.sales2}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = (res.json() as { rows: { ownerId: string; planned: number; done: number; missed: number; pending: number; adherencePercent: number }[] }).rows;
    expect(rows.map((r) => r.ownerId)).toEqual([ids.rep3]);
    expect(rows[0]).toMatchObject({ planned: 2, done: 1, missed: 1, pending: 0, adherencePercent: 50 });
    const team = (await sup.get(`/api/v1/visit-plans/adherence?${q}`)).json() as { rows: { ownerId: string }[] };
    expect(team.rows.map((r) => r.ownerId)).not.toContain(ids.rep3);
    const mine = (await rep3.get(`/api/v1/visit-plans/adherence?${q}&ownerId=${ids.rep1}`)).json() as { rows: unknown[] };
    expect(mine.rows).toEqual([]);
    const backwards = await manager.get(`/api/v1/visit-plans/adherence?from=${today}&to=${addDays(today, -1)}`);
    expect(backwards.statusCode).toBe(400);
    expect(pathOf(backwards)).toBe('to');
  });
});

describe('the Friday reminder', () => {
  it('on Thursday nobody; on Friday the reps without a submitted plan for next week, once however often it runs', async () => {
    const [admin, rep1, rep2] = await Promise.all([t.loginAs('admin'), t.loginAs('rep1'), t.loginAs('rep2')]);
    // rep2 submits next week's plan (the demo left it a draft): rep2 is not reminded
    const nextWeek = ((await rep2.get(`/api/v1/visit-plans?owner=me&period=week&from=${addDays(thisMonday, 7)}&to=${addDays(thisMonday, 7)}`)).json() as { items: Plan[] }).items[0]!;
    expect(nextWeek.status).toBe('draft');
    expect((await rep2.post(`/api/v1/visit-plans/${nextWeek.id}/submit`, { version: nextWeek.version })).statusCode).toBe(200);
    const thursday = addDays(thisMonday, 3);
    const friday = addDays(thisMonday, 4);
    expect((await admin.post('/api/v1/admin/visit-plans/remind', { asOf: thursday })).json()).toMatchObject({ reminded: 0, weekStart: addDays(thisMonday, 7) });
    const first = await admin.post('/api/v1/admin/visit-plans/remind', { asOf: friday });
    expect(first.statusCode, first.body).toBe(200);
    // the demo: rep1's next-week plan is a draft, rep3's too; rep2's was just submitted
    expect(first.json().reminded).toBeGreaterThanOrEqual(2);
    const rep1Notes = await notificationsOf(t, rep1);
    expect(rep1Notes.filter((n) => n.kind === 'visit_plan_due')).toHaveLength(1);
    expect(rep1Notes.find((n) => n.kind === 'visit_plan_due')!.params.dueDate).toBe(friday);
    expect((await notificationsOf(t, rep2)).some((n) => n.kind === 'visit_plan_due')).toBe(false);
    expect((await admin.post('/api/v1/admin/visit-plans/remind', { asOf: friday })).json().reminded).toBe(0);
    expect((await admin.post('/api/v1/admin/visit-plans/remind', { asOf: addDays(friday, 1) })).json().reminded).toBe(0);
    expect((await rep1.post('/api/v1/admin/visit-plans/remind', { asOf: friday })).statusCode).toBe(403);
  });
});

describe('map configuration', () => {
  it('tells the web where tiles come from (OpenStreetMap unless configured)', async () => {
    const rep1 = await t.loginAs('rep1');
    expect((await rep1.get('/api/v1/visit-plans/map-config')).json()).toEqual({ tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
  });

  it("serves the operator's tile server from the server configuration (KAIROS_MAP_TILE_URL, KAIROS_MAP_ATTRIBUTION)", async () => {
    const config = loadConfig({ KAIROS_MAP_TILE_URL: 'https://tiles.intranet.example/{z}/{x}/{y}.png', KAIROS_MAP_ATTRIBUTION: '© 内网地图' });
    expect(config.map).toEqual({ tileUrl: 'https://tiles.intranet.example/{z}/{x}/{y}.png', attribution: '© 内网地图' });
    expect(loadConfig({ KAIROS_MAP_TILE_URL: '' }).map.tileUrl).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    const intranet = await buildApp({ handle: t.handle, map: config.map });
    try {
      await intranet.ready();
      const rep1 = await login(intranet, 'rep1');
      expect((await rep1.get('/api/v1/visit-plans/map-config')).json()).toEqual(config.map);
    } finally {
      await intranet.close();
    }
  });
});
