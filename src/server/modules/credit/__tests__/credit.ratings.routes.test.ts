import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { TaskDto } from '../../../../shared/contracts/activities.contract.js';
import type { CreditDto } from '../../../../shared/contracts/credit.contract.js';
import type {
  CalculateLimitResult, CreditInvestigationDto, CreditRatingDto, DowngradeTriggerDto,
} from '../../../../shared/contracts/credit-ratings.contract.js';
import { addDays, addMonths, todayIn } from '../../../../shared/dates.js';
import { signContractThroughApi } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const today = todayIn('Asia/Shanghai');
const year = Number(today.slice(0, 4));

const codeOf = (res: { json(): unknown }) => (res.json() as { error: { code: string } }).error.code;
const pathOf = (res: { json(): unknown }) => (res.json() as { error: { details?: { path: string }[] } }).error.details?.[0]?.path;
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

const investigationBody = (extra: Record<string, unknown> = {}) => ({
  basic: { licenceNo: '91310000MA1FL0XX1X', legalRepresentative: '王建国', registeredCapital: '5000000.00', shareholding: '王建国 60%，李华 40%', externalRating: 'AA（大公国际）' },
  bank: { bankName: '中国工商银行上海分行', accountNo: '1001 2345 6789', settlement: '结算正常，无退票记录' },
  financials: [
    { year: year - 1, totalAssets: '12000000.00', totalLiabilities: '5000000.00', currentAssets: '8000000.00', currentLiabilities: '3000000.00', revenue: '20000000.00', netProfit: '1500000.00', operatingCashFlow: '1800000.00' },
    { year: year - 2, totalAssets: '10000000.00', totalLiabilities: '4500000.00', currentAssets: '6500000.00', currentLiabilities: '2800000.00', revenue: '17000000.00', netProfit: '1100000.00', operatingCashFlow: '-200000.00' },
  ],
  other: { reputation: '行业口碑良好' },
  customerConfirmed: true,
  ...extra,
});

const dims = (score: string) => Object.fromEntries(['basic', 'capital', 'creditRecord', 'solvency', 'profitability'].map((d) => [d, [{ key: 'overall', score }]]));

