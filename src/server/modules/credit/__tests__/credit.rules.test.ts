import { describe, expect, it } from 'vitest';
import {
  availableCredit, creditApprovalFlags, creditChangeRefusal, defaultTermsDays, isOverLimit, resolveCreditTerms, validateCreditChange, type CreditPolicy,
} from '../credit.rules.js';

const policy: CreditPolicy = { termsDays: { A: 90, B: 60, C: 30, D: 15 }, gradeCMaxLimit: '50000.00', gmApprovalLimit: '500000.00' };

describe('default payment terms by grade (domain §10)', () => {
  it.each([
    ['A', 90], ['B', 60], ['C', 30],
    // D is cash before delivery even when the policy says otherwise
    ['D', 0],
  ] as const)('grade %s → %i days', (grade, days) => expect(defaultTermsDays(grade, policy)).toBe(days));

  it.each([
    [{ limit: '100000', grade: 'A' as const }, { limit: '100000.00', grade: 'A', termsDays: 90 }],
    [{ limit: '100000.5', grade: 'B' as const, termsDays: 45 }, { limit: '100000.50', grade: 'B', termsDays: 45 }],
    [{ limit: '0', grade: 'D' as const }, { limit: '0.00', grade: 'D', termsDays: 0 }],
    [{ limit: '20000.00', grade: 'C' as const, termsDays: null }, { limit: '20000.00', grade: 'C', termsDays: 30 }],
  ])('%o resolves to %o', (input, expected) => expect(resolveCreditTerms(input, policy)).toEqual(expected));
});

describe('limit and terms fields', () => {
  it.each([
    ['0', []], ['0.01', []], ['50000.00', []], ['9999999999999999.99', []],
    ['-0.01', ['limit:errors.creditLimitNegative']],
    ['-100', ['limit:errors.creditLimitNegative']],
    ['100.001', ['limit:errors.money']],
    ['1e5', ['limit:errors.money']],
    ['abc', ['limit:errors.money']],
  ])('limit %s → %o', (limit, problems) => {
    expect(validateCreditChange({ limit }).map((e) => `${e.path}:${e.message}`)).toEqual(problems);
  });
  it.each([
    [0, true], [365, true], [366, false], [-1, false], [30.5, false],
  ])('terms %d days valid: %s', (termsDays, ok) => {
    expect(validateCreditChange({ limit: '1.00', termsDays }).length === 0).toBe(ok);
  });
});

describe('grade rules (domain §10)', () => {
  it.each([
    ['C', '50000.00', null],
    ['C', '49999.99', null],
    ['C', '50000.01', 'errors.creditGradeCCap'],
    ['C', '1000000.00', 'errors.creditGradeCCap'],
    // the cap is for grade C only
    ['B', '50000.01', null],
    ['A', '5000000.00', null],
  ] as const)('grade %s with limit %s → %s', (grade, limit, refusal) => {
    expect(creditChangeRefusal({ grade, limit }, policy)?.key ?? null).toBe(refusal);
  });

  it('names the cap and the limit asked in the refusal', () => {
    expect(creditChangeRefusal({ grade: 'C', limit: '50000.01' }, policy)).toEqual({ key: 'errors.creditGradeCCap', params: { limit: '50000.01', cap: '50000.00' } });
  });

  it.each([
    [undefined, null], [0, null], [1, 'errors.creditGradeDCashOnly'], [30, 'errors.creditGradeDCashOnly'],
  ])('grade D with terms %s → %s', (termsDays, refusal) => {
    expect(creditChangeRefusal({ grade: 'D', limit: '10000.00', termsDays }, policy)?.key ?? null).toBe(refusal);
  });
});

describe('available credit and over limit', () => {
  it.each([
    ['100000.00', '0.00', '100000.00', false],
    ['100000.00', '100000.00', '0.00', false],
    ['100000.00', '100000.01', '-0.01', true],
    ['0.00', '0.00', '0.00', false],
    ['0.00', '250.50', '-250.50', true],
  ])('limit %s, exposure %s → available %s, over limit %s', (limit, exposure, available, over) => {
    expect(availableCredit(limit, exposure)).toBe(available);
    expect(isOverLimit(limit, exposure)).toBe(over);
  });
});

describe('approval route of a credit change', () => {
  it.each([
    [['sales_manager'], '499999.99', { salesManagerReviews: false, financeReviews: true, needsGm: false, needsVp: true }],
    [['sales_manager'], '500000.00', { salesManagerReviews: false, financeReviews: true, needsGm: true, needsVp: false }],
    [['finance'], '10000.00', { salesManagerReviews: true, financeReviews: false, needsGm: false, needsVp: true }],
    [['finance'], '800000.00', { salesManagerReviews: true, financeReviews: false, needsGm: true, needsVp: false }],
  ])('proposed by %o for %s → %o', (roles, limit, flags) => expect(creditApprovalFlags(roles, limit, policy)).toEqual(flags));
});
