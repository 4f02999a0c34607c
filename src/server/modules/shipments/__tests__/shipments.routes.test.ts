import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import type { ApprovalDto } from '../../../../shared/contracts/approvals.contract.js';
import type { CreditDto } from '../../../../shared/contracts/credit.contract.js';
import type { CreditPositionDto } from '../../../../shared/contracts/shipments.contract.js';
import { addDays } from '../../../../shared/dates.js';
import { contracts } from '../../contracts/contracts.schema.js';
import { creditProfiles } from '../../credit/credit.schema.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { orders } from '../../orders/orders.schema.js';
import { shippedQuantities } from '../index.js';
import { createShipment, setCreditLimit, shipmentBody, signedOrder, today, toPacked, type Shipment } from './shipments.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const rep1 = await t.loginAs('rep1');
const rep3 = await t.loginAs('rep3');
const manager = await t.loginAs('manager1');
const gm = await t.loginAs('gm');
const finance = await t.loginAs('finance1');
const warehouse = await t.loginAs('warehouse1');
const shipmentsCount = () => countRows(t, 'shipments', ws);
const oneCabinet = [{ orderLineIndex: 0, quantity: '1' }]; // 30,000.00

async function approval(client: typeof gm, id: string): Promise<ApprovalDto> {
  const res = await client.get(`/api/v1/approvals/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ApprovalDto;
}

async function newOrder(limit: string | null, opts: Parameters<typeof signedOrder>[4] = {}) {
  const customer = await createCustomer(rep1);
  if (limit !== null) await setCreditLimit(t, customer.id, limit);
  const { orderId, contract } = await signedOrder(t, rep1, manager, customer.id, opts);
  return { customerId: customer.id, orderId, contract };
}

describe('the credit check when sales create a shipment', () => {
  it('creates a shipment within the limit (exposure with it = limit), numbered FH, priced from the order, waiting for the warehouse', async () => {
    const { orderId } = await newOrder('100000.00');
    const s = await createShipment(rep1, orderId, oneCabinet);
    expect(s.number).toMatch(/^FH\d{6}-\d{4}$/);
    expect(s).toMatchObject({ status: 'pending_review', amount: '30000.00', creditPosition: null, deliveryAddress: '上海市浦东新区张江路 88 号' });
    expect(s.lines).toEqual([expect.objectContaining({ orderLineIndex: 0, quantity: '1', unitPrice: '30000.00', amount: '30000.00', packaging: '木箱' })]);
    expect((await auditRows(t, ws, { entity: 'shipment', entityId: s.id })).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a shipment one cent over the limit with 422 naming limit, exposure and shortfall (zh-CN and en-US), and writes nothing', async () => {
    const { orderId } = await newOrder('99999.99');
    const before = await shipmentsCount();
    const zh = await rep1.post('/api/v1/shipments', shipmentBody(orderId, oneCabinet));
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error.code).toBe('RULE_VIOLATION');
    expect(zh.json().error.message).toBe('超出信用额度，不能发货：信用额度 99999.99，含本次发货的信用占用 100000.00，超出 0.01');
    expect(zh.json().error.details).toEqual(expect.arrayContaining([{ path: 'credit.limit', message: '99999.99' }, { path: 'credit.shortfall', message: '0.01' }]));
    const en = await rep1.post('/api/v1/shipments', shipmentBody(orderId, oneCabinet), { 'accept-language': 'en-US' });
    expect(en.json().error.message).toContain('limit 99999.99, exposure with this shipment 100000.00, short by 0.01');
    expect(await shipmentsCount()).toBe(before);
  });

  it('treats a customer without a credit profile as cash before delivery (limit 0.00)', async () => {
    const { orderId } = await newOrder(null);
    const res = await rep1.post('/api/v1/shipments', shipmentBody(orderId, oneCabinet));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('信用额度 0.00');
  });

  it('refuses when a receivable is overdue (due yesterday), naming the line and the days, even within the limit', async () => {
    const { orderId, contract } = await newOrder('500000.00', {
      contract: {
        contractDate: addDays(today(), -10),
        paymentPlan: [{ kind: 'prepayment', dueDate: addDays(today(), -1), amount: '30000.00' }, { kind: 'balance', dueDate: '2099-12-31', amount: '70000.00' }],
      },
    });
    const res = await rep1.post('/api/v1/shipments', shipmentBody(orderId, oneCabinet));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe(`客户有逾期欠款，不能发货：合同 ${contract.number} 的应收款 30000.00 于 ${addDays(today(), -1)} 到期，已逾期 1 天`);
  });

  it('shows the position before shipping: limit, exposure now and with the shipment, available, verdict', async () => {
    const { orderId } = await newOrder('90000.00');
    const res = await rep1.get(`/api/v1/shipments/credit-check?orderId=${orderId}&amount=30000.00`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json() as CreditPositionDto).toMatchObject({
      hasProfile: true, limit: '90000.00', exposureNow: '100000.00', exposureWithShipment: '100000.00', available: '-10000.00', shortfall: '10000.00', verdict: 'over_limit', passes: false, overdueLines: [],
    });
  });
});

describe('credit hold and the over-credit override', () => {
  it('saves a refused shipment on credit hold; the GM approves; exactly that shipment goes through to shipped while a second one is still refused', async () => {
    const { orderId, customerId, contract } = await newOrder(null);
    const held = await createShipment(rep1, orderId, oneCabinet, { creditHold: true });
    expect(held).toMatchObject({ status: 'credit_hold', canRequestOverride: true, creditPosition: { limit: '0.00', shortfall: '100000.00', verdict: 'over_limit' } });
    expect((await auditRows(t, ws, { entity: 'shipment', entityId: held.id })).map((a) => a.action)).toEqual(['create_credit_hold']);
    // the warehouse cannot work on it
    const early = await warehouse.post(`/api/v1/shipments/${held.id}/review`, { version: held.version, decision: 'approve' });
    expect(early.statusCode).toBe(422);

    const asked = await rep1.post(`/api/v1/shipments/${held.id}/override-request`, { reason: '客户承诺月底前付清，老客户' });
    expect(asked.statusCode, asked.body).toBe(200);
    const requested = asked.json() as Shipment;
    expect(requested).toMatchObject({ status: 'credit_hold', overrideStatus: 'pending', canRequestOverride: false });
    const a = await approval(gm, requested.overrideApprovalId!);
    expect(a.steps.map((s) => s.label)).toEqual(['总经理特批']); // shortfall 100,000.00 ≥ policy: the GM
    expect(a.snapshot).toMatchObject({ position: { limit: '0.00', exposureWithShipment: '100000.00', shortfall: '100000.00' }, reason: '客户承诺月底前付清，老客户' });
    expect(a.canDecide).toBe(true);

    // the requester never approves their own override; finance is not the assignee of this one
    const self = await rep1.post(`/api/v1/approvals/${a.id}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('SEGREGATION_OF_DUTIES');
    expect((await finance.post(`/api/v1/approvals/${a.id}/approve`, {})).statusCode).toBe(403);

    expect((await gm.post(`/api/v1/approvals/${a.id}/approve`, { comment: '同意特批' })).statusCode).toBe(200);
    const released = (await rep1.get(`/api/v1/shipments/${held.id}`)).json() as Shipment;
    expect(released).toMatchObject({ status: 'pending_review', overrideStatus: 'approved' });

    // another shipment of the same customer is still refused
    const second = await rep1.post('/api/v1/shipments', shipmentBody(orderId, [{ orderLineIndex: 1, quantity: '1' }]));
    expect(second.statusCode).toBe(422);

    // the ship step passes the credit check for the overridden shipment
    const packed = await toPacked(warehouse, released);
    const shipped = await warehouse.post(`/api/v1/shipments/${held.id}/ship`, { version: packed.version, carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json()).toMatchObject({ status: 'shipped', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    const [order] = await t.handle.db.select().from(orders).where(and(eq(orders.workspaceId, ws), eq(orders.id, orderId)));
    expect(order!.status).toBe('partially_shipped');
    const [c] = await t.handle.db.select().from(contracts).where(and(eq(contracts.workspaceId, ws), eq(contracts.id, contract.id)));
    expect(c!.status).toBe('executing');
    expect(await shippedQuantities(t.handle.db, ws, [orderId])).toEqual(new Map([[orderId, new Map([[0, '1']])]]));
    // the credit view splits the exposure: the shipped value is now shipped-but-unbilled
    const credit = (await finance.get(`/api/v1/customers/${customerId}/credit`)).json() as CreditDto;
    expect(credit).toMatchObject({ exposure: '100000.00', exposureBreakdown: { signedUnshipped: '70000.00', shippedUnbilled: '30000.00', openReceivables: '0.00' } });
  });

  it('lets finance approve a small shortfall with nothing overdue', async () => {
    const { orderId } = await newOrder('99000.00');
    const held = await createShipment(rep1, orderId, oneCabinet, { creditHold: true });
    const requested = (await rep1.post(`/api/v1/shipments/${held.id}/override-request`, { reason: '差额很小' })).json() as Shipment;
    const a = await approval(finance, requested.overrideApprovalId!);
    expect(a.steps.map((s) => s.label)).toEqual(['财务总监特批']);
    expect((await gm.post(`/api/v1/approvals/${a.id}/approve`, {})).statusCode).toBe(403);
    expect((await finance.post(`/api/v1/approvals/${a.id}/approve`, {})).statusCode).toBe(200);
    expect(((await rep1.get(`/api/v1/shipments/${held.id}`)).json() as Shipment).status).toBe('pending_review');
  });

  it('keeps a rejected override on credit hold and allows a new request', async () => {
    const { orderId } = await newOrder('99000.00');
    const held = await createShipment(rep1, orderId, oneCabinet, { creditHold: true });
    const requested = (await rep1.post(`/api/v1/shipments/${held.id}/override-request`, { reason: '请批准' })).json() as Shipment;
    expect((await finance.post(`/api/v1/approvals/${requested.overrideApprovalId}/reject`, { reason: '先回款' })).statusCode).toBe(200);
    const after = (await rep1.get(`/api/v1/shipments/${held.id}`)).json() as Shipment;
    expect(after).toMatchObject({ status: 'credit_hold', overrideStatus: 'rejected', canRequestOverride: true });
  });

  it('refuses an override request for a shipment not on credit hold', async () => {
    const { orderId } = await newOrder('100000.00');
    const s = await createShipment(rep1, orderId, oneCabinet);
    expect((await rep1.post(`/api/v1/shipments/${s.id}/override-request`, { reason: '无需' })).statusCode).toBe(422);
  });
});

describe('the warehouse steps', () => {
  it('runs review → pick → pack → ship → deliver in order, each audited, with the timeline', async () => {
    const { orderId } = await newOrder('100000.00');
    const s = await createShipment(rep1, orderId, [{ orderLineIndex: 0, quantity: '2' }, { orderLineIndex: 1, quantity: '1' }]);
    expect(s.amount).toBe('100000.00');
    // out of order: pick before review
    expect((await warehouse.post(`/api/v1/shipments/${s.id}/pick`, { version: s.version })).statusCode).toBe(422);
    const packed = await toPacked(warehouse, s);
    expect(packed).toMatchObject({ status: 'packed', nextWarehouseStep: 'ship' });
    const shipped = (await warehouse.post(`/api/v1/shipments/${s.id}/ship`, { version: packed.version, carrier: '德邦物流', trackingNo: 'DB001' })).json() as Shipment;
    const delivered = await warehouse.post(`/api/v1/shipments/${s.id}/deliver`, { version: shipped.version, receiver: '王收货', handedOverAt: '2026-12-01T06:00:00Z' });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({ status: 'delivered', receiver: '王收货', handedOverAt: '2026-12-01T06:00:00.000Z' });
    expect((delivered.json() as Shipment).steps.map((x) => x.step)).toEqual(['created', 'reviewed', 'picked', 'packed', 'shipped', 'delivered']);
    expect((await auditRows(t, ws, { entity: 'shipment', entityId: s.id })).map((a) => a.action)).toEqual(['create', 'review', 'pick', 'pack', 'ship', 'deliver']);
    const [order] = await t.handle.db.select().from(orders).where(and(eq(orders.workspaceId, ws), eq(orders.id, orderId)));
    expect(order!.status).toBe('shipped');
  });

  it('refuses the ship step when the credit position got worse since the shipment was created, and changes nothing', async () => {
    const { orderId, customerId } = await newOrder('100000.00');
    const packed = await toPacked(warehouse, await createShipment(rep1, orderId, oneCabinet));
    await t.handle.db.update(creditProfiles).set({ creditLimit: '99999.99' }).where(and(eq(creditProfiles.workspaceId, ws), eq(creditProfiles.customerId, customerId)));
    const res = await warehouse.post(`/api/v1/shipments/${packed.id}/ship`, { version: packed.version, carrier: '顺丰速运', trackingNo: 'SF1' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('超出 0.01');
    expect(((await warehouse.get(`/api/v1/shipments/${packed.id}`)).json() as Shipment).status).toBe('packed');
  });

  it('lets the warehouse return a delivery notice with a reason (cancelled, quantities free again), never without one', async () => {
    const { orderId } = await newOrder('100000.00');
    const s = await createShipment(rep1, orderId, [{ orderLineIndex: 0, quantity: '2' }]);
    const noReason = await warehouse.post(`/api/v1/shipments/${s.id}/review`, { version: s.version, decision: 'return' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details[0].path).toBe('reason');
    const back = await warehouse.post(`/api/v1/shipments/${s.id}/review`, { version: s.version, decision: 'return', reason: '地址不全' });
    expect(back.json()).toMatchObject({ status: 'cancelled', cancelReason: '地址不全' });
    await createShipment(rep1, orderId, [{ orderLineIndex: 0, quantity: '2' }]);
  });

  it('answers 409 to a stale version and 403 when sales try a warehouse step', async () => {
    const { orderId } = await newOrder('100000.00');
    const s = await createShipment(rep1, orderId, oneCabinet);
    expect((await rep1.post(`/api/v1/shipments/${s.id}/review`, { version: s.version, decision: 'approve' })).statusCode).toBe(403);
    expect((await warehouse.post(`/api/v1/shipments/${s.id}/review`, { version: s.version, decision: 'approve' })).statusCode).toBe(200);
    expect((await warehouse.post(`/api/v1/shipments/${s.id}/pick`, { version: s.version })).statusCode).toBe(409);
  });
});

describe('when the order is cancelled', () => {
  it('stops every shipment whose goods have not left (packed, on credit hold with a pending override) with the reason; the shipped one stays', async () => {
    const { orderId, customerId } = await newOrder('100000.00');
    const first = await toPacked(warehouse, await createShipment(rep1, orderId, oneCabinet));
    const gone = await warehouse.post(`/api/v1/shipments/${first.id}/ship`, { version: first.version, carrier: '顺丰速运', trackingNo: 'SF2' });
    expect(gone.statusCode, gone.body).toBe(200);
    const packed = await toPacked(warehouse, await createShipment(rep1, orderId, oneCabinet));
    await setCreditLimit(t, customerId, '0.00');
    const held = await createShipment(rep1, orderId, [{ orderLineIndex: 1, quantity: '1' }], { creditHold: true });
    const asked = (await rep1.post(`/api/v1/shipments/${held.id}/override-request`, { reason: '老客户' })).json() as Shipment;

    const order = (await rep1.get(`/api/v1/orders/${orderId}`)).json() as { version: number };
    const change = await rep1.post(`/api/v1/orders/${orderId}/changes`, { version: order.version, kind: 'cancellation', reason: '客户撤单' });
    expect(change.statusCode, change.body).toBe(201);
    const decided = await manager.post(`/api/v1/approvals/${(change.json() as { pendingChange: { approvalId: string } }).pendingChange.approvalId}/approve`, {});
    expect(decided.statusCode, decided.body).toBe(200);

    const now = async (id: string) => (await warehouse.get(`/api/v1/shipments/${id}`)).json() as Shipment;
    expect(await now(first.id)).toMatchObject({ status: 'shipped' });
    expect(await now(packed.id)).toMatchObject({ status: 'cancelled', cancelReason: '客户撤单', nextWarehouseStep: null });
    expect(await now(held.id)).toMatchObject({ status: 'cancelled', cancelReason: '客户撤单' });
    expect((await approval(gm, asked.overrideApprovalId!)).status).toBe('cancelled');
    const late = await warehouse.post(`/api/v1/shipments/${packed.id}/ship`, { version: (await now(packed.id)).version, carrier: '顺丰速运', trackingNo: 'SF3' });
    expect(late.statusCode).toBe(422);
    expect((await auditRows(t, ws, { entity: 'shipment', entityId: packed.id })).map((x) => x.action)).toEqual(['create', 'review', 'pick', 'pack', 'order_cancelled']);
    expect(await shippedQuantities(t.handle.db, ws, [orderId])).toEqual(new Map([[orderId, new Map([[0, '1']])]]));
  });
});

describe('quantities and who may create', () => {
  it('refuses shipping more than ordered minus shipped minus other open shipments, naming the line, and writes nothing', async () => {
    const { orderId } = await newOrder('500000.00');
    await createShipment(rep1, orderId, oneCabinet);
    const before = await shipmentsCount();
    const res = await rep1.post('/api/v1/shipments', shipmentBody(orderId, [{ orderLineIndex: 0, quantity: '2' }]));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('第 1 行（自动化控制柜）本次发货 2 超过可发数量 1（订货 2，已发及在途 1）');
    expect(res.json().error.details[0].path).toBe('lines.0.quantity');
    expect(await shipmentsCount()).toBe(before);
  });

  it('refuses a warehouse user creating a shipment or an order (403), and writes nothing', async () => {
    const { orderId, contract } = await newOrder('500000.00');
    const before = await shipmentsCount();
    expect((await warehouse.post('/api/v1/shipments', shipmentBody(orderId, oneCabinet))).statusCode).toBe(403);
    const order = await warehouse.post('/api/v1/orders', { contractId: contract.id, lines: [{ contractLineIndex: 0, quantity: '1' }], dueDate: today() });
    expect(order.statusCode).toBe(403);
    expect(await shipmentsCount()).toBe(before);
  });

  it('hides another rep\'s orders and shipments (404)', async () => {
    const { orderId } = await newOrder('500000.00');
    const s = await createShipment(rep1, orderId, oneCabinet);
    expect((await rep3.post('/api/v1/shipments', shipmentBody(orderId, oneCabinet))).statusCode).toBe(404);
    expect((await rep3.get(`/api/v1/shipments/${s.id}`)).statusCode).toBe(404);
  });
});

describe('the warehouse work queue', () => {
  it('lists rush shipments first, then by planned date, filtered by status, cursor-paged', async () => {
    const normal = await newOrder('500000.00');
    const rush = await newOrder('500000.00', { priority: 'rush' });
    const a = await createShipment(rep1, normal.orderId, oneCabinet, { plannedDate: addDays(today(), 1) });
    const b = await createShipment(rep1, rush.orderId, oneCabinet, { plannedDate: addDays(today(), 5) });
    const c = await createShipment(rep1, normal.orderId, [{ orderLineIndex: 1, quantity: '1' }], { plannedDate: today() });
    const page1 = await warehouse.get('/api/v1/shipments?status=pending_review&limit=2');
    expect(page1.statusCode, page1.body).toBe(200);
    const ids: string[] = page1.json().items.map((x: Shipment) => x.id);
    expect(page1.json().items[0]).toMatchObject({ isRush: true });
    let cursor = page1.json().nextCursor as string | null;
    while (cursor) {
      const next = (await warehouse.get(`/api/v1/shipments?status=pending_review&limit=2&cursor=${cursor}`)).json();
      ids.push(...next.items.map((x: Shipment) => x.id));
      cursor = next.nextCursor;
    }
    expect(ids.filter((id) => [a.id, b.id, c.id].includes(id))).toEqual([b.id, c.id, a.id]);
    const byOrder = (await warehouse.get(`/api/v1/shipments?orderId=${normal.orderId}`)).json();
    expect(byOrder.items.map((x: Shipment) => x.id)).toEqual([c.id, a.id]);
  });

  it('prints the delivery note as a PDF', async () => {
    const { orderId } = await newOrder('100000.00');
    const s = await createShipment(rep1, orderId, oneCabinet);
    const res = await warehouse.get(`/api/v1/shipments/${s.id}/delivery-note.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});
