import { describe, expect, it } from 'vitest';
import { mondayOf } from '../dates';

describe('the roster week', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // Monday itself
    ['2026-12-06', '2026-11-30'], // Sunday belongs to the week before
    ['2026-12-07', '2026-12-07'],
    ['2026-01-01', '2025-12-29'], // across the year
  ])('%s → week of %s', (date, monday) => expect(mondayOf(date)).toBe(monday));
});