async function reviewed(customerId: string): Promise<CreditInvestigationDto> {
  const [cs1, finance1] = await Promise.all([t.loginAs('cs1'), t.loginAs('finance1')]);
  const created = await cs1.post(`/api/v1/customers/${customerId}/credit-investigations`, investigationBody());
  expect(created.statusCode, created.body).toBe(201);
  const inv = created.json() as CreditInvestigationDto;
  const submitted = await cs1.post(`/api/v1/credit-investigations/${inv.id}/submit`, { version: inv.version });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const res = await finance1.post(`/api/v1/credit-investigations/${inv.id}/review`, { version: (submitted.json() as CreditInvestigationDto).version, evaluation: '资料齐全，建议 B 级', suggestedGrade: 'B' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as CreditInvestigationDto;
}
async function rate(client: Client, body: Record<string, unknown>, status = 201) {
  const res = await client.post('/api/v1/credit-ratings', { reason: '年度评级', ...body });
  expect(res.statusCode, res.body).toBe(status);
  return res;
}

describe('credit investigation (信用调查): cs prepares, finance reviews', () => {
  it('cs1 prepares the five parts; part 4 is computed from our contracts and collections, live while draft and frozen on submit', async () => {
    const [rep1, manager1, cs1] = await Promise.all([t.loginAs('rep1'), t.loginAs('manager1'), t.loginAs('cs1')]);
    const c = await createCustomer(rep1);
    await signContractThroughApi(rep1, manager1, c.id); // 30,000.00 due today, 70,000.00 due 2099
    await t.handle.db.execute(sql`update receivables set received = 10000.00, status = 'partial' where workspace_id = ${ws} and customer_id = ${c.id} and due_date = ${today}::date`);

    const res = await cs1.post(`/api/v1/customers/${c.id}/credit-investigations`, investigationBody());
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json() as CreditInvestigationDto;
    expect(draft).toMatchObject({ status: 'draft', customerConfirmed: true, preparedBy: { id: ids.cs1 }, reviewedBy: null, nextDueOn: null });
    expect(draft.financials.map((f) => f.year)).toEqual([year - 1, year - 2]);
    expect(draft.businessHistory.years.map((y) => y.year)).toEqual([year, year - 1, year - 2]);
    expect(draft.businessHistory.years[0]).toMatchObject({ due: '30000.00', collected: '10000.00', collectionRate: '33.33', overdueOutstanding: '0.00' });
    expect(draft.businessHistory.years[1]).toMatchObject({ due: '0.00', collectionRate: null });

    const edited = await cs1.patch(`/api/v1/credit-investigations/${draft.id}`, { ...investigationBody({ customerConfirmed: false }), version: draft.version });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await cs1.patch(`/api/v1/credit-investigations/${draft.id}`, { ...investigationBody(), version: draft.version });
    expect(stale.statusCode).toBe(409);

    const submitted = await cs1.post(`/api/v1/credit-investigations/${draft.id}/submit`, { version: (edited.json() as CreditInvestigationDto).version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', customerConfirmed: false });
    // frozen: a later payment does not change what finance reviews
    await t.handle.db.execute(sql`update receivables set received = 30000.00, status = 'paid' where workspace_id = ${ws} and customer_id = ${c.id} and due_date = ${today}::date`);
    const again = (await cs1.get(`/api/v1/credit-investigations/${draft.id}`)).json() as CreditInvestigationDto;
    expect(again.businessHistory.years[0]!.collected).toBe('10000.00');
    expect((await cs1.patch(`/api/v1/credit-investigations/${draft.id}`, { ...investigationBody(), version: again.version })).statusCode).toBe(422);
    expect((await auditRows(t, ws, { entity: 'credit_investigation', entityId: draft.id })).map((a) => a.action)).toEqual(['create', 'update', 'submit']);
  });

  it('finance1 reviews into the evaluation form; the yearly update falls due 12 months later; cs1 cannot review, a draft cannot be reviewed', async () => {
    const [rep1, cs1, finance1] = await Promise.all([t.loginAs('rep1'), t.loginAs('cs1'), t.loginAs('finance1')]);
    const c = await createCustomer(rep1);
    const draft = (await cs1.post(`/api/v1/customers/${c.id}/credit-investigations`, investigationBody())).json() as CreditInvestigationDto;
    const early = await finance1.post(`/api/v1/credit-investigations/${draft.id}/review`, { version: draft.version, evaluation: '—' });
    expect(early.statusCode).toBe(422);
    const submitted = (await cs1.post(`/api/v1/credit-investigations/${draft.id}/submit`, { version: draft.version })).json() as CreditInvestigationDto;
    expect((await cs1.post(`/api/v1/credit-investigations/${draft.id}/review`, { version: submitted.version, evaluation: '自评' })).statusCode).toBe(403);
    const res = await finance1.post(`/api/v1/credit-investigations/${draft.id}/review`, { version: submitted.version, evaluation: '经营稳定，现金流良好', suggestedGrade: 'A' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reviewed', reviewedBy: { id: ids.finance1 }, evaluation: '经营稳定，现金流良好', suggestedGrade: 'A', nextDueOn: addMonths(today, 12) });
  });

  it('who may do what: rep1, finance1 and warehouse cannot prepare; rep1 cannot read; another rep\'s customer is fine for cs (all customers)', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    for (const who of ['rep1', 'supervisor1', 'manager1', 'finance1', 'warehouse1', 'admin']) {
      const res = await (await t.loginAs(who)).post(`/api/v1/customers/${c.id}/credit-investigations`, investigationBody());
      expect(res.statusCode, who).toBe(403);
    }
    for (const who of ['cs1', 'csm', 'finance1', 'manager1', 'gm', 'vp']) expect((await (await t.loginAs(who)).get(`/api/v1/customers/${c.id}/credit-investigations`)).statusCode, who).toBe(200);
    for (const who of ['rep1', 'warehouse1', 'reception1']) expect((await (await t.loginAs(who)).get(`/api/v1/customers/${c.id}/credit-investigations`)).statusCode, who).toBe(403);
    expect(await countRows(t, 'credit_investigations', ws)).toBeGreaterThanOrEqual(0);
  });

  it('refuses a file of another customer and duplicate statement years, naming the field, and writes nothing', async () => {
    const [rep1, cs1] = await Promise.all([t.loginAs('rep1'), t.loginAs('cs1')]);
    const c = await createCustomer(rep1);
    const before = await countRows(t, 'credit_investigations', ws);
    const bad = await cs1.post(`/api/v1/customers/${c.id}/credit-investigations`, investigationBody({ attachmentIds: ['01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99'] }));
    expect(bad.statusCode).toBe(400);
    expect(pathOf(bad)).toBe('attachmentIds.0');
    const body = investigationBody();
    const dup = await cs1.post(`/api/v1/customers/${c.id}/credit-investigations`, { ...body, financials: [body.financials[0], body.financials[0]] });
    expect(dup.statusCode).toBe(400);
    expect(pathOf(dup)).toBe('financials');
    expect(await countRows(t, 'credit_investigations', ws)).toBe(before);
  });

  it('the yearly-update sweep gives the preparer one to-do when the update is due, and only once', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const inv = await reviewed(c.id);
    const csm = await t.loginAs('csm');
    const dayBefore = await csm.post('/api/v1/credit-investigations/due-sweep', { asOf: addDays(inv.nextDueOn!, -1) });
    expect(dayBefore.statusCode, dayBefore.body).toBe(200);
    expect(dayBefore.json()).toMatchObject({ tasksCreated: 0 });
    const first = await csm.post('/api/v1/credit-investigations/due-sweep', { asOf: inv.nextDueOn });
    // other tests of this file reviewed investigations today too: each due customer gets its to-do
    expect((first.json() as { tasksCreated: number }).tasksCreated).toBeGreaterThanOrEqual(1);
    expect((await csm.post('/api/v1/credit-investigations/due-sweep', { asOf: inv.nextDueOn })).json()).toMatchObject({ tasksCreated: 0 });
    const tasks = (await (await t.loginAs('cs1')).get(`/api/v1/tasks?assignee=me&status=open&customerId=${c.id}`)).json() as { items: TaskDto[] };
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({ dueDate: inv.nextDueOn, assigneeId: ids.cs1 });
    expect(tasks.items[0]!.action).toContain('更新信用调查');
    expect((await (await t.loginAs('rep1')).post('/api/v1/credit-investigations/due-sweep', {})).statusCode).toBe(403);
  });
});

describe('credit rating (信用评级): finance rates', () => {
  it.each([['85', 'A', 90], ['84.99', 'B', 60], ['70', 'B', 60], ['69.99', 'C', 30], ['55', 'C', 30], ['54.99', 'D', 0]])(
    'all five dimensions at %s → grade %s with %i days terms', async (score, grade, terms) => {
      const rep1 = await t.loginAs('rep1');
      const c = await createCustomer(rep1);
      const res = await rate(await t.loginAs('finance1'), { customerId: c.id, dimensions: dims(score) });
      expect(res.json()).toMatchObject({ grade, suggestedTermsDays: terms, ratedBy: { id: ids.finance1 }, previousGrade: null });
      expect((res.json() as CreditRatingDto).total).toBe(Number(score).toFixed(2));
    });

  it('rests on a reviewed investigation; keeps the history with who and why; rep1 reads it, rep2 gets 404', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const inv = await reviewed(c.id);
    const finance1 = await t.loginAs('finance1');
    const first = (await rate(finance1, { customerId: c.id, investigationId: inv.id, dimensions: dims('90'), reason: '首次评级' })).json() as CreditRatingDto;
    const second = (await rate(finance1, { customerId: c.id, dimensions: { ...dims('60'), solvency: [{ key: 'currentRatio', score: '40', weight: '2' }, { key: 'debtRatio', score: '70' }] }, reason: '年报下滑' })).json() as CreditRatingDto;
    expect(second).toMatchObject({ previousGrade: 'A', grade: 'C', total: '58.00' });
    const history = (await rep1.get(`/api/v1/customers/${c.id}/credit-ratings`)).json() as { items: CreditRatingDto[] };
    expect(history.items.map((r) => [r.id, r.grade, r.reason])).toEqual([[second.id, 'C', '年报下滑'], [first.id, 'A', '首次评级']]);
    expect((await (await t.loginAs('rep2')).get(`/api/v1/customers/${c.id}/credit-ratings`)).statusCode).toBe(404);
    expect((await auditRows(t, ws, { entity: 'credit_rating' })).some((a) => a.entityId === second.id)).toBe(true);
  });

  it('only finance rates: rep1, manager1, cs1 get 403; a draft investigation or a missing dimension is refused; nothing is written', async () => {
    const [rep1, cs1] = await Promise.all([t.loginAs('rep1'), t.loginAs('cs1')]);
    const c = await createCustomer(rep1);
    const before = await countRows(t, 'credit_ratings', ws);
    for (const who of ['rep1', 'supervisor1', 'manager1', 'cs1', 'csm', 'gm']) await rate(await t.loginAs(who), { customerId: c.id, dimensions: dims('80') }, 403);
    const draft = (await cs1.post(`/api/v1/customers/${c.id}/credit-investigations`, investigationBody())).json() as CreditInvestigationDto;
    const finance1 = await t.loginAs('finance1');
    const onDraft = await rate(finance1, { customerId: c.id, investigationId: draft.id, dimensions: dims('80') }, 422);
    expect(pathOf(onDraft)).toBe('investigationId');
    const { profitability: _p, ...four } = dims('80');
    const missing = await rate(finance1, { customerId: c.id, dimensions: four }, 400);
    expect(pathOf(missing)).toBe('dimensions.profitability');
    expect(pathOf(await rate(finance1, { customerId: c.id, dimensions: dims('100.5') }, 400))).toBe('dimensions.basic.0.score');
    expect(await countRows(t, 'credit_ratings', ws)).toBe(before);
  });

  it('the grade reaches the profile only through the credit change request: manager1 proposes it, cs1 cannot (SoD)', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const rating = (await rate(await t.loginAs('finance1'), { customerId: c.id, dimensions: dims('72') })).json() as CreditRatingDto;
    const cs1 = await t.loginAs('cs1');
    const refused = await cs1.post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '100000.00', grade: rating.grade, termsDays: rating.suggestedTermsDays, reason: '按评级' });
    expect(refused.statusCode).toBe(403);
    expect(await countRows(t, 'credit_change_requests', ws).then(async (n) => n >= 0)).toBe(true);
    const manager1 = await t.loginAs('manager1');
    const proposed = await manager1.post(`/api/v1/customers/${c.id}/credit/change-requests`, { version: 0, limit: '100000.00', grade: rating.grade, termsDays: rating.suggestedTermsDays, reason: `信用评级 ${rating.total} 分` });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect((proposed.json() as CreditDto).pendingRequest?.to).toEqual({ limit: '100000.00', grade: 'B', termsDays: 60 });
  });
});

