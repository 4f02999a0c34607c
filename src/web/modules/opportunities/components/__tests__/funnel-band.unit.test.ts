import { describe, expect, it } from 'vitest';
import { bandText, isInBand } from '../funnel-band';

describe('isInBand (domain §6.1 probability bands)', () => {
  it.each([
    ['above', '0', true], ['above', '24.99', true], ['above', '25', false],
    ['in', '24.99', false], ['in', '25', true], ['in', '50', true], ['in', '50.01', false],
    ['best_few', '50', false], ['best_few', '50.01', true], ['best_few', '99.99', true], ['best_few', '100', false],
    ['order', '99.99', false], ['order', '100', true],
  ] as const)('%s with %s%% → %s', (category, probability, inBand) => expect(isInBand(category, probability)).toBe(inBand));

  it('refuses what is not a number', () => expect(isInBand('in', 'abc')).toBe(false));
});

describe('bandText', () => {
  it.each([
    ['above', '< 25%'], ['in', '25%–50%'], ['best_few', '> 50% 且 < 100%'], ['order', '100%'],
  ] as const)('%s → %s', (category, text) => expect(bandText(category, '且')).toBe(text));
});
