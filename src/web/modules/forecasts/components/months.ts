import dayjs from 'dayjs';

/** This calendar month `YYYY-MM` (the browser's clock; the server checks the workspace zone). */
export const thisMonth = () => dayjs().format('YYYY-MM');
export const shiftMonth = (month: string, n: number) => dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM');

/** The default chart window: the last six months and the next two (forecasts look ahead, accuracy back). */
export const aroundPeriod = (month = thisMonth()) => `${shiftMonth(month, -5)}..${shiftMonth(month, 2)}`;

/** Presets of the period select (the report's `period` forms, see src/shared/periods.ts). */
export const periodPresets = ['around', 'this-quarter', 'last-quarter', 'this-year', 'last-6-months'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
export const periodOf = (preset: PeriodPreset) => (preset === 'around' ? aroundPeriod() : preset);

/** An accuracy ratio string ("0.85") as a percentage ("85%"). */
export const ratioPercent = (ratio: string | null) => (ratio === null ? '—' : `${Math.round(Number(ratio) * 100)}%`);
