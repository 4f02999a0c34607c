import { describe, expect, it } from 'vitest';
import { adjustSchedule } from '../receivables.rules.js';

const line = (planIndex: number, amount: string, received = '0.00') => ({ id: `r${planIndex}`, planIndex, amount, received });
const plan = (...amounts: string[]) => amounts.map((amount) => ({ kind: 'balance', dueDate: '2026-12-31', amount }));

describe('an amended plan over the receivable schedule: a line never goes below what was received on it', () => {
  it.each([
    ['nothing received, lower the line', [line(0, '30000.00')], plan('20000.00'), []],
    ['reduce to exactly what was received (paid)', [line(0, '30000.00', '10000.00')], plan('10000.00'), []],
    ['one cent below what was received', [line(0, '30000.00', '10000.00')], plan('9999.99'), [{ planIndex: 0, received: '10000.00', amount: '9999.99' }]],
    ['drop a line with nothing received', [line(0, '30000.00'), line(1, '70000.00')], plan('100000.00'), []],
    ['drop a line with money received', [line(0, '30000.00'), line(1, '70000.00', '0.01')], plan('100000.00'), [{ planIndex: 1, received: '0.01', amount: null }]],
  ])('%s', (_name, existing, newPlan, problems) => {
    expect(adjustSchedule(existing, newPlan).problems).toEqual(problems);
  });

  it('updates lines by position (status follows what was received), inserts new ones and removes the rest', () => {
    const result = adjustSchedule([line(0, '30000.00', '30000.00'), line(1, '40000.00'), line(2, '30000.00')], plan('50000.00', '60000.00'));
    expect(result.update.map((u) => [u.id, u.line.amount, u.status])).toEqual([['r0', '50000.00', 'partial'], ['r1', '60000.00', 'open']]);
    expect(result.remove).toEqual(['r2']);
    expect(adjustSchedule([line(0, '100.00')], plan('60.00', '40.00')).insert).toEqual([{ planIndex: 1, line: plan('40.00')[0] }]);
  });
});
