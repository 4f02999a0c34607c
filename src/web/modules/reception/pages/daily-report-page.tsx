import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Row, Statistic, Table } from 'antd';
import dayjs from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { dailyExportUrl, useDailyReport, type DailyReport, type Period } from '../api';
import { addDays, todayLocal } from '../components/dates';

type SourceRow = DailyReport['bySource'][number];
const series = ['walkInNew', 'walkInReturning', 'calls'] as const;
const colors = { walkInNew: '#1677ff', walkInReturning: '#52c41a', calls: '#fa8c16' };

/** The daily reception report: walk-ins new vs returning and calls per channel, charted, with an Excel export. */
export function DailyReportPage() {
  const { t } = useTranslation('reception');
  const today = todayLocal();
  const [period, setPeriod] = useState<Period>({ from: addDays(today, -6), to: today });
  const report = useDailyReport(period);
  const data = report.data;
  const sources = data?.bySource.filter((s) => s.total > 0) ?? [];

  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: sources.map((s) => t(`source.${s.source}`)), axisLabel: { interval: 0, rotate: sources.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((key) => ({
      name: t(`daily.${key}`), type: 'bar', stack: 'visits', barMaxWidth: 48, itemStyle: { color: colors[key] },
      emphasis: { focus: 'series' }, data: sources.map((s) => s[key]),
    })),
  };

  const columns = [
    { title: t('col.source'), key: 'source', render: (_: unknown, r: SourceRow) => t(`source.${r.source}`) },
    ...[...series, 'total' as const].map((key) => ({ title: t(`daily.${key}`), dataIndex: key, key, align: 'right' as const, width: 110 })),
  ];

  return (
    <PageContainer title={t('daily.title')} extra={(
      <>
        <DatePicker.RangePicker allowClear={false} value={[dayjs(period.from), dayjs(period.to)]} aria-label={t('daily.period')}
          onChange={(range) => { if (range?.[0] && range[1]) setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }); }} />
        <Button icon={<DownloadOutlined />} href={dailyExportUrl(period)} download data-testid="daily-export">{t('daily.export')}</Button>
      </>
    )}>
      <ErrorAlert error={report.error} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[...series, 'total' as const].map((key) => (
          <Col xs={12} md={6} key={key}>
            <Card size="small"><Statistic title={t(`daily.${key}`)} value={data?.totals[key] ?? 0} loading={report.isPending} data-testid={`daily-${key}`} /></Card>
          </Col>
        ))}
      </Row>
      <Card title={t('daily.bySource')} style={{ marginBottom: 16 }}>
        {data && data.totals.total === 0
          ? <Empty description={t('daily.empty')} />
          : <ReactECharts option={option} style={{ height: 320 }} notMerge showLoading={report.isPending} />}
      </Card>
      <Card>
        <Table<SourceRow> rowKey="source" size="small" columns={columns} dataSource={data?.bySource ?? []} loading={report.isPending}
          pagination={false} scroll={{ x: 560 }} data-testid="daily-table" />
      </Card>
    </PageContainer>
  );
}