describe('downgrade triggers (降级): recording one forces a re-rating', () => {
  it('rep1 records a trigger with evidence; finance1 gets a re-rating to-do; the next rating answers it and closes the to-do', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    const finance1 = await t.loginAs('finance1');
    await rate(finance1, { customerId: c.id, dimensions: dims('88') });
    const res = await rep1.post(`/api/v1/customers/${c.id}/credit-triggers`, { kind: 'legal_cases', occurredOn: today, evidence: '法定代表人被起诉（裁判文书网 2026 沪 01 民初 123 号）' });
    expect(res.statusCode, res.body).toBe(201);
    const trigger = res.json() as DowngradeTriggerDto;
    expect(trigger).toMatchObject({ status: 'open', kind: 'legal_cases', recordedBy: { id: ids.rep1 }, ratingId: null });
    const todo = (await finance1.get(`/api/v1/tasks?assignee=me&status=open&customerId=${c.id}`)).json() as { items: TaskDto[] };
    expect(todo.items.map((x) => x.id)).toEqual([trigger.taskId]);
    expect(todo.items[0]!.action).toContain('重新信用评级');

    const rating = (await rate(finance1, { customerId: c.id, dimensions: dims('60'), reason: '涉诉降级' })).json() as CreditRatingDto;
    expect(rating).toMatchObject({ grade: 'C', previousGrade: 'A', triggerIds: [trigger.id] });
    const triggers = (await rep1.get(`/api/v1/customers/${c.id}/credit-triggers`)).json() as { items: DowngradeTriggerDto[] };
    expect(triggers.items[0]).toMatchObject({ status: 'rated', ratingId: rating.id });
    const done = rowsOf<{ status: string }>(await t.handle.db.execute(sql`select status from tasks where workspace_id = ${ws} and id = ${trigger.taskId}`));
    expect(done[0]!.status).toBe('done');
  });

  it('refuses an unknown kind (400) and warehouse (403)', async () => {
    const rep1 = await t.loginAs('rep1');
    const c = await createCustomer(rep1);
    expect((await rep1.post(`/api/v1/customers/${c.id}/credit-triggers`, { kind: 'rumour', occurredOn: today, evidence: 'x' })).statusCode).toBe(400);
    expect((await (await t.loginAs('warehouse1')).post(`/api/v1/customers/${c.id}/credit-triggers`, { kind: 'other', occurredOn: today, evidence: 'x' })).statusCode).toBe(403);
  });
});

