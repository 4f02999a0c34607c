import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Empty, Row, Statistic, Table, Tooltip, Typography } from 'antd';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { formatMoney } from '../../opportunities/components/money-format';
import { PipelineSelect } from '../../opportunities/components/pipeline-select';
import { funnelExportUrl, funnelPdfUrl, useFunnelReport, type FunnelFilter, type FunnelReport } from '../api';
import { funnelDrillDown, type FunnelPick } from '../components/drill-down';
import { ReportFilters } from '../components/report-filters';

type StageRow = FunnelReport['stages'][number];
const categoryColors = { above: '#91caff', in: '#4096ff', best_few: '#0958d9', order: '#52c41a' } as const;
const percent = (value: number | null) => (value === null ? '—' : `${value}%`);

/**
 * The funnel report: open opportunities by funnel category (chart) and by stage with conversion and
 * days in stage (table), Excel and PDF export. A click on a category, a stage or the won/lost figures
 * opens the opportunity list with the same pipeline, department and owner.
 */
export function FunnelReportPage() {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const [filter, setFilter] = useState<FunnelFilter>({ period: 'this-month' });
  const report = useFunnelReport(filter);
  const data = report.data;
  const drillDown = (pick: FunnelPick) => {
    if (data) navigate(funnelDrillDown({ pipelineId: data.pipeline.id, from: data.from, to: data.to }, filter, pick));
  };
  const onChartClick = (p: { dataIndex: number }) => {
    const c = data?.categories[p.dataIndex];
    if (c) drillDown({ kind: 'category', category: c.category });
  };
  const isEmpty = data !== undefined && data.totals.openCount === 0 && data.totals.wonCount === 0 && data.totals.lostCount === 0
    && data.stages.every((s) => s.entered === 0);

  // the shape is a funnel (fixed, narrowing widths); the labels carry the real counts and amounts
  const categoryName = (c: FunnelReport['categories'][number]) => (c.category === 'order' ? t('funnel.orderWon') : t(`category.${c.category}`));
  const describe = (index: number) => {
    const c = data!.categories[index]!;
    return t('funnel.chartValue', { name: categoryName(c), count: c.count, amount: formatMoney(c.amount, { cents: false }) });
  };
  const chartLabel = (index: number) => {
    const c = data!.categories[index]!;
    return `${categoryName(c)}\n${t('funnel.chartCount', { count: c.count, amount: formatMoney(c.amount, { cents: false }) })}`;
  };
  const option = data ? {
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => describe(p.dataIndex) },
    series: [{
      type: 'funnel', sort: 'none', left: '5%', width: '90%', top: 8, bottom: 8, min: 0, max: data.categories.length, minSize: '45%', gap: 2,
      label: { show: true, position: 'inside', color: '#fff', lineHeight: 16, formatter: (p: { dataIndex: number }) => chartLabel(p.dataIndex) },
      data: data.categories.map((c, i) => ({ name: c.category, value: data.categories.length - i, itemStyle: { color: categoryColors[c.category] } })),
    }],
  } : {};

  const columns = [
    {
      title: t('funnel.stage'), key: 'name', fixed: 'left' as const, width: 120,
      render: (_: unknown, r: StageRow) => (
        // the whole row opens the list; the link makes it visible and reachable by keyboard
        <Typography.Link onClick={(e) => { e.stopPropagation(); drillDown({ kind: 'stage', stageId: r.stageId }); }}>{r.name}</Typography.Link>
      ),
    },
    { title: t('funnel.category'), key: 'category', width: 110, render: (_: unknown, r: StageRow) => t(`category.${r.funnelCategory}`) },
    { title: t('funnel.count'), dataIndex: 'count', key: 'count', align: 'right' as const, width: 80 },
    { title: t('funnel.amount'), key: 'amount', align: 'right' as const, width: 140, render: (_: unknown, r: StageRow) => formatMoney(r.amount) },
    { title: t('funnel.weighted'), key: 'weighted', align: 'right' as const, width: 140, render: (_: unknown, r: StageRow) => formatMoney(r.weightedAmount) },
    { title: t('funnel.entered'), dataIndex: 'entered', key: 'entered', align: 'right' as const, width: 90 },
    {
      title: <Tooltip title={t('funnel.conversionHelp')}><span>{t('funnel.conversion')} <QuestionCircleOutlined /></span></Tooltip>,
      key: 'conversion', align: 'right' as const, width: 100, render: (_: unknown, r: StageRow) => percent(r.conversionPercent),
    },
    { title: t('funnel.medianDays'), key: 'median', align: 'right' as const, width: 130, render: (_: unknown, r: StageRow) => r.medianDaysInStage ?? '—' },
  ];

  const stats: { key: string; title: string; value: string | number; pick?: FunnelPick }[] = data ? [
    { key: 'openCount', title: t('funnel.openCount'), value: data.totals.openCount },
    { key: 'openAmount', title: t('funnel.openAmount'), value: formatMoney(data.totals.openAmount, { cents: false }) },
    { key: 'weightedAmount', title: t('funnel.weightedAmount'), value: formatMoney(data.totals.weightedAmount, { cents: false }) },
    { key: 'won', title: t('funnel.wonCount', { count: data.totals.wonCount }), value: formatMoney(data.totals.wonAmount, { cents: false }), pick: { kind: 'closed', outcome: 'won' } },
    { key: 'lost', title: t('funnel.lostCount', { count: data.totals.lostCount }), value: formatMoney(data.totals.lostAmount, { cents: false }), pick: { kind: 'closed', outcome: 'lost' } },
    { key: 'winRate', title: t('funnel.winRate'), value: percent(data.totals.winRatePercent) },
  ] : [];

  return (
    <PageContainer title={t('funnel.title')}>
      <ReportFilters filter={filter} onChange={setFilter} exportUrl={funnelExportUrl({ ...filter, pipelineId: filter.pipelineId ?? data?.pipeline.id })}
        pdfUrl={funnelPdfUrl({ ...filter, pipelineId: filter.pipelineId ?? data?.pipeline.id })}>
        <PipelineSelect value={filter.pipelineId ?? data?.pipeline.id} onChange={(pipelineId) => setFilter({ ...filter, pipelineId })} style={{ width: 180, maxWidth: '100%' }} />
      </ReportFilters>
      <ErrorAlert error={report.error} />
      {data ? <Typography.Paragraph type="secondary" data-testid="funnel-range">{data.pipeline.name} · {t('range', { from: data.from, to: data.to })}</Typography.Paragraph> : null}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {stats.map((s) => (
          <Col xs={12} md={8} xl={4} key={s.key}>
            <Card size="small" hoverable={Boolean(s.pick)} onClick={s.pick ? () => drillDown(s.pick!) : undefined}><Statistic title={s.title} value={s.value} styles={{ content: { fontSize: 20 } }} loading={report.isPending} data-testid={`funnel-${s.key}`} /></Card>
          </Col>
        ))}
      </Row>
      {isEmpty ? <Card><Empty description={t('funnel.empty')} /></Card> : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={9}>
            <Card title={t('funnel.chart')} size="small">
              <ReactECharts option={option} style={{ height: 280, cursor: 'pointer' }} notMerge showLoading={report.isPending} onEvents={{ click: onChartClick }} />
            </Card>
          </Col>
          <Col xs={24} xxl={15}>
            <Card title={t('funnel.byStage')} size="small" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('funnel.drillHint')}</Typography.Text>}>
              <Table<StageRow> rowKey="stageId" size="small" columns={columns} dataSource={data?.stages ?? []} loading={report.isPending}
                pagination={false} scroll={{ x: 900 }} data-testid="funnel-table"
                onRow={(r) => ({ onClick: () => drillDown({ kind: 'stage', stageId: r.stageId }), style: { cursor: 'pointer' } })} />
            </Card>
          </Col>
        </Row>
      )}
    </PageContainer>
  );
}
