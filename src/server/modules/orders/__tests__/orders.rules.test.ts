import { describe, expect, it } from 'vitest';
import type { RequestOrderChangeBody } from '../../../../shared/contracts/orders.contract.js';
import {
  applyOrderChange, buildOrderLines, changeBlocked, changeValue, heldQuantities, needsVpApproval, overContractRefusal, periodProblem, priceOrderLine,
  remainingOn, shippedValue, statementOf, statusFromShipped, validateOrderLines, type ContractLineRef, type OrderValues,
} from '../orders.rules.js';

const contractLines: ContractLineRef[] = [
  { productId: 'p-a', description: '控制柜', unit: '台', quantity: '10', amount: '10000.00' },
  { productId: 'p-b', description: '伺服电机', unit: '台', quantity: '3', amount: '10000.00' },
  { productId: null, description: '安装服务', unit: '项', quantity: '1', amount: '5000.00' },
];
const none = new Map<number, string>();

describe('order line pricing', () => {
  it.each([
    ['whole quantity gives exactly the line amount', 1, '3', '3333.33', '10000.00'],
    ['one of three rounds half-up', 1, '1', '3333.33', '3333.33'],
    ['two of three', 1, '2', '3333.33', '6666.67'],
    ['decimal quantity', 0, '0.5', '1000.00', '500.00'],
  ])('%s', (_n, index, quantity, unitPrice, amount) => {
    expect(priceOrderLine(contractLines[index]!, quantity)).toEqual({ unitPrice, amount });
  });
});

describe('contract remainder', () => {
  it.each([
    [undefined, '10'], ['4', '6'], ['10', '0'], ['12', '0'],
  ])('held %s of 10 → %s left', (held, left) => expect(remainingOn(contractLines[0]!, held)).toBe(left));

  it.each([
    ['exactly the remainder passes', '6', null],
    ['0.0001 over the remainder is refused', '6.0001', { line: 1, remaining: '6', quantity: '6.0001' }],
  ])('%s', (_n, quantity, refusal) => {
    const result = overContractRefusal([{ contractLineIndex: 0, quantity }], contractLines, new Map([[0, '4']]), (i) => `lines.${i}.quantity`);
    if (refusal === null) expect(result).toBeNull();
    else expect(result).toMatchObject({ key: 'errors.orderOverContract', path: 'lines.0.quantity', params: refusal });
  });

  it('a live order holds all its lines, a cancelled one only what it shipped', () => {
    const lines = buildOrderLines([{ contractLineIndex: 0, quantity: '5' }, { contractLineIndex: 1, quantity: '2' }], contractLines);
    const held = heldQuantities([
      { status: 'open', lines, shipped: none },
      { status: 'cancelled', lines, shipped: new Map([[0, '1.5']]) },
    ]);
    expect(Object.fromEntries(held)).toEqual({ 0: '6.5', 1: '2' });
  });
});

describe('order line field checks', () => {
  it.each([
    ['zero quantity', [{ contractLineIndex: 0, quantity: '0' }], ['lines.0.quantity']],
    ['negative quantity', [{ contractLineIndex: 0, quantity: '-1' }], ['lines.0.quantity']],
    ['unknown contract line', [{ contractLineIndex: 3, quantity: '1' }], ['lines.0.contractLineIndex']],
    ['a contract line twice', [{ contractLineIndex: 0, quantity: '1' }, { contractLineIndex: 0, quantity: '1' }], ['lines.1.contractLineIndex']],
    ['valid lines', [{ contractLineIndex: 0, quantity: '0.0001' }, { contractLineIndex: 2, quantity: '1' }], []],
  ])('%s', (_n, lines, paths) => expect(validateOrderLines(lines, contractLines).map((e) => e.path)).toEqual(paths));
});

describe('order status and shipped value', () => {
  const lines = buildOrderLines([{ contractLineIndex: 0, quantity: '4' }, { contractLineIndex: 1, quantity: '3' }], contractLines);
  it.each([
    ['nothing shipped', [], 'open', '0.00'],
    ['part of a line', [[0, '1']], 'partially_shipped', '1000.00'],
    ['one line whole', [[1, '3']], 'partially_shipped', '10000.00'],
    ['everything', [[0, '4'], [1, '3']], 'shipped', '14000.00'],
  ] as const)('%s → %s, value %s', (_n, shipped, status, value) => {
    const map = new Map(shipped.map(([i, q]) => [i, q] as [number, string]));
    expect(statusFromShipped(lines, map)).toBe(status);
    expect(shippedValue(lines, map)).toBe(value);
  });
});

describe('when a change may be requested', () => {
  it.each([
    ['open', false, null], ['partially_shipped', false, null], ['open', true, 'errors.orderChangePending'],
    ['cancelled', false, 'errors.orderCancelled'], ['shipped', false, 'errors.orderFullyShipped'],
  ] as const)('%s, pending %s → %s', (status, pending, key) => expect(changeBlocked(status, pending)?.key ?? null).toBe(key));
});

