import type { FunnelCategory } from '../../../../shared/contracts/opportunities.contract';
import { money } from '../../../../shared/money';

/**
 * The probability band of each funnel category (domain §6.1): above < 25, in 25–50, best few > 50 and
 * < 100, order 100. `minExclusive`/`maxExclusive` say whether the bound itself is outside.
 */
export const funnelBands: Record<FunnelCategory, { min: string; max: string; minExclusive: boolean; maxExclusive: boolean }> = {
  above: { min: '0', max: '25', minExclusive: false, maxExclusive: true },
  in: { min: '25', max: '50', minExclusive: false, maxExclusive: false },
  best_few: { min: '50', max: '100', minExclusive: true, maxExclusive: true },
  order: { min: '100', max: '100', minExclusive: false, maxExclusive: false },
};

/** Whether a probability (decimal string) lies in the category's band; the server checks again. */
export function isInBand(category: FunnelCategory, probability: string): boolean {
  if (!money.isValid(probability)) return false;
  const band = funnelBands[category];
  const lo = money.compare(probability, band.min);
  const hi = money.compare(probability, band.max);
  return (band.minExclusive ? lo > 0 : lo >= 0) && (band.maxExclusive ? hi < 0 : hi <= 0);
}

/** The band as text, e.g. `25%–50%`, `< 25%`, `> 50% 且 < 100%` (the joiner is localised by the caller). */
export function bandText(category: FunnelCategory, and: string): string {
  const band = funnelBands[category];
  if (category === 'order') return '100%';
  if (category === 'above') return `< ${band.max}%`;
  if (category === 'best_few') return `> ${band.min}% ${and} < ${band.max}%`;
  return `${band.min}%–${band.max}%`;
}
