import { describe, expect, it } from 'vitest';
import { documentTotals, priceLines } from '../../../../../shared/contract-amounts';
import { evaluableLines, liveTotals } from '../quote-totals';

const line = { productId: null, description: '电磁流量计', unit: '台', quantity: '3', unitPrice: '21712.00', discountPct: '12', taxRate: '13' };

describe('the builder\'s live totals', () => {
  it('are the server\'s figures for complete lines', () => {
    const server = documentTotals(priceLines([line]).lines);
    expect(liveTotals([line])).toMatchObject({ ...server, lineAmounts: ['57319.68'] });
    expect(server.total).toBe('57319.68');
  });

  it('count a number still being typed as zero instead of failing', () => {
    expect(liveTotals([{ ...line, quantity: '' }, { ...line, unitPrice: 'abc' }])).toMatchObject({ total: '0.00', lineAmounts: ['0.00', '0.00'] });
  });

  it('ask the server for a dry run only when every line is complete and well-formed', () => {
    expect(evaluableLines([line])).toEqual([line]);
    expect(evaluableLines([line, { ...line, description: '' }])).toBeNull();
    expect(evaluableLines([{ ...line, quantity: '0' }])).toBeNull();
    expect(evaluableLines([{ ...line, unitPrice: '1.234' }])).toBeNull();
    expect(evaluableLines([])).toBeNull();
  });
});
