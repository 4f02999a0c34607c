import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { CustomerStatementDto, OrderChangeDto, OrderSummaryDto, ShippingLedgerDto } from '../../../../shared/contracts/orders.contract.js';
import { createCustomer, notificationsOf } from '../../customers/__tests__/customers.fixtures.js';
import { createContract, signContractThroughApi, type Contract } from '../../contracts/__tests__/contracts.fixtures.js';
import { inDays, orderableContract, orderBody, placeOrder, putShipment, receive, today, type Order } from './orders.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const uid = (u: string) => t.demo.userIds[u]!;
const rep1 = await t.loginAs('rep1');
const rep3 = await t.loginAs('rep3');
const manager = await t.loginAs('manager1');
const vp = await t.loginAs('vp');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');
const warehouse = await t.loginAs('warehouse1');
const cs = await t.loginAs('cs1');
const productIds = ((await manager.get('/api/v1/products?limit=3')).json() as { items: { id: string }[] }).items.map((p) => p.id) as [string, string, string];
expect(productIds).toHaveLength(3);
const customer = await createCustomer(rep1);
const ordersCount = () => countRows(t, 'orders', ws);
const changesCount = () => countRows(t, 'order_changes', ws);

const signed = (client: Client = rep1, customerId = customer.id): Promise<Contract> => signContractThroughApi(client, manager, customerId, orderableContract(productIds));

