import Decimal from 'decimal.js';

/** Money and rates travel as decimal strings; arithmetic goes through here, never through JS floats. */
export type Money = string;

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export const money = {
  parse(value: string | number): Decimal { return new D(value); },
  isValid(value: string): boolean {
    try { return new D(value).isFinite(); } catch { return false; }
  },
  /** Normalise to two decimals, half-up (the Chinese accounting convention 四舍五入). */
  format(value: Decimal.Value): Money { return new D(value).toFixed(2, D.ROUND_HALF_UP); },
  add(...values: Decimal.Value[]): Money { return money.format(values.reduce<Decimal>((s, v) => s.plus(v), new D(0))); },
  sub(a: Decimal.Value, b: Decimal.Value): Money { return money.format(new D(a).minus(b)); },
  mul(a: Decimal.Value, b: Decimal.Value): Money { return money.format(new D(a).times(b)); },
  compare(a: Decimal.Value, b: Decimal.Value): -1 | 0 | 1 { return new D(a).comparedTo(b) as -1 | 0 | 1; },
  gte(a: Decimal.Value, b: Decimal.Value): boolean { return new D(a).gte(b); },
};