describe('credit limit calculators (信用额度测算)', () => {
  it('manager1 and finance1 get the limit and its working in their language', async () => {
    const manager1 = await t.loginAs('manager1');
    const res = await manager1.post('/api/v1/credit-limits/calculate', { method: 'net_asset', inputs: { totalAssets: '5000000.00', totalLiabilities: '2000000.00', supplierCount: 3 } });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as CalculateLimitResult;
    expect(r.limit).toBe('1000000.00');
    expect(r.working[0]).toBe('净资产 = 资产总额 5000000.00 − 负债总额 2000000.00 = 3000000.00');
    const en = await (await t.loginAs('finance1')).post('/api/v1/credit-limits/calculate',
      { method: 'current_ratio', inputs: { currentAssets: '3000000.00', currentLiabilities: '1000000.00', baseLimit: '100000.00' } }, { 'accept-language': 'en-US' });
    expect(en.json()).toMatchObject({ limit: '150000.00' });
    expect((en.json() as CalculateLimitResult).working.at(-1)).toBe('Suggested credit limit: 150000.00');
  });

  it('refuses zero suppliers with 422 naming inputs.supplierCount; a bad method is 400', async () => {
    const finance1 = await t.loginAs('finance1');
    const res = await finance1.post('/api/v1/credit-limits/calculate', { method: 'working_capital', inputs: { currentAssets: '100.00', currentLiabilities: '50.00', supplierCount: 0 } });
    expect(res.statusCode).toBe(422);
    expect(codeOf(res)).toBe('RULE_VIOLATION');
    expect(pathOf(res)).toBe('inputs.supplierCount');
    expect((await finance1.post('/api/v1/credit-limits/calculate', { method: 'guess', inputs: {} })).statusCode).toBe(400);
  });

  it('cs1, csm and rep1 cannot use the calculators (they never decide limits)', async () => {
    for (const who of ['cs1', 'csm', 'rep1', 'supervisor1', 'warehouse1']) {
      const res = await (await t.loginAs(who)).post('/api/v1/credit-limits/calculate', { method: 'judgement', inputs: { limit: '1.00', reasons: ['x'] } });
      expect(res.statusCode, who).toBe(403);
    }
  });
});

