import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows, seedWorkspace } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { EffectivePriceDto, PriceChangeDto, PriceHistoryDto, PriceListDetailDto, ProductDto } from '../../../../shared/contracts/products.contract.js';
import { addDays, todayIn } from '../../../../shared/dates.js';
import { login } from '../../../../../test/harness.js';
import { seedDemoWorkspace } from '../../../seed/demo.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds as Record<string, string>;
const usernameOf = new Map(Object.entries(ids).map(([username, id]) => [id, username]));
const today = todayIn('Asia/Shanghai');

const clients = new Map<string, Client>();
async function as(username: string): Promise<Client> {
  if (!clients.has(username)) clients.set(username, await t.loginAs(username));
  return clients.get(username)!;
}
const err = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { path: string; message: string }[] } }).error;

let seq = 0;
const newCode = () => `T-${process.pid}-${++seq}`;
const body = (over: Record<string, unknown> = {}) => ({
  code: newCode(), name: '压力变送器 PT-300', kind: 'product', unit: '台', category: '测试仪表', taxRate: '13',
  listPrice: '12800.00', floorPrice: '10500.00', floatRange: '8', cost: '7200.00', ...over,
});

async function createProduct(who = 'manager1', over: Record<string, unknown> = {}): Promise<ProductDto> {
  const res = await (await as(who)).post('/api/v1/products', body(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as ProductDto;
}
async function approvalOf(requestId: string): Promise<ApprovalDto> {
  const change = (await (await as('gm')).get(`/api/v1/price-changes/${requestId}`)).json() as PriceChangeDto;
  return (await (await as('gm')).get(`/api/v1/approvals/${change.approvalId}`)).json() as ApprovalDto;
}
async function pendingRequestOf(productId: string): Promise<PriceChangeDto> {
  const history = (await (await as('gm')).get(`/api/v1/products/${productId}/price-history`)).json() as PriceHistoryDto;
  return history.requests.find((r) => r.status === 'pending')!;
}
/** Walks the approval through every remaining step, each decided by its (first) assignee; returns who decided. */
async function approveAll(approvalId: string): Promise<string[]> {
  const deciders: string[] = [];
  for (;;) {
    const approval = (await (await as('gm')).get(`/api/v1/approvals/${approvalId}`)).json() as ApprovalDto;
    if (approval.status !== 'pending') return deciders;
    const step = approval.steps.find((s) => s.stepIndex === approval.currentStep)!;
    const who = usernameOf.get(step.assignees[0]!.id)!;
    const res = await (await as(who)).post(`/api/v1/approvals/${approvalId}/approve`, { comment: '同意' });
    expect(res.statusCode, res.body).toBe(200);
    deciders.push(who);
  }
}
async function createPriced(over: Record<string, unknown> = {}): Promise<ProductDto> {
  const product = await createProduct('manager1', over);
  await approveAll((await pendingRequestOf(product.id)).approvalId!);
  return (await (await as('manager1')).get(`/api/v1/products/${product.id}`)).json() as ProductDto;
}

describe('creating a product: its first prices are approved before anyone can quote it', () => {
  it('a new product exists at once but has no prices and is not quotable until VP → finance → GM approve; then prices apply from today', async () => {
    const created = await createProduct();
    expect(created).toMatchObject({ listPrice: null, floorPrice: null, cost: null, isQuotable: false, hasPendingChange: true, isActive: true, unit: '台' });
    const request = await pendingRequestOf(created.id);
    expect(request).toMatchObject({ kind: 'initial', from: null, to: { listPrice: '12800.00', floorPrice: '10500.00', floatRange: '8.00', cost: '7200.00' }, requestedBy: { id: ids.manager1 } });
    const approval = await approvalOf(request.id);
    expect(approval.steps.map((s) => s.label)).toEqual(['销售副总审核', '财务成本审核', '总经理审批']);
    expect(approval.snapshot).toMatchObject({ kind: 'initial', to: { listPrice: '12800.00', cost: '7200.00' }, from: null });

    const quote = (await (await as('rep1')).get(`/api/v1/products/${created.id}/effective-price`)).json() as EffectivePriceDto;
    expect(quote).toMatchObject({ isQuotable: false, price: null, source: 'none' });

    expect(await approveAll(approval.id)).toEqual(['vp', 'finance1', 'gm']);
    const priced = (await (await as('manager1')).get(`/api/v1/products/${created.id}`)).json() as ProductDto;
    expect(priced).toMatchObject({ listPrice: '12800.00', floorPrice: '10500.00', floatRange: '8.00', cost: '7200.00', priceEffectiveFrom: today, isQuotable: true, hasPendingChange: false });
    const history = (await (await as('manager1')).get(`/api/v1/products/${created.id}/price-history`)).json() as PriceHistoryDto;
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ effectiveFrom: today, effectiveTo: null, isInForce: true, requestedBy: { name: '张伟' }, approvedBy: { name: '王建国' } });
    expect(history.requests[0]).toMatchObject({ status: 'approved', appliedFrom: today });
  });

  it('a rejected first price leaves the product unpriced, and a new request can follow', async () => {
    const created = await createProduct();
    const request = await pendingRequestOf(created.id);
    const res = await (await as('vp')).post(`/api/v1/approvals/${request.approvalId}/reject`, { reason: '最低价过低' });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await (await as('manager1')).get(`/api/v1/price-changes/${request.id}`)).json() as PriceChangeDto;
    expect(after).toMatchObject({ status: 'rejected', decisionComment: '最低价过低', appliedFrom: null });
    expect(await countRows(t, 'product_prices', ws).then(async () => ((await (await as('manager1')).get(`/api/v1/products/${created.id}/price-history`)).json() as PriceHistoryDto).items)).toEqual([]);
    const again = await (await as('manager1')).post(`/api/v1/products/${created.id}/price-changes`, { listPrice: '12800', floorPrice: '11000', floatRange: '8', cost: '7200', effectiveFrom: today, reason: '按意见调整最低价' });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({ kind: 'initial', status: 'pending', from: null });
  });
});

