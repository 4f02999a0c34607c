import { describe, expect, it } from 'vitest';
import { liveTotals } from '../contract-totals';

describe('the form\'s live total and plan check', () => {
  it('totals the lines as the server does and shows the plan 0.01 short', () => {
    const totals = liveTotals(
      [{ quantity: '2', unitPrice: '30000.00', discountPct: '0', taxRate: '13' }, { quantity: '1', unitPrice: '50000.00', discountPct: '20', taxRate: '6' }],
      [{ amount: '30000.00' }, { amount: '69999.99' }],
    );
    expect(totals).toMatchObject({ lineAmounts: ['60000.00', '40000.00'], amount: '100000.00', taxAmount: '9166.80', planTotal: '99999.99', difference: '-0.01' });
  });

  it('counts a half-typed line or payment as zero instead of failing', () => {
    expect(liveTotals([{ quantity: '', unitPrice: '12.' }, undefined], [{ amount: 'abc' }])).toMatchObject({ amount: '0.00', planTotal: '0.00', difference: '0.00' });
  });
});
