export type NumberingReset = 'yearly' | 'monthly' | 'daily' | 'never';

export interface NumberingRule { prefix: string; reset: NumberingReset; padding: number }

/** The period a sequence counts in: `2026`, `202611`, `20261122`, or `all`. */
export function periodKey(reset: NumberingReset, localDate: string): string {
  const compact = localDate.replace(/-/g, '');
  switch (reset) {
    case 'yearly': return compact.slice(0, 4);
    case 'monthly': return compact.slice(0, 6);
    case 'daily': return compact.slice(0, 8);
    case 'never': return 'all';
  }
}

/** 编号: prefix + date of the period + zero-padded sequence, e.g. `HT202611-0007`. */
export function formatNumber(rule: NumberingRule, localDate: string, sequence: number): string {
  const key = periodKey(rule.reset, localDate);
  const datePart = key === 'all' ? '' : key;
  return `${rule.prefix}${datePart}-${String(sequence).padStart(rule.padding, '0')}`;
}

/** Defaults per document type (domain §17); admins can change prefix, reset and padding. */
export const defaultNumberingRules: Record<string, NumberingRule> = {
  project: { prefix: 'XM', reset: 'yearly', padding: 4 },
  lead: { prefix: 'XS', reset: 'yearly', padding: 4 },
  quote: { prefix: 'BJ', reset: 'monthly', padding: 4 },
  contract: { prefix: 'HT', reset: 'yearly', padding: 4 },
  order: { prefix: 'DD', reset: 'monthly', padding: 4 },
  shipment: { prefix: 'FH', reset: 'monthly', padding: 4 },
  invoice: { prefix: 'FP', reset: 'monthly', padding: 4 },
  policy_change: { prefix: 'ZC', reset: 'yearly', padding: 3 },
  reception_visit: { prefix: 'JD', reset: 'monthly', padding: 4 },
};