describe('segregation of duties on prices (domain §1.1)', () => {
  it('finance cannot create a product nor request a price change, and nothing is written', async () => {
    const product = await createPriced();
    const before = await Promise.all(['products', 'price_change_requests', 'approvals'].map((n) => countRows(t, n, ws)));
    const finance = await as('finance1');
    expect(err(await finance.post('/api/v1/products', body())).code).toBe('FORBIDDEN');
    const res = await finance.post(`/api/v1/products/${product.id}/price-changes`, { listPrice: '13000', floorPrice: '10500', floatRange: '8', cost: '7000', effectiveFrom: today, reason: '成本下降' });
    expect(res.statusCode).toBe(403);
    expect(err(await finance.post('/api/v1/price-lists', { name: '财务价格表', customerClass: 'A', effectiveFrom: today })).code).toBe('FORBIDDEN');
    expect(await Promise.all(['products', 'price_change_requests', 'approvals'].map((n) => countRows(t, n, ws)))).toEqual(before);
  });

  it('reps and supervisors set no prices (403); the front desk and admin cannot even read the catalogue', async () => {
    const product = await createPriced();
    for (const who of ['rep1', 'supervisor1', 'gm', 'csm', 'warehouse1']) {
      const res = await (await as(who)).post(`/api/v1/products/${product.id}/price-changes`, { listPrice: '1', floorPrice: '1', floatRange: '0', cost: '1', effectiveFrom: today, reason: 'x' });
      expect(res.statusCode, who).toBe(403);
    }
    for (const who of ['reception1', 'admin']) expect((await (await as(who)).get('/api/v1/products')).statusCode, who).toBe(403);
    for (const who of ['rep1', 'warehouse1', 'cs1', 'finance1']) expect((await (await as(who)).get('/api/v1/products')).statusCode, who).toBe(200);
  });

  it('the requester can never approve their own price change, at any step', async () => {
    const product = await createPriced();
    const res = await (await as('vp')).post(`/api/v1/products/${product.id}/price-changes`, { listPrice: '13500', floorPrice: '11000', floatRange: '8', cost: '7200', effectiveFrom: today, reason: '原材料涨价' });
    expect(res.statusCode, res.body).toBe(201);
    const approval = await approvalOf((res.json() as PriceChangeDto).id);
    // the VP asked: no VP review step; finance reviews cost, the GM approves
    expect(approval.steps.map((s) => s.label)).toEqual(['财务成本审核', '总经理审批']);
    expect(approval.steps.flatMap((s) => s.assignees.map((a) => a.id))).not.toContain(ids.vp);
    const own = await (await as('vp')).post(`/api/v1/approvals/${approval.id}/approve`, { comment: '自己批' });
    expect(own.statusCode).toBe(403);
    expect(err(own).code).toBe('SEGREGATION_OF_DUTIES');
    expect(((await (await as('gm')).get(`/api/v1/approvals/${approval.id}`)).json() as ApprovalDto).status).toBe('pending');
  });
});