async function read(client: Client, id: string): Promise<Order> {
  const res = await client.get(`/api/v1/orders/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Order;
}

async function requestChange(client: Client, order: Order, body: Record<string, unknown>): Promise<Order> {
  const res = await client.post(`/api/v1/orders/${order.id}/changes`, { version: order.version, reason: '客户来函要求', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Order;
}

async function decide(client: Client, order: Order, decision: 'approve' | 'reject' = 'approve') {
  const res = await client.post(`/api/v1/approvals/${order.pendingChange!.approvalId}/${decision}`, decision === 'approve' ? {} : { reason: '不同意' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ApprovalDto;
}

describe('demo data', () => {
  it('the demo workspace holds orders on the reps\' signed contracts, one of them rush', async () => {
    const demo = ((await gm.get('/api/v1/orders?limit=200')).json() as { items: OrderSummaryDto[] }).items.filter((o) => o.customer.id !== customer.id);
    expect(demo.length).toBeGreaterThanOrEqual(2);
    expect(demo.filter((o) => o.priority === 'rush')).toHaveLength(1);
    expect(demo.every((o) => o.status === 'open' && o.number.startsWith('DD'))).toBe(true);
  });
});

describe('placing an order (下达订单)', () => {
  it('numbers it DD…, prices the lines from the contract (net unit price), and audits it', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '4', packaging: '木箱' }, { contractLineIndex: 1, quantity: '2' }], { deliveryAddress: '上海市浦东新区张江路 88 号' });
    expect(o.number).toMatch(/^DD\d{6}-\d{4}$/);
    expect(o).toMatchObject({
      status: 'open', priority: 'normal', revision: 0, amount: '7600.00', shippedAmount: '0.00', hasPendingChange: false, canChange: true,
      contract: { id: c.id, number: c.number }, customer: { id: customer.id }, owner: { id: uid('rep1') }, deliveryAddress: '上海市浦东新区张江路 88 号',
    });
    expect(o.lines.map((l) => [l.description, l.quantity, l.unitPrice, l.amount, l.shippedQuantity, l.packaging])).toEqual([
      ['控制柜', '4', '1000.00', '4000.00', '0', '木箱'], ['伺服电机', '2', '1800.00', '3600.00', '0', null],
    ]);
    expect((await auditRows(t, ws, { entity: 'order', entityId: o.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('never takes a price or amount from the client', async () => {
    const c = await signed();
    const res = await rep1.post('/api/v1/orders', orderBody(c.id, [{ contractLineIndex: 0, quantity: '1', unitPrice: '1.00' } as never]));
    expect(res.statusCode).toBe(400);
  });

  it('takes exactly the remaining quantity, refuses 0.0001 more with 422 naming the line and the remainder (zh-CN and en-US), and writes nothing', async () => {
    const c = await signed();
    await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '6' }]);
    const before = await ordersCount();
    const over = orderBody(c.id, [{ contractLineIndex: 1, quantity: '1' }, { contractLineIndex: 0, quantity: '4.0001' }]);
    const zh = await rep1.post('/api/v1/orders', over);
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error).toMatchObject({ code: 'RULE_VIOLATION', details: [{ path: 'lines.1.quantity' }] });
    expect(zh.json().error.message).toBe('第 1 行“控制柜”订货 4.0001台 超过合同剩余可订数量 4台');
    const en = await rep1.post('/api/v1/orders', over, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('Line 1 "控制柜": 4.0001 台 ordered exceeds the 4 台 left on the contract');
    expect(await ordersCount()).toBe(before);
    await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '4' }]);
  });

  it('lets only one of two simultaneous orders take the last quantity (the contract row is locked)', async () => {
    const c = await signed();
    const before = await ordersCount();
    const results = await Promise.all([1, 2].map(() => rep1.post('/api/v1/orders', orderBody(c.id, [{ contractLineIndex: 2, quantity: '6' }]))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 422]);
    expect(await ordersCount()).toBe(before + 1);
  });

  it.each([
    ['a zero quantity', [{ contractLineIndex: 0, quantity: '0' }], {}, 'lines.0.quantity'],
    ['a line the contract does not have', [{ contractLineIndex: 3, quantity: '1' }], {}, 'lines.0.contractLineIndex'],
    ['a 5-decimal quantity', [{ contractLineIndex: 0, quantity: '1.00001' }], {}, 'lines.0.quantity'],
    ['a due date in the past', [{ contractLineIndex: 0, quantity: '1' }], { dueDate: inDays(-1) }, 'dueDate'],
    ['no lines', [], {}, 'lines'],
  ])('refuses %s with 400 naming the field, and writes nothing', async (_n, lines, extra, path) => {
    const c = await signed();
    const before = await ordersCount();
    const res = await rep1.post('/api/v1/orders', orderBody(c.id, lines, extra));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await ordersCount()).toBe(before);
  });

  it('refuses an order on a contract not yet signed (422)', async () => {
    const draft = await createContract(rep1, customer.id, orderableContract(productIds));
    const res = await rep1.post('/api/v1/orders', orderBody(draft.id, [{ contractLineIndex: 0, quantity: '1' }]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('已签订或执行中');
  });

  it('the warehouse never places a sales order (domain §1.1): 403, nothing written', async () => {
    const c = await signed();
    const before = await ordersCount();
    const res = await warehouse.post('/api/v1/orders', orderBody(c.id, [{ contractLineIndex: 0, quantity: '1' }]));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    for (const client of [finance, gm, cs]) expect((await client.post('/api/v1/orders', orderBody(c.id, [{ contractLineIndex: 0, quantity: '1' }]))).statusCode).toBe(403);
    expect(await ordersCount()).toBe(before);
  });

  it('a rep cannot order on another rep\'s contract (404, outside the data scope); their manager can', async () => {
    const c = await signed();
    expect((await rep3.post('/api/v1/orders', orderBody(c.id, [{ contractLineIndex: 0, quantity: '1' }]))).statusCode).toBe(404);
    const o = await placeOrder(manager, c.id, [{ contractLineIndex: 0, quantity: '1' }]);
    expect(o.owner.id).toBe(uid('rep1'));
  });
});

describe('reading orders', async () => {
  const c = await signed();
  const rush = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '1' }], { priority: 'rush', dueDate: inDays(3) });
  const normal = await placeOrder(rep1, c.id, [{ contractLineIndex: 1, quantity: '1' }], { dueDate: inDays(30) });
  const ids = async (client: Client, query: string) => ((await client.get(`/api/v1/orders?contractId=${c.id}&${query}`)).json() as { items: OrderSummaryDto[] }).items.map((o) => o.id);

  it('tells the warehouse of an order placed as rush, not of a normal one', async () => {
    const told = (await notificationsOf(t, warehouse)).filter((n) => n.kind === 'order_rush');
    expect(told.map((n) => n.params.number)).toContain(rush.number);
    expect(told.map((n) => n.params.number)).not.toContain(normal.number);
  });

  it('filters by contract, priority, due date range, status, customer and owner, newest first', async () => {
    expect(await ids(rep1, '')).toEqual([normal.id, rush.id]);
    expect(await ids(rep1, 'priority=rush')).toEqual([rush.id]);
    expect(await ids(rep1, `dueFrom=${inDays(4)}&dueTo=${inDays(30)}`)).toEqual([normal.id]);
    expect(await ids(rep1, 'status=shipped')).toEqual([]);
    expect(await ids(rep1, `customerId=${customer.id}&ownerId=me`)).toEqual([normal.id, rush.id]);
  });

  it('pages with a cursor', async () => {
    const first = (await rep1.get(`/api/v1/orders?contractId=${c.id}&limit=1`)).json() as { items: OrderSummaryDto[]; nextCursor: string };
    expect(first.items.map((o) => o.id)).toEqual([normal.id]);
    const second = (await rep1.get(`/api/v1/orders?contractId=${c.id}&limit=1&cursor=${first.nextCursor}`)).json() as { items: OrderSummaryDto[]; nextCursor: string | null };
    expect(second).toEqual({ items: [expect.objectContaining({ id: rush.id })], nextCursor: null });
  });

  it('the warehouse, finance, the GM and the manager see the orders; another rep does not (404 on the record)', async () => {
    for (const client of [warehouse, finance, gm, manager]) expect(await ids(client, '')).toEqual([normal.id, rush.id]);
    expect(await ids(rep3, '')).toEqual([]);
    expect((await rep3.get(`/api/v1/orders/${rush.id}`)).statusCode).toBe(404);
    expect((await cs.get('/api/v1/orders')).statusCode).toBe(403);
  });

  it('shows the shipped quantities and value per line from the shipments, and the warehouse may not change an order', async () => {
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '3' }, { contractLineIndex: 2, quantity: '2' }]);
    await putShipment(t, o, [{ orderLineIndex: 0, quantity: '1', amount: '1000.00' }]);
    await putShipment(t, o, [{ orderLineIndex: 0, quantity: '1', amount: '1000.00' }, { orderLineIndex: 1, quantity: '1', amount: '50000.00' }]);
    await putShipment(t, o, [{ orderLineIndex: 1, quantity: '1', amount: '50000.00' }], { status: 'packed' });
    const seen = await read(warehouse, o.id);
    expect(seen.lines.map((l) => [l.quantity, l.shippedQuantity])).toEqual([['3', '2'], ['2', '1']]);
    expect(seen.shippedAmount).toBe('52000.00');
    expect(seen).toMatchObject({ canChange: false, canShip: false }); // the warehouse works shipments, sales create them
    expect((await read(rep1, o.id)).canShip).toBe(true);
    expect((await warehouse.post(`/api/v1/orders/${o.id}/changes`, { version: o.version, kind: 'cancellation', reason: 'x' })).statusCode).toBe(403);
  });
});

describe('order changes (订单变更)', () => {
  it('a rush change waits for the sales manager, then sets the priority and pulls in the due date, bumps revision and version, and tells the warehouse', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '2' }], { dueDate: inDays(20) });
    const pending = await requestChange(rep1, o, { kind: 'rush', dueDate: inDays(5) });
    expect(pending).toMatchObject({ priority: 'normal', hasPendingChange: true, canChange: false, version: o.version + 1 });
    expect(pending.pendingChange).toMatchObject({ seq: 1, kind: 'rush', status: 'pending', before: { priority: 'normal', dueDate: inDays(20) }, after: { priority: 'rush', dueDate: inDays(5) } });
    expect(pending.pendingApproval!.steps.map((s) => s.label)).toEqual(['销售经理审批']);
    expect((await rep1.post(`/api/v1/approvals/${pending.pendingChange!.approvalId}/approve`, {})).json().error.code).toBe('SEGREGATION_OF_DUTIES');

    await decide(manager, pending);
    const applied = await read(rep1, o.id);
    expect(applied).toMatchObject({ priority: 'rush', dueDate: inDays(5), revision: 1, version: pending.version + 1, hasPendingChange: false, pendingChange: null });
    expect(applied.changes.map((ch) => [ch.seq, ch.status])).toEqual([[1, 'approved']]);
    const told = (await notificationsOf(t, warehouse)).filter((n) => n.kind === 'order_rush' && n.params.number === o.number);
    expect(told).toEqual([expect.objectContaining({ link: `/orders/${o.id}`, params: expect.objectContaining({ dueDate: inDays(5) }) })]);
    expect((await auditRows(t, ws, { entity: 'order', entityId: o.id })).map((a) => a.action)).toEqual(['create', 'request_change', 'apply_change']);
  });

  it('refuses a second change while one is pending, and a stale version with 409; nothing written', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '2' }]);
    const pending = await requestChange(rep1, o, { kind: 'packaging', lines: [{ lineIndex: 0, packaging: '托盘' }] });
    const before = await changesCount();
    const second = await rep1.post(`/api/v1/orders/${o.id}/changes`, { version: pending.version, kind: 'due_date', dueDate: inDays(40), reason: '延期' });
    expect(second.statusCode).toBe(422);
    expect(second.json().error.message).toContain('审批中');
    const stale = await rep1.post(`/api/v1/orders/${o.id}/changes`, { version: o.version, kind: 'due_date', dueDate: inDays(40), reason: '延期' });
    expect(stale.statusCode).toBe(409);
    expect(await changesCount()).toBe(before);
  });

  it('a rejected change leaves the order as it was and frees it for the next change', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '2' }]);
    const pending = await requestChange(rep1, o, { kind: 'due_date', dueDate: inDays(60) });
    await decide(manager, pending, 'reject');
    const after = await read(rep1, o.id);
    expect(after).toMatchObject({ dueDate: o.dueDate, revision: 0, hasPendingChange: false, canChange: true });
    expect(after.changes.map((ch) => ch.status)).toEqual(['rejected']);
    const next = await requestChange(rep1, after, { kind: 'packaging', lines: [{ lineIndex: 0, packaging: '纸箱' }] });
    expect(next.pendingChange!.seq).toBe(2);
  });

  it('a quantity may not go below what is shipped nor above the contract remainder (422 naming the numbers)', async () => {
    const c = await signed();
    await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '5' }]);
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '3' }]);
    await putShipment(t, o, [{ orderLineIndex: 0, quantity: '2', amount: '2000.00' }]);
    const before = await changesCount();
    const below = await rep1.post(`/api/v1/orders/${o.id}/changes`, { version: o.version, kind: 'quantity', lines: [{ lineIndex: 0, quantity: '1.5' }], reason: '减量' });
    expect(below.statusCode).toBe(422);
    expect(below.json().error.message).toBe('第 1 行“控制柜”数量 1.5台 少于已发货数量 2台');
    const above = await rep1.post(`/api/v1/orders/${o.id}/changes`, { version: o.version, kind: 'quantity', lines: [{ lineIndex: 0, quantity: '5.5' }], reason: '增量' });
    expect(above.statusCode).toBe(422);
    expect(above.json().error.message).toContain('剩余可订数量 5台');
    expect(await changesCount()).toBe(before);
    const ok = await requestChange(rep1, o, { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '5' }] });
    await decide(manager, ok);
    expect(await read(rep1, o.id)).toMatchObject({ amount: '5000.00', status: 'partially_shipped', revision: 1 });
  });

  it('a quantity increase worth the policy amount (200,000.00) also needs the sales VP; a smaller one only the manager', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 2, quantity: '2' }]);
    const big = await requestChange(rep1, o, { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '6' }] });
    expect(big.pendingApproval!.steps.map((s) => s.label)).toEqual(['销售经理审批', '销售副总审批（取消或大额增量）']);
    expect(big.pendingApproval!.snapshot).toMatchObject({ changeValue: '200000.00', needsVp: true });
    await decide(manager, big);
    expect((await read(rep1, o.id)).amount).toBe('100000.00');
    await decide(vp, big);
    const applied = await read(rep1, o.id);
    expect(applied).toMatchObject({ amount: '300000.00', revision: 1 });
    const small = await requestChange(rep1, applied, { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '8' }] });
    expect(small.pendingApproval!.steps.map((s) => s.label)).toEqual(['销售经理审批']);
  });

  it('a product change moves a line to another product of the contract; one not on the contract is refused', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '2' }]);
    const foreign = await rep1.post(`/api/v1/orders/${o.id}/changes`, { version: o.version, kind: 'product', lineIndex: 0, productId: '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99', reason: '换型' });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.message).toBe('变更后的产品不在本合同上');
    const pending = await requestChange(rep1, o, { kind: 'product', lineIndex: 0, productId: productIds[1] });
    await decide(manager, pending);
    expect((await read(rep1, o.id)).lines[0]).toMatchObject({ contractLineIndex: 1, productId: productIds[1], description: '伺服电机', quantity: '2', unitPrice: '1800.00', amount: '3600.00' });
  });

  it('cancelling: refused for a fully shipped order; an open one is cancelled on approval, its quantity freed, the warehouse told', async () => {
    const c = await signed();
    const shipped = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '1' }]);
    await putShipment(t, shipped, [{ orderLineIndex: 0, quantity: '1', amount: '1000.00' }]);
    const refused = await rep1.post(`/api/v1/orders/${shipped.id}/changes`, { version: shipped.version, kind: 'cancellation', reason: '取消' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toBe('订单已全部发货，不能取消或变更');

    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '9' }]);
    expect((await rep1.post('/api/v1/orders', orderBody(c.id, [{ contractLineIndex: 0, quantity: '1' }]))).statusCode).toBe(422);
    const pending = await requestChange(rep1, o, { kind: 'cancellation' });
    expect(pending.pendingApproval!.steps).toHaveLength(1); // 9,000.00 unshipped: under the VP threshold
    await decide(manager, pending);
    expect(await read(rep1, o.id)).toMatchObject({ status: 'cancelled', revision: 1, canChange: false, canShip: false });
    await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '9' }]);
    const told = (await notificationsOf(t, warehouse)).filter((n) => n.kind === 'order_cancelled' && n.params.number === o.number);
    expect(told).toHaveLength(1);
  });

  it('a change that shipping made invalid cannot be approved (422) and stays pending for the approver to reject', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '3' }]);
    const pending = await requestChange(rep1, o, { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '1' }] });
    await putShipment(t, o, [{ orderLineIndex: 0, quantity: '2', amount: '2000.00' }]);
    const res = await manager.post(`/api/v1/approvals/${pending.pendingChange!.approvalId}/approve`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('少于已发货数量 2台');
    expect(await read(rep1, o.id)).toMatchObject({ amount: '3000.00', revision: 0, hasPendingChange: true });
  });

  it('a change requested by the sales manager is not approved by them: their step goes to someone else', async () => {
    const c = await signed();
    const o = await placeOrder(manager, c.id, [{ contractLineIndex: 0, quantity: '1' }]);
    const pending = await requestChange(manager, o, { kind: 'due_date', dueDate: inDays(45) });
    expect(pending.pendingApproval!.steps.flatMap((s) => s.assignees.map((a) => a.id))).not.toContain(uid('manager1'));
  });

  it('lists the change history with the values before and after, newest first', async () => {
    const c = await signed();
    const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '2', packaging: '纸箱' }]);
    const first = await requestChange(rep1, o, { kind: 'packaging', lines: [{ lineIndex: 0, packaging: '木箱' }] });
    await decide(manager, first);
    const second = await requestChange(rep1, await read(rep1, o.id), { kind: 'due_date', dueDate: inDays(50) });
    const res = await warehouse.get(`/api/v1/orders/${o.id}/changes`);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: OrderChangeDto[] }).items;
    expect(items.map((ch) => [ch.seq, ch.kind, ch.status])).toEqual([[2, 'due_date', 'pending'], [1, 'packaging', 'approved']]);
    expect([items[1]!.before.lines[0]!.packaging, items[1]!.after.lines[0]!.packaging]).toEqual(['纸箱', '木箱']);
    expect(items[0]!.requestedBy).toEqual({ id: uid('rep1'), name: '陈静' });
    expect(second.pendingChange!.id).toBe(items[0]!.id);
  });
});

describe('shipping ledger (发货流水账) and customer statement (对账单)', async () => {
  const buyer = await createCustomer(rep1);
  const c = await signed(rep1, buyer.id);
  const o = await placeOrder(rep1, c.id, [{ contractLineIndex: 0, quantity: '10' }, { contractLineIndex: 1, quantity: '5' }]);
  // Asia/Shanghai: 2026-03-31T16:30Z is 1 April 00:30 local; 2026-03-31T15:59Z is still 31 March
  const march = await putShipment(t, o, [{ orderLineIndex: 0, quantity: '2', amount: '2000.00' }], { shippedAt: new Date('2026-03-31T15:59:00Z') });
  const april1 = await putShipment(t, o, [{ orderLineIndex: 0, quantity: '3', amount: '3000.00' }], { shippedAt: new Date('2026-03-31T16:30:00Z') });
  const april2 = await putShipment(t, o, [{ orderLineIndex: 1, quantity: '1', amount: '1800.00' }], { shippedAt: new Date('2026-04-20T02:00:00Z') });
  await putShipment(t, o, [{ orderLineIndex: 1, quantity: '1', amount: '1800.00' }], { shippedAt: new Date('2026-04-21T02:00:00Z'), status: 'cancelled' });
  await receive(t, c.id, 0, '500.00', new Date('2026-03-10T02:00:00Z'));
  await receive(t, c.id, 1, '1000.01', new Date('2026-04-25T02:00:00Z'));
  const ledger = (client: Client, query = '') => client.get(`/api/v1/reports/shipping-ledger?from=2026-04-01&to=2026-04-30&customerId=${buyer.id}${query}`);

  it('lists the shipments that left in the period by local date, with count and total', async () => {
    const res = await ledger(rep1);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ShippingLedgerDto;
    expect(body.rows.map((r) => [r.number, r.shippedOn, r.amount, r.order.number, r.contract.number])).toEqual([
      [april1.number, '2026-04-01', '3000.00', o.number, c.number], [april2.number, '2026-04-20', '1800.00', o.number, c.number],
    ]);
    expect(body).toMatchObject({ count: 2, total: '4800.00' });
    expect(body.rows[0]!.carrier).toBe('顺丰速运');
  });

  it('is scoped: the warehouse and finance see it, another rep sees nothing, customer service may not read it', async () => {
    for (const client of [warehouse, finance]) expect((await ledger(client)).json()).toMatchObject({ count: 2 });
    expect((await ledger(rep3)).json()).toMatchObject({ count: 0, rows: [], total: '0.00' });
    expect((await ledger(cs)).statusCode).toBe(403);
  });

  it('exports the ledger as xlsx with a total line', async () => {
    const res = await rep1.get(`/api/v1/reports/shipping-ledger.xlsx?from=2026-04-01&to=2026-04-30&customerId=${buyer.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('发货日期');
    expect(sheet.getRow(2).getCell(2).value).toBe(april1.number);
    expect([sheet.getRow(4).getCell(1).value, sheet.getRow(4).getCell(9).value]).toEqual(['合计', 4800]);
  });

  it('the statement opens with shipped − received before the period, lists shipments and payments by date, and closes to the cent', async () => {
    const res = await finance.get(`/api/v1/customers/${buyer.id}/statement?from=2026-04-01&to=2026-04-30`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as CustomerStatementDto;
    expect(s.openingBalance).toBe('1500.00'); // 2,000.00 shipped on 31 March − 500.00 received on 10 March
    expect(s.entries.map((e) => [e.date, e.kind, e.debit, e.credit, e.balance])).toEqual([
      ['2026-04-01', 'shipment', '3000.00', '0.00', '4500.00'],
      ['2026-04-20', 'shipment', '1800.00', '0.00', '6300.00'],
      ['2026-04-25', 'payment', '0.00', '1000.01', '5299.99'],
    ]);
    expect(s).toMatchObject({ totalDebit: '4800.00', totalCredit: '1000.01', closingBalance: '5299.99', customer: { id: buyer.id } });
    expect(s.entries[2]!.reference).toBe(`${c.number}-2`);
    expect(s.paymentsNote).toContain('应收款');
    expect(march.number).toBeTruthy();
  });

  it('exports the statement as xlsx with opening and closing lines', async () => {
    const res = await rep1.get(`/api/v1/customers/${buyer.id}/statement.xlsx?from=2026-04-01&to=2026-04-30`);
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect([sheet.getRow(2).getCell(3).value, sheet.getRow(2).getCell(6).value]).toEqual(['期初余额', 1500]);
    expect([sheet.getRow(6).getCell(3).value, sheet.getRow(6).getCell(6).value]).toEqual(['期末余额', 5299.99]);
  });

  it('is refused outside the scope (404), to the warehouse (403), and for a reversed period (400 naming from)', async () => {
    expect((await rep3.get(`/api/v1/customers/${buyer.id}/statement?from=2026-04-01&to=2026-04-30`)).statusCode).toBe(404);
    expect((await warehouse.get(`/api/v1/customers/${buyer.id}/statement?from=2026-04-01&to=2026-04-30`)).statusCode).toBe(403);
    const reversed = await rep1.get(`/api/v1/customers/${buyer.id}/statement?from=2026-05-01&to=2026-04-30`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.details[0].path).toBe('from');
    expect((await rep1.get(`/api/v1/reports/shipping-ledger?from=2026-01-01&to=${today()}x`)).statusCode).toBe(400);
  });
});
