import { describe, expect, it } from 'vitest';
import { forecastAccuracy, mayAdjust, submitWindow, weightedAmount, weightedPipeline } from '../forecasts.rules.js';

describe('weighted amount = amount × probability / 100 (domain §6.3)', () => {
  it.each([
    ['500000.00', '30', '150000.00'],
    ['500000.00', '100', '500000.00'],
    ['500000.00', '0', '0.00'],
    ['88000.00', '12.5', '11000.00'],
    ['0.01', '50', '0.01'], // 0.005 rounds half-up
    ['0.01', '49.99', '0.00'],
    ['333.33', '33.33', '111.10'], // 111.1008…
    ['9999999999999999.99', '100', '9999999999999999.99'], // no float drift at numeric(18,2)'s edge
  ] as const)('%s at %s %% → %s', (amount, p, out) => expect(weightedAmount(amount, p)).toBe(out));

  it('a pipeline is summed exactly and rounded once, not per opportunity', () => {
    // three × 0.005 = 0.015 → 0.02; rounding each first would give 0.03
    expect(weightedPipeline([{ amount: '0.01', probability: '50' }, { amount: '0.01', probability: '50' }, { amount: '0.01', probability: '50' }])).toBe('0.02');
    expect(weightedPipeline([])).toBe('0.00');
  });
});

describe('accuracy = won / forecast', () => {
  it.each([
    ['100000.00', '100000.00', '1.00'],
    ['80000.00', '100000.00', '0.80'],
    ['0.00', '100000.00', '0.00'],
    ['150000.00', '100000.00', '1.50'],
    ['1.00', '3.00', '0.33'],
    ['2.00', '3.00', '0.67'],
    ['0.05', '10.00', '0.01'], // 0.005 half-up
    ['100.00', '0.00', null],
    ['100.00', '0', null],
    ['100.00', null, null],
  ] as const)('won %s / forecast %s → %s', (won, forecast, out) => expect(forecastAccuracy(won, forecast)).toBe(out));
});

describe('may submit a forecast for month M as of date D (workspace time zone)', () => {
  it.each([
    ['2026-11', '2026-11-01', 'open'],
    ['2026-11', '2026-11-30', 'open'], // the last day still counts
    ['2026-11', '2026-12-01', 'ended'],
    ['2026-10', '2026-11-15', 'ended'],
    ['2025-12', '2026-01-01', 'ended'], // over a year end
    ['2026-12', '2026-11-30', 'open'],
    ['2027-11', '2026-11-30', 'open'], // twelve months ahead
    ['2027-12', '2026-11-30', 'too_far'],
    ['2027-01', '2026-12-31', 'open'],
  ] as const)('%s as of %s → %s', (month, asOf, out) => expect(submitWindow(month, asOf)).toBe(out));
});

describe('who may adjust a forecast', () => {
  it.each([
    ['a manager with the rep in scope', 'm', 'r', true, 'ok'],
    ['the rep themselves, even if a manager (segregation of duties)', 'r', 'r', true, 'own'],
    ['a manager of another team', 'm', 'r', false, 'out_of_scope'],
    ['nobody out of scope, not even on their own', 'r', 'r', false, 'out_of_scope'],
  ] as const)('%s → %s', (_t, actor, owner, inScope, out) => expect(mayAdjust(actor, owner, inScope)).toBe(out));
});