describe('costs are seen by finance and managers and above only', () => {
  it('a rep sees prices but never the cost: list, detail, history, price change, effective price and export', async () => {
    const product = await createPriced({ name: '成本可见性测试仪' });
    const rep = await as('rep1');
    const list = (await rep.get(`/api/v1/products?q=${encodeURIComponent(product.code)}`)).json() as { items: ProductDto[] };
    expect(list.items.map((p) => [p.code, p.listPrice, p.cost])).toEqual([[product.code, '12800.00', null]]);
    expect(((await rep.get(`/api/v1/products/${product.id}`)).json() as ProductDto).cost).toBeNull();
    const history = (await rep.get(`/api/v1/products/${product.id}/price-history`)).json() as PriceHistoryDto;
    expect(history.items[0]!.cost).toBeNull();
    expect(history.requests[0]!.to).toMatchObject({ listPrice: '12800.00', cost: null });
    expect(((await rep.get(`/api/v1/products/${product.id}/effective-price`)).json() as EffectivePriceDto).cost).toBeNull();

    const headersOf = async (client: Client) => {
      const res = await client.get(`/api/v1/products.xlsx?q=${encodeURIComponent(product.code)}`);
      expect(res.statusCode).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      return { headers: (sheet.getRow(1).values as unknown[]).slice(1), row: (sheet.getRow(2).values as unknown[]).slice(1) };
    };
    const repSheet = await headersOf(rep);
    expect(repSheet.headers).not.toContain('成本');
    expect(repSheet.row).not.toContain(7200);
    const financeSheet = await headersOf(await as('finance1'));
    expect(financeSheet.headers).toContain('成本');
    expect(financeSheet.row).toEqual(expect.arrayContaining([product.code, 12800, 10500, 7200]));
    expect((await auditRows(t, ws, { entity: 'product', action: 'export' })).length).toBeGreaterThanOrEqual(2);
  });

  it('the approval shows the frozen cost to finance, and masks it for warehouse and customer service who may open it too', async () => {
    const created = await createProduct();
    const approvalId = (await pendingRequestOf(created.id)).approvalId!;
    const snapshotAs = async (who: string) => ((await (await as(who)).get(`/api/v1/approvals/${approvalId}`)).json() as ApprovalDto).snapshot;
    expect(await snapshotAs('finance1')).toMatchObject({ to: { listPrice: '12800.00', cost: '7200.00' } });
    for (const who of ['warehouse1', 'cs1']) expect(await snapshotAs(who), who).toMatchObject({ to: { listPrice: '12800.00', cost: null } });
  });

  it('finance and the sales manager see the cost', async () => {
    const product = await createPriced();
    for (const who of ['finance1', 'manager1', 'vp', 'gm']) {
      expect(((await (await as(who)).get(`/api/v1/products/${product.id}`)).json() as ProductDto).cost, who).toBe('7200.00');
    }
    expect(((await (await as('supervisor1')).get(`/api/v1/products/${product.id}`)).json() as ProductDto).cost).toBeNull();
  });
});