describe('applying an order change', () => {
  const lines = buildOrderLines([{ contractLineIndex: 0, quantity: '4', packaging: '木箱' }, { contractLineIndex: 2, quantity: '1' }], contractLines);
  const before: OrderValues = { lines, amount: '9000.00', dueDate: '2026-12-20', priority: 'normal', status: 'partially_shipped' };
  const base = { before, shipped: new Map([[0, '2']]), contractLines, heldByOthers: new Map([[0, '5']]), today: '2026-12-01' };
  const change = (body: Record<string, unknown>) => applyOrderChange({ version: 1, reason: '客户要求', ...body } as RequestOrderChangeBody, base);
  const refusal = (r: ReturnType<typeof applyOrderChange>) => (r.ok ? null : r.refusal.key);

  it.each([
    ['quantity down to what is shipped', { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '2' }] }, null],
    ['quantity below what is shipped', { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '1.9999' }] }, 'errors.quantityBelowShipped'],
    ['quantity up to the contract remainder (10 − 5 held by others)', { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '5' }] }, null],
    ['quantity over the contract remainder', { kind: 'quantity', lines: [{ lineIndex: 0, quantity: '5.0001' }] }, 'errors.orderOverContract'],
    ['quantity of an unknown line', { kind: 'quantity', lines: [{ lineIndex: 2, quantity: '1' }] }, 'errors.orderLineUnknown'],
    ['due date today', { kind: 'due_date', dueDate: '2026-12-01' }, null],
    ['due date yesterday', { kind: 'due_date', dueDate: '2026-11-30' }, 'errors.dueDateInPast'],
    ['product on the contract', { kind: 'product', lineIndex: 1, productId: 'p-b' }, null],
    ['product not on the contract', { kind: 'product', lineIndex: 1, productId: 'p-x' }, 'errors.productNotOnContract'],
    ['product of a line already shipping', { kind: 'product', lineIndex: 0, productId: 'p-b' }, 'errors.productChangeAfterShipping'],
    ['rush pulling the due date in', { kind: 'rush', dueDate: '2026-12-10' }, null],
    ['rush keeping the due date', { kind: 'rush' }, null],
    ['rush pushing the due date out', { kind: 'rush', dueDate: '2026-12-21' }, 'errors.rushLaterDueDate'],
    ['cancelling a partly shipped order', { kind: 'cancellation' }, null],
  ])('%s', (_n, body, key) => expect(refusal(change(body))).toBe(key));

  it('a quantity change reprices the line and the order amount', () => {
    const r = change({ kind: 'quantity', lines: [{ lineIndex: 0, quantity: '5' }] });
    expect(r.ok && [r.after.lines[0]!.amount, r.after.amount]).toEqual(['5000.00', '10000.00']);
  });

  it('a product change moves the line to the contract line of that product, same quantity, its price', () => {
    const r = change({ kind: 'product', lineIndex: 1, productId: 'p-b' });
    expect(r.ok && r.after.lines[1]).toMatchObject({ contractLineIndex: 1, description: '伺服电机', quantity: '1', unitPrice: '3333.33', amount: '3333.33' });
  });

  it('rush sets the priority and the pulled-in due date', () => {
    const r = change({ kind: 'rush', dueDate: '2026-12-10' });
    expect(r.ok && [r.after.priority, r.after.dueDate]).toEqual(['rush', '2026-12-10']);
  });

  it('cannot cancel a fully shipped order', () => {
    const r = applyOrderChange({ version: 1, reason: 'x', kind: 'cancellation' }, { ...base, shipped: new Map([[0, '4'], [1, '1']]) });
    expect(refusal(r)).toBe('errors.orderFullyShipped');
  });
});

describe('who approves an order change', () => {
  const v = (amount: string): OrderValues => ({ lines: [], amount, dueDate: '2026-12-20', priority: 'normal', status: 'open' });
  it.each([
    ['cancellation of 200,000.00 unshipped', 'cancellation', '250000.00', '250000.00', '50000.00', '200000.00', true],
    ['cancellation of 199,999.99 unshipped', 'cancellation', '250000.00', '250000.00', '50000.01', '199999.99', false],
    ['quantity increase of 200,000.00', 'quantity', '100000.00', '300000.00', '0.00', '200000.00', true],
    ['quantity increase of 199,999.99', 'quantity', '100000.00', '299999.99', '0.00', '199999.99', false],
    ['quantity decrease', 'quantity', '300000.00', '50000.00', '0.00', '0.00', false],
    ['rush', 'rush', '900000.00', '900000.00', '0.00', '0.00', false],
  ] as const)('%s → value %s, sales VP %s', (_n, kind, before, after, shipped, value, vp) => {
    const moved = changeValue(kind, v(before), v(after), shipped);
    expect(moved).toBe(value);
    expect(needsVpApproval(kind, moved, '200000.00')).toBe(vp);
  });
});

describe('customer statement', () => {
  it('runs the balance from the opening balance, shipments before payments on the same day', () => {
    const s = statementOf('1000.00', [
      { date: '2026-11-05', kind: 'payment', reference: 'HT-1', description: '回款', amount: '500.00' },
      { date: '2026-11-05', kind: 'shipment', reference: 'FH-2', description: '发货', amount: '2000.00' },
      { date: '2026-11-01', kind: 'shipment', reference: 'FH-1', description: '发货', amount: '0.01' },
    ]);
    expect(s.entries.map((e) => [e.reference, e.debit, e.credit, e.balance])).toEqual([
      ['FH-1', '0.01', '0.00', '1000.01'], ['FH-2', '2000.00', '0.00', '3000.01'], ['HT-1', '0.00', '500.00', '2500.01'],
    ]);
    expect(s).toMatchObject({ openingBalance: '1000.00', totalDebit: '2000.01', totalCredit: '500.00', closingBalance: '2500.01' });
  });

  it('an empty period closes at the opening balance', () => {
    expect(statementOf('-20.00', [])).toMatchObject({ entries: [], closingBalance: '-20.00' });
  });

  it.each([
    ['2026-01-01', '2026-01-01', null], ['2026-01-02', '2026-01-01', 'from_after_to'],
    ['2026-01-01', '2027-01-02', null], ['2026-01-01', '2027-01-03', 'too_long'],
  ])('period %s – %s → %s', (from, to, problem) => expect(periodProblem(from, to)).toBe(problem));
});
