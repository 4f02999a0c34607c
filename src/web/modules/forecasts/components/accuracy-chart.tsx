import { Empty } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useTranslation } from 'react-i18next';
import type { Accuracy } from '../api';
import { shiftMonth } from './months';

/** One line per person: won ÷ forecast per month (100 % = on target), against the submitted or the adjusted forecast. */
export function AccuracyChart({ accuracy, basis, loading }: { accuracy: Accuracy | undefined; basis: 'submitted' | 'adjusted'; loading: boolean }) {
  const { t } = useTranslation('forecasts');
  const field = basis === 'submitted' ? 'submittedAccuracy' : 'adjustedAccuracy';
  const rows = (accuracy?.items ?? []).filter((r) => r[field] !== null);
  if (accuracy && rows.length === 0) return <Empty description={t('accuracy.empty')} />;
  const months: string[] = [];
  if (accuracy) for (let m = accuracy.from; m <= accuracy.to; m = shiftMonth(m, 1)) months.push(m);
  const people = [...new Map(rows.map((r) => [r.ownerId, r.ownerName])).entries()];
  const option = {
    tooltip: { trigger: 'axis', valueFormatter: (v: number | undefined) => (v === undefined || v === null ? '—' : `${String(v)}%`) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0 },
    series: people.map(([id, name], i) => ({
      name, type: 'line', connectNulls: true, symbol: 'circle', symbolSize: 7,
      data: months.map((m) => {
        const r = rows.find((x) => x.ownerId === id && x.month === m);
        return r ? Math.round(Number(r[field]) * 100) : null;
      }),
      ...(i === 0 ? { markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#999' }, label: { formatter: t('accuracy.target'), position: 'insideEndTop' }, data: [{ yAxis: 100 }] } } : {}),
    })),
  };
  return <ReactECharts option={option} style={{ height: 320 }} notMerge showLoading={loading} />;
}