describe('price changes are versions with effective dates', () => {
  it('a change approved for a later day leaves today\'s price alone; from that day the new one is in force, the old one ends the day before', async () => {
    const product = await createPriced();
    const from = addDays(today, 10);
    const res = await (await as('manager1')).post(`/api/v1/products/${product.id}/price-changes`, {
      listPrice: '13800.00', floorPrice: '11200.00', floatRange: '5', cost: '7600.00', effectiveFrom: from, reason: '2027 年调价',
    });
    expect(res.statusCode, res.body).toBe(201);
    const change = res.json() as PriceChangeDto;
    expect(change).toMatchObject({ kind: 'product', from: { listPrice: '12800.00', cost: '7200.00' }, to: { listPrice: '13800.00', floatRange: '5.00' }, effectiveFrom: from });
    // the approver sees the frozen old and new values
    expect((await approvalOf(change.id)).snapshot).toMatchObject({ from: { listPrice: '12800.00', floorPrice: '10500.00' }, to: { listPrice: '13800.00', floorPrice: '11200.00' } });
    await approveAll(change.approvalId!);

    const at = async (asOf: string) => ((await (await as('rep1')).get(`/api/v1/products/${product.id}?asOf=${asOf}`)).json() as ProductDto).listPrice;
    expect([await at(today), await at(addDays(from, -1)), await at(from)]).toEqual(['12800.00', '12800.00', '13800.00']);
    const history = (await (await as('manager1')).get(`/api/v1/products/${product.id}/price-history`)).json() as PriceHistoryDto;
    expect(history.items.map((v) => [v.listPrice, v.effectiveFrom, v.effectiveTo, v.isInForce])).toEqual([
      ['13800.00', from, null, false], ['12800.00', today, addDays(from, -1), true],
    ]);
    const lookup = async (date: string) => ((await (await as('rep1')).get(`/api/v1/products/${product.id}/effective-price?date=${date}`)).json() as EffectivePriceDto);
    expect((await lookup(addDays(from, -1))).price).toBe('12800.00');
    expect((await lookup(from))).toMatchObject({ price: '13800.00', floorPrice: '11200.00', floatRange: '5.00', source: 'list_price' });
  });

  it('a second request while one is pending is 409; the same prices again is refused as no change', async () => {
    const product = await createPriced();
    const manager = await as('manager1');
    const change = { listPrice: '13000', floorPrice: '10500', floatRange: '8', cost: '7200', effectiveFrom: today, reason: '调价' };
    const same = await manager.post(`/api/v1/products/${product.id}/price-changes`, { ...change, listPrice: '12800.00' });
    expect([same.statusCode, err(same).code]).toEqual([422, 'RULE_VIOLATION']);
    expect((await manager.post(`/api/v1/products/${product.id}/price-changes`, change)).statusCode).toBe(201);
    const before = await countRows(t, 'price_change_requests', ws);
    const second = await (await as('vp')).post(`/api/v1/products/${product.id}/price-changes`, { ...change, listPrice: '13100' });
    expect([second.statusCode, err(second).code, err(second).message]).toEqual([409, 'CONFLICT', '已有一项调价申请在审批中，请等待审批完成']);
    expect(await countRows(t, 'price_change_requests', ws)).toBe(before);
  });
});

