import { describe, expect, it } from 'vitest';
import { amendmentChanges, isMajorAmendment, isMajorContract, lineAmounts, nextStatus, planMismatch, priceLines, signDateProblem, validateContract, type ContractAction } from '../contracts.rules.js';
import type { ContractStatus } from '../../../../shared/contracts/contracts.contract.js';

const line = (quantity: string, unitPrice: string, discountPct = '0', taxRate = '13') => ({ description: 'x', unit: '台', quantity, unitPrice, discountPct, taxRate });

describe('line amount = quantity × price × (1 − discount), half-up to cents', () => {
  it.each([
    ['2', '30000.00', '0', '13', '60000.00', '6902.65'],
    ['1', '50000.00', '20', '6', '40000.00', '2264.15'],
    ['3', '0.35', '0', '0', '1.05', '0.00'],
    ['0.3333', '10.00', '0', '13', '3.33', '0.38'], // 3.333 → 3.33
    ['1', '0.01', '50', '13', '0.01', '0.00'], // 0.005 → 0.01 (half-up)
    ['1', '100.00', '100', '13', '0.00', '0.00'],
  ])('%s × %s at %s %% off, tax %s %% → %s (tax %s)', (quantity, unitPrice, discountPct, taxRate, amount, taxAmount) => {
    expect(lineAmounts(line(quantity, unitPrice, discountPct, taxRate))).toEqual({ amount, taxAmount });
  });

  it('the contract amount is the sum of the rounded line amounts, not of raw products', () => {
    // raw 3.333 + 3.333 + 3.334 = 10.00, but each line is printed rounded: 3.33 × 3 = 9.99, and that is the amount
    expect(priceLines([line('0.3333', '10.00'), line('0.3333', '10.00'), line('0.3334', '10.00')]).amount).toBe('9.99');
  });
});

describe('payment plan adds up to the amount exactly', () => {
  const plan = (...amounts: string[]) => amounts.map((amount) => ({ amount }));
  it.each([
    [plan('30000.00', '70000.00'), '100000.00', null],
    [plan('30000.00', '69999.99'), '100000.00', '-0.01'], // 0.01 short
    [plan('30000.00', '70000.01'), '100000.00', '0.01'], // 0.01 over
    [plan('100000'), '100000.00', null],
    [plan('0.01'), '0.02', '-0.01'],
  ])('plan %j against %s → difference %s', (p, amount, difference) => {
    const result = planMismatch(p, amount);
    expect(result?.difference ?? null).toBe(difference);
  });
});

describe('major contract (重大合同) at the policy threshold', () => {
  it.each([
    ['999999.99', false],
    ['1000000.00', true],
    ['1000000.01', true],
    ['0.01', false],
  ])('%s against 1,000,000.00 → major %s', (amount, major) => expect(isMajorContract(amount, '1000000.00')).toBe(major));
});

describe('field checks name the field', () => {
  const base = { contractDate: '2026-11-01', lines: [line('1', '100.00')], paymentPlan: [{ kind: 'balance' as const, dueDate: '2026-11-01', amount: '100.00' }] };
  it.each([
    ['quantity 0', { lines: [line('0', '100.00')] }, 'lines.0.quantity', 'errors.quantityPositive'],
    ['negative quantity', { lines: [line('-1', '100.00')] }, 'lines.0.quantity', 'errors.quantityPositive'],
    ['negative price', { lines: [line('1', '-0.01')] }, 'lines.0.unitPrice', 'errors.notNegative'],
    ['discount over 100', { lines: [line('1', '1.00', '100.01')] }, 'lines.0.discountPct', 'errors.percentRange'],
    ['due the day before the contract', { paymentPlan: [{ kind: 'balance' as const, dueDate: '2026-10-31', amount: '100.00' }] }, 'paymentPlan.0.dueDate', 'errors.dueBeforeContractDate'],
    ['plan amount 0', { paymentPlan: [{ kind: 'balance' as const, dueDate: '2026-11-01', amount: '0.00' }] }, 'paymentPlan.0.amount', 'errors.planAmountPositive'],
  ])('%s → %s', (_name, change, path, message) => {
    expect(validateContract({ ...base, ...change })).toEqual([expect.objectContaining({ path, message })]);
  });
  it('a due date on the contract date and a 100 % discount are accepted', () => {
    expect(validateContract({ ...base, lines: [line('1', '1.00', '100')] })).toEqual([]);
  });
});

describe('life cycle: draft → in_review → approved → signed → executing → completed | terminated', () => {
  it.each<[ContractStatus, ContractAction, ContractStatus | null]>([
    ['draft', 'submit', 'in_review'],
    ['in_review', 'submit', null],
    ['draft', 'sign', null],
    ['in_review', 'sign', null],
    ['approved', 'sign', 'signed'],
    ['signed', 'sign', null],
    ['draft', 'edit', 'draft'],
    ['in_review', 'edit', 'draft'], // edit re-opens
    ['approved', 'edit', 'draft'], // edit re-opens
    ['signed', 'edit', null], // amendment only
    ['executing', 'edit', null],
    ['in_review', 'approve', 'approved'],
    ['draft', 'approve', null],
    ['in_review', 'reject', 'draft'],
    ['in_review', 'return', 'draft'],
    ['signed', 'execute', 'executing'],
    ['executing', 'complete', 'completed'],
    ['signed', 'complete', null],
    ['executing', 'terminate', 'terminated'],
    ['completed', 'terminate', null],
    ['signed', 'amend', 'signed'],
    ['approved', 'amend', null],
  ])('%s --%s--> %s', (from, action, to) => expect(nextStatus(from, action)).toBe(to));
});

describe('signing date', () => {
  it.each([
    ['2026-11-01', '2026-11-01', '2026-11-05', null],
    ['2026-10-31', '2026-11-01', '2026-11-05', 'before_contract_date'],
    ['2026-11-05', '2026-11-01', '2026-11-05', null],
    ['2026-11-06', '2026-11-01', '2026-11-05', 'in_future'],
  ])('signed %s, contract %s, today %s → %s', (signedOn, contractDate, today, problem) => expect(signDateProblem(signedOn, contractDate, today)).toBe(problem));
});

describe('an amendment is reviewed at the larger of its old and new amount', () => {
  it.each([
    ['999999.99', '999999.99', false],
    ['999999.99', '1000000.00', true], // raised to the threshold
    ['1000000.00', '500000.00', true], // lowered from a major contract
    ['500000.00', '600000.00', false],
  ])('%s → %s against 1,000,000.00 → major %s', (before, after, major) => expect(isMajorAmendment(before, after, '1000000.00')).toBe(major));
});

describe('an amendment must change something', () => {
  const values = { amount: '100.00', lines: [{ a: '1', b: null }], paymentPlan: [{ kind: 'balance', amount: '100.00' }], deliveryTerms: null };
  it.each([
    ['the same values with keys in another order (as jsonb stores them)', { ...values, paymentPlan: [{ amount: '100.00', kind: 'balance' }] }, false],
    ['an empty delivery term for none', { ...values, deliveryTerms: '' }, false],
    ['another amount', { ...values, amount: '100.01' }, true],
    ['another due date', { ...values, paymentPlan: [{ kind: 'balance', amount: '100.00', dueDate: '2026-12-01' }] }, true],
    ['new delivery terms', { ...values, deliveryTerms: '30 天' }, true],
  ])('%s → changes %s', (_name, after, changes) => expect(amendmentChanges(values, after)).toBe(changes));
});
