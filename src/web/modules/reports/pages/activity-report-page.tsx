import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Table, Tooltip, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { activitiesExportUrl, useActivityReport, type ActivityReport, type ReportFilter } from '../api';
import { ReportFilters } from '../components/report-filters';

type Counts = ActivityReport['totals'];
type Line = Counts & { key: string; name: string; kind: 'rep' | 'subtotal' };

const charted = ['visits', 'calls', 'emails', 'meetings', 'others'] as const;
const colors = { visits: '#1677ff', calls: '#52c41a', emails: '#fa8c16', meetings: '#722ed1', others: '#8c8c8c' };
const counted = ['visits', 'calls', 'emails', 'meetings', 'others', 'callReportsSent', 'tasksDone', 'tasksOverdue', 'visitsPlanned', 'plannedVisitsDone'] as const;

/** The activity report: per rep, grouped by department with subtotals, charted per rep, Excel export. */
export function ActivityReportPage() {
  const { t } = useTranslation('reports');
  const [filter, setFilter] = useState<ReportFilter>({ period: 'this-month' });
  const report = useActivityReport(filter);
  const data = report.data;
  const teamName = (name: string | null) => name ?? t('activities.noTeam');

  const lines: Line[] = (data?.teams ?? []).flatMap((team) => [
    ...data!.reps.filter((r) => r.departmentId === team.departmentId).map((r): Line => ({ ...r, key: r.userId, name: r.name, kind: 'rep' })),
    { ...team, key: `team:${team.departmentId ?? 'none'}`, name: t('activities.subtotal', { team: teamName(team.departmentName) }), kind: 'subtotal' },
  ]);
  const isEmpty = data !== undefined && data.reps.length === 0;
  const reps = data?.reps ?? [];
  // reps with nothing done yet (e.g. on the 1st of the month): say so rather than draw an empty axis
  const hasActivity = reps.some((r) => charted.some((key) => r[key] > 0));

  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: reps.map((r) => r.name), axisLabel: { interval: 0, rotate: reps.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: charted.map((key) => ({
      name: t(`activities.${key}`), type: 'bar', stack: 'activities', barMaxWidth: 40, itemStyle: { color: colors[key] },
      emphasis: { focus: 'series' }, data: reps.map((r) => r[key]),
    })),
  };

  const adherence = (value: number | null) => (value === null ? '—' : `${value}%`);
  const columns = [
    {
      title: t('activities.rep'), key: 'name', fixed: 'left' as const, width: 130,
      render: (_: unknown, r: Line) => (r.kind === 'subtotal' ? <Typography.Text strong>{r.name}</Typography.Text> : r.name),
    },
    ...counted.map((key) => ({ title: t(`activities.${key}`), dataIndex: key, key, align: 'right' as const, width: 76 })),
    {
      title: <Tooltip title={t('activities.adherenceHelp')}><span>{t('activities.adherence')} <QuestionCircleOutlined /></span></Tooltip>,
      key: 'adherence', align: 'right' as const, width: 100, render: (_: unknown, r: Line) => adherence(r.adherencePercent),
    },
  ];

  return (
    <PageContainer title={t('activities.title')}>
      <ReportFilters filter={filter} onChange={setFilter} exportUrl={activitiesExportUrl(filter)} />
      <ErrorAlert error={report.error} />
      {data ? <Typography.Paragraph type="secondary" data-testid="activities-range">{t('range', { from: data.from, to: data.to })}</Typography.Paragraph> : null}
      {isEmpty ? <Card><Empty description={t('activities.empty')} /></Card> : (
        <>
          <Card title={t('activities.chart')} size="small" style={{ marginBottom: 16 }}>
            {data && !hasActivity
              ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('activities.chartEmpty')} />
              : <ReactECharts option={option} style={{ height: 300 }} notMerge showLoading={report.isPending} />}
          </Card>
          <Card size="small">
            <Table<Line> rowKey="key" size="small" columns={columns} dataSource={lines} loading={report.isPending} pagination={false}
              scroll={{ x: 990 }} data-testid="activities-table"
              onRow={(r) => (r.kind === 'subtotal' ? { style: { background: '#fafafa' } } : {})}
              summary={() => (data ? (
                <Table.Summary fixed>
                  <Table.Summary.Row>
                    <Table.Summary.Cell index={0}><Typography.Text strong>{t('activities.total')}</Typography.Text></Table.Summary.Cell>
                    {counted.map((key, i) => <Table.Summary.Cell key={key} index={i + 1} align="right"><Typography.Text strong>{data.totals[key]}</Typography.Text></Table.Summary.Cell>)}
                    <Table.Summary.Cell index={counted.length + 1} align="right"><Typography.Text strong>{adherence(data.totals.adherencePercent)}</Typography.Text></Table.Summary.Cell>
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null)} />
          </Card>
        </>
      )}
    </PageContainer>
  );
}