describe('editing a product', () => {
  it('changes descriptive fields at the version read; a stale version gets 409 and changes nothing', async () => {
    const product = await createPriced();
    const manager = await as('manager1');
    const ok = await manager.patch(`/api/v1/products/${product.id}`, { version: product.version, name: '压力变送器 PT-300H', spec: '0–40MPa，4–20mA' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '压力变送器 PT-300H', version: product.version + 1, listPrice: '12800.00' });
    const stale = await (await as('vp')).patch(`/api/v1/products/${product.id}`, { version: product.version, name: '旧版本改名' });
    expect([stale.statusCode, err(stale).code]).toEqual([409, 'CONFLICT']);
    expect(((await manager.get(`/api/v1/products/${product.id}`)).json() as ProductDto).name).toBe('压力变送器 PT-300H');
    // prices are not editable here
    const sneaky = await manager.patch(`/api/v1/products/${product.id}`, { version: product.version + 1, listPrice: '1.00' });
    expect(sneaky.statusCode).toBe(400);
  });

  it('an inactive product is not quotable, whatever its prices', async () => {
    const product = await createPriced();
    await (await as('manager1')).patch(`/api/v1/products/${product.id}`, { version: product.version, isActive: false });
    expect(((await (await as('rep1')).get(`/api/v1/products/${product.id}/effective-price`)).json() as EffectivePriceDto)).toMatchObject({ isQuotable: false, price: null });
    const active = (await (await as('rep1')).get(`/api/v1/products?isActive=false&q=${encodeURIComponent(product.code)}`)).json() as { items: ProductDto[] };
    expect(active.items.map((p) => p.id)).toEqual([product.id]);
  });
});

describe('bad input is refused with a localised message naming the field, and nothing is written', () => {
  it.each([
    ['floor above list', { floorPrice: '12800.01' }, 'floorPrice', '最低价 12800.01 不能高于标准价 12800.00', 'The floor price 12800.01 cannot be above the list price 12800.00'],
    ['three decimals', { listPrice: '12800.001' }, 'listPrice', '金额格式不正确（最多两位小数）', null],
    ['negative cost', { cost: '-1.00' }, 'cost', '金额不能为负数', 'An amount cannot be negative'],
    ['float range over 100', { floatRange: '100.5' }, 'floatRange', '浮动区间应为 0–100 的百分比，最多两位小数', null],
    ['effective date in the past', { effectiveFrom: addDays(today, -1) }, 'effectiveFrom', `生效日期不能早于今天（${today}）`, null],
    ['no unit', { unit: '' }, 'unit', null, null],
  ])('%s', async (_, over, path, zh, en) => {
    const before = await countRows(t, 'products', ws);
    const res = await (await as('manager1')).post('/api/v1/products', body(over));
    expect(res.statusCode, res.body).toBe(400);
    const e = err(res);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.details!.map((d) => d.path)).toContain(path);
    if (zh) expect(e.details!.find((d) => d.path === path)!.message).toBe(zh);
    if (en) {
      const english = await (await as('manager1')).post('/api/v1/products', body(over), { 'accept-language': 'en-US' });
      expect(err(english).details!.find((d) => d.path === path)!.message).toBe(en);
    }
    expect(await countRows(t, 'products', ws)).toBe(before);
  });

  it('a code already used is 409 naming the code', async () => {
    const product = await createProduct();
    const res = await (await as('vp')).post('/api/v1/products', body({ code: product.code }));
    expect(res.statusCode).toBe(409);
    expect(err(res).details).toEqual([{ path: 'code', message: `产品编码 ${product.code} 已被使用` }]);
  });
});