describe('files cited by investigations and triggers', () => {
  /** Uploads one PDF to the customer's files, as the browser form does (multipart). */
  async function uploadPdf(client: Client, customerId: string, name: string): Promise<string> {
    const boundary = '----kairos-credit-test';
    const res = await t.app.inject({
      method: 'POST', url: `/api/v1/customers/${customerId}/attachments`,
      headers: { cookie: client.cookie!, 'x-requested-with': 'kairos', 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
        Buffer.from('%PDF-1.4 test'), Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  }

  it('refuses a file of another customer on an investigation and on a trigger (400 naming attachmentIds.N, nothing written); keeps the customer\'s own', async () => {
    const [rep1, cs1] = await Promise.all([t.loginAs('rep1'), t.loginAs('cs1')]);
    const [mine, other] = await Promise.all([createCustomer(rep1), createCustomer(rep1)]);
    const [licence, othersLicence] = await Promise.all([uploadPdf(rep1, mine.id, '营业执照.pdf'), uploadPdf(rep1, other.id, '其他客户执照.pdf')]);
    const [investigations, triggers] = [await countRows(t, 'credit_investigations', ws), await countRows(t, 'credit_downgrade_triggers', ws)];

    const inv = await cs1.post(`/api/v1/customers/${mine.id}/credit-investigations`, investigationBody({ attachmentIds: [licence, othersLicence] }));
    expect([inv.statusCode, codeOf(inv), pathOf(inv)]).toEqual([400, 'VALIDATION_FAILED', 'attachmentIds.1']);
    const trigger = await rep1.post(`/api/v1/customers/${mine.id}/credit-triggers`, { kind: 'legal_cases', occurredOn: today, evidence: '法定代表人被起诉', attachmentIds: [othersLicence] });
    expect([trigger.statusCode, pathOf(trigger)]).toEqual([400, 'attachmentIds.0']);
    expect([await countRows(t, 'credit_investigations', ws), await countRows(t, 'credit_downgrade_triggers', ws)]).toEqual([investigations, triggers]);

    const ok = await cs1.post(`/api/v1/customers/${mine.id}/credit-investigations`, investigationBody({ attachmentIds: [licence] }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect((ok.json() as CreditInvestigationDto).attachmentIds).toEqual([licence]);
    const okTrigger = await rep1.post(`/api/v1/customers/${mine.id}/credit-triggers`, { kind: 'legal_cases', occurredOn: today, evidence: '法定代表人被起诉', attachmentIds: [licence] });
    expect(okTrigger.statusCode, okTrigger.body).toBe(201);
    expect((okTrigger.json() as DowngradeTriggerDto).attachmentIds).toEqual([licence]);
  }, 120_000);
});
