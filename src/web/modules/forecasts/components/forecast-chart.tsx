import { Empty } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money';
import type { ForecastReport } from '../api';

const bars = [
  { key: 'weighted', color: '#91caff' },
  { key: 'commit', color: '#1677ff' },
  { key: 'submitted', color: '#faad14' },
  { key: 'won', color: '#52c41a' },
] as const;

/** Per month: weighted pipeline, commit, submitted and won as bars; the adjusted forecast as a line. */
export function ForecastChart({ report, loading }: { report: ForecastReport | undefined; loading: boolean }) {
  const { t } = useTranslation('forecasts');
  const months = report?.months ?? [];
  const isEmpty = report !== undefined && (['weighted', 'commit', 'submitted', 'won'] as const).every((k) => money.compare(report.totals[k], 0) === 0);
  if (isEmpty) return <Empty description={t('chart.empty')} />;
  // chart values only: the exact figures are in the table and the export
  const yuan = (v: string) => Number(v);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `¥${Math.round(v).toLocaleString()}` },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => (v >= 10_000 ? `${String(v / 10_000)}万` : String(v)) } },
    series: [
      ...bars.map((b) => ({ name: t(`chart.${b.key}`), type: 'bar', barMaxWidth: 22, itemStyle: { color: b.color }, emphasis: { focus: 'series' }, data: months.map((m) => yuan(m[b.key])) })),
      { name: t('chart.adjusted'), type: 'line', symbol: 'circle', symbolSize: 7, itemStyle: { color: '#eb2f96' }, data: months.map((m) => yuan(m.adjusted)) },
    ],
  };
  return <ReactECharts option={option} style={{ height: 340 }} notMerge showLoading={loading} />;
}