describe('price lists', () => {
  it('a class A list and a distributor list, approved, decide the quoted price; otherwise the list price', async () => {
    const product = await createPriced();
    const vp = await as('vp');
    const classA = await vp.post('/api/v1/price-lists', { name: `A类客户价 ${seq}`, customerClass: 'A', effectiveFrom: today, lines: [{ productId: product.id, price: '12000.00' }] });
    expect(classA.statusCode, classA.body).toBe(201);
    const listA = classA.json() as PriceListDetailDto;
    expect(listA).toMatchObject({ lines: [], pendingChange: { kind: 'price_list', lines: [{ productId: product.id, oldPrice: null, newPrice: '12000.00' }] } });
    const lookup = async (query: string) => ((await (await as('rep1')).get(`/api/v1/products/${product.id}/effective-price?${query}`)).json() as EffectivePriceDto);
    expect(await lookup('customerClass=A')).toMatchObject({ price: '12800.00', source: 'list_price' });

    await approveAll(listA.pendingChange!.approvalId!);
    expect(await lookup('customerClass=A')).toMatchObject({ price: '12000.00', source: 'price_list', priceList: { id: listA.id } });
    expect(await lookup('customerClass=B')).toMatchObject({ price: '12800.00', source: 'list_price' });

    const dist = await vp.post('/api/v1/price-lists', { name: `经销商价 ${seq}`, channel: 'distributor', effectiveFrom: today, effectiveTo: addDays(today, 30), lines: [{ productId: product.id, price: '10800.00' }] });
    expect(dist.statusCode, dist.body).toBe(201);
    await approveAll((dist.json() as PriceListDetailDto).pendingChange!.approvalId!);
    expect(await lookup('customerClass=A&channel=distributor')).toMatchObject({ price: '10800.00', source: 'price_list' });
    // the distributor list ends after 30 days: on day 31 the class A list applies again
    expect(await lookup(`customerClass=A&channel=distributor&date=${addDays(today, 31)}`)).toMatchObject({ price: '12000.00' });

    const detail = (await (await as('rep1')).get(`/api/v1/price-lists/${listA.id}`)).json() as PriceListDetailDto;
    expect(detail.lines).toEqual([expect.objectContaining({ productId: product.id, price: '12000.00', listPrice: '12800.00', floorPrice: '10500.00', effectiveFrom: today })]);
  });

  it('a line below the floor price is refused naming the line; a stale list version is 409', async () => {
    const product = await createPriced();
    const manager = await as('manager1');
    const created = await manager.post('/api/v1/price-lists', { name: `B类 ${seq}`, customerClass: 'B', effectiveFrom: today });
    const list = created.json() as PriceListDetailDto;
    const below = await manager.post(`/api/v1/price-lists/${list.id}/price-changes`, { version: list.version, lines: [{ productId: product.id, price: '10499.99' }], effectiveFrom: today, reason: '促销' });
    expect(below.statusCode, below.body).toBe(422);
    expect(err(below).details).toEqual([{ path: 'lines.0.price', message: `${product.code} 的价格表价 10499.99 低于最低价 10500.00` }]);
    const atFloor = await manager.post(`/api/v1/price-lists/${list.id}/price-changes`, { version: list.version, lines: [{ productId: product.id, price: '10500.00' }], effectiveFrom: today, reason: '促销' });
    expect(atFloor.statusCode, atFloor.body).toBe(201);
    const stale = await (await as('vp')).post(`/api/v1/price-lists/${list.id}/price-changes`, { version: list.version, lines: [{ productId: product.id, price: '11000.00' }], effectiveFrom: today, reason: '再调' });
    expect(stale.statusCode).toBe(409);
  });

  it('reps read price lists; warehouse and customer service do not', async () => {
    expect((await (await as('rep1')).get('/api/v1/price-lists')).statusCode).toBe(200);
    for (const who of ['warehouse1', 'cs1']) expect((await (await as(who)).get('/api/v1/price-lists')).statusCode, who).toBe(403);
  });
});

describe('the product list', () => {
  it('filters by category and search text, pages by code without repeats', async () => {
    const category = `分类${process.pid}`;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await createProduct('manager1', { category, name: `超声波流量计 UF-${i}` }));
    const rep = await as('rep1');
    const first = (await rep.get(`/api/v1/products?category=${encodeURIComponent(category)}&limit=2`)).json() as { items: ProductDto[]; nextCursor: string };
    const second = (await rep.get(`/api/v1/products?category=${encodeURIComponent(category)}&limit=2&cursor=${first.nextCursor}`)).json() as { items: ProductDto[]; nextCursor: string | null };
    expect([...first.items, ...second.items].map((p) => p.code)).toEqual(made.map((p) => p.code).sort());
    expect(second.nextCursor).toBeNull();
    const byName = (await rep.get(`/api/v1/products?category=${encodeURIComponent(category)}&q=${encodeURIComponent('流量')}`)).json() as { items: ProductDto[] };
    expect(byName.items).toHaveLength(3);
    const byPinyin = (await rep.get(`/api/v1/products?category=${encodeURIComponent(category)}&q=csbllj`)).json() as { items: ProductDto[] };
    expect(byPinyin.items).toHaveLength(3);
    const byCode = (await rep.get(`/api/v1/products?q=${encodeURIComponent(made[1]!.code)}`)).json() as { items: ProductDto[] };
    expect(byCode.items.map((p) => p.id)).toEqual([made[1]!.id]);
  });

  it('an unknown product is 404', async () => {
    expect((await (await as('rep1')).get('/api/v1/products/01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99')).statusCode).toBe(404);
  });
});

describe('the demo catalogue', () => {
  it('ships priced products and services, three price lists, re-pricing history, and (running demo) one change waiting for the VP', async () => {
    const rep = await as('rep1');
    const all = (await rep.get('/api/v1/products?limit=200')).json() as { items: ProductDto[] };
    expect(all.items.length).toBeGreaterThanOrEqual(30);
    expect(all.items.filter((p) => p.isQuotable).length).toBeGreaterThanOrEqual(29);
    expect(new Set(all.items.map((p) => p.unit))).toEqual(new Set(['台', '套', '件', '年']));
    const lists = (await rep.get('/api/v1/price-lists')).json() as { items: { name: string; lineCount: number; hasPendingChange: boolean }[] };
    expect(lists.items.filter((l) => l.name.includes('价格表（')).map((l) => [l.lineCount > 0, l.hasPendingChange])).toEqual([[true, false], [true, false], [true, false]]);
    const emf = all.items.find((p) => p.code === 'EMF-50')!;
    const history = (await (await as('manager1')).get(`/api/v1/products/${emf.id}/price-history`)).json() as PriceHistoryDto;
    expect(history.items.map((v) => v.listPrice)).toEqual(['12800.00', '12200.00']);

    const suffix = `_p${process.pid}`;
    const demo = await seedDemoWorkspace(t.handle, { usernameSuffix: suffix, name: `产品演示${suffix}`, pendingPolicyChange: false, pendingPriceChange: true });
    const vp = await login(t.app, `vp${suffix}`);
    const inbox = (await vp.get('/api/v1/approvals?status=pending&assignee=me')).json() as { items: ApprovalDto[] };
    expect(inbox.items.map((a) => a.documentType)).toEqual(['price_change']);
    expect(inbox.items[0]!.snapshot).toMatchObject({ productCode: 'EMF-200', from: { listPrice: '23600.00' }, to: { listPrice: '24800.00' } });
    expect(inbox.items[0]!.requester.id).toBe(demo.userIds.manager1);
  });
});

describe('concurrency and workspaces', () => {
  it('two price change requests sent at the same moment: one is taken, the other gets 409, one request is stored', async () => {
    const product = await createPriced();
    const before = await countRows(t, 'price_change_requests', ws);
    const change = (listPrice: string) => ({ listPrice, floorPrice: '10500', floatRange: '8', cost: '7200', effectiveFrom: today, reason: '并发调价' });
    const [a, b] = await Promise.all([
      (await as('manager1')).post(`/api/v1/products/${product.id}/price-changes`, change('13000')),
      (await as('vp')).post(`/api/v1/products/${product.id}/price-changes`, change('13100')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await countRows(t, 'price_change_requests', ws)).toBe(before + 1);
  });

  it('another workspace neither lists nor opens these products (404)', async () => {
    const product = await createPriced();
    const other = await seedWorkspace(t);
    const rep = await other.loginAs('manager1');
    expect((await rep.get(`/api/v1/products/${product.id}`)).statusCode).toBe(404);
    expect((await rep.get(`/api/v1/products/${product.id}/price-history`)).statusCode).toBe(404);
    expect((await rep.post(`/api/v1/products/${product.id}/price-changes`, { listPrice: '1', floorPrice: '1', floatRange: '0', cost: '1', effectiveFrom: today, reason: 'x' })).statusCode).toBe(404);
    const listed = (await rep.get(`/api/v1/products?q=${encodeURIComponent(product.code)}`)).json() as { items: ProductDto[] };
    expect(listed.items).toEqual([]);
  });
});
