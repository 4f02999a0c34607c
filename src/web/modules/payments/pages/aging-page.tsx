import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Empty, Flex, Row, Segmented, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { agingBucketNames } from '../../../../shared/contracts/receivables.contract';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { agingExportUrl, useAgingLines, useAgingReport, type AgingBucket, type AgingFilter, type AgingGroupBy, type AgingLine, type AgingPick, type AgingReport } from '../api';

type Row = AgingReport['rows'][number];
const bucketColors: Record<AgingBucket, string> = { not_due: '#52c41a', '1_30': '#fadb14', '31_60': '#faad14', '61_90': '#fa8c16', '91_120': '#f5222d', over_120: '#a8071a' };
const pickKey: Record<AgingGroupBy, 'customerId' | 'ownerId' | 'teamId'> = { customer: 'customerId', owner: 'ownerId', team: 'teamId' };

/** 账龄分析: outstanding by age bucket as of any day, grouped by customer, owner or team; a bar chart, drill-down to lines, Excel. */
export function AgingPage() {
  const { t } = useTranslation('payments');
  const [filter, setFilter] = useState<AgingFilter>({ groupBy: 'customer' });
  const [pick, setPick] = useState<{ query: AgingPick; title: string } | null>(null);
  const report = useAgingReport(filter);
  const lines = useAgingLines(report.data?.asOf, pick?.query ?? null);
  const data = report.data;
  const bucketName = (b: AgingBucket): string => t(`bucket.${b}` as 'bucket.not_due');
  const drill = (bucket: AgingBucket | undefined, row?: Row) => {
    const parts = [row?.name, bucket ? bucketName(bucket) : undefined].filter(Boolean);
    setPick({ query: { bucket, ...(row?.key ? { [pickKey[filter.groupBy]]: row.key } : {}) }, title: parts.join(' · ') || t('aging.totals') });
  };

  const option = data ? {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(String(v)) },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: agingBucketNames.map(bucketName) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(String(v), { cents: false, symbol: false }) } },
    series: [{
      type: 'bar', barMaxWidth: 56,
      label: { show: true, position: 'top', formatter: (p: { dataIndex: number }) => formatMoney(data.totals.buckets[agingBucketNames[p.dataIndex]!], { cents: false }) },
      // a display value only: the label and the table carry the exact decimal amounts
      data: agingBucketNames.map((b) => ({ value: money.parse(data.totals.buckets[b]).toNumber(), itemStyle: { color: bucketColors[b] } })),
    }],
  } : {};

  const amountCell = (value: string, bucket: AgingBucket | undefined, row?: Row) => (money.compare(value, 0) === 0 ? <Typography.Text type="secondary">—</Typography.Text>
    : <Typography.Link onClick={() => drill(bucket, row)} data-testid={`aging-cell-${bucket ?? 'total'}`}>{formatMoney(value)}</Typography.Link>);

  return (
    <PageContainer title={t('aging.title')}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }} data-testid="aging-filters">
        <DatePicker aria-label={t('aging.asOf')} placeholder={t('aging.asOf')} value={filter.asOf ? dayjs(filter.asOf) : null}
          onChange={(d) => { setPick(null); setFilter((f) => ({ ...f, asOf: d ? d.format('YYYY-MM-DD') : undefined })); }} data-testid="aging-as-of" />
        <Segmented<AgingGroupBy> value={filter.groupBy} onChange={(groupBy) => { setPick(null); setFilter((f) => ({ ...f, groupBy })); }}
          options={(['customer', 'owner', 'team'] as const).map((g) => ({ value: g, label: t(`aging.group.${g}`) }))} />
        <Button icon={<DownloadOutlined />} href={agingExportUrl(filter)} download data-testid="aging-export">{t('aging.export')}</Button>
      </Flex>
      <Typography.Paragraph type="secondary">{t('aging.intro')}{data ? ` · ${t('aging.asOf')} ${data.asOf}` : ''}</Typography.Paragraph>
      <ErrorAlert error={report.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('aging.total')} value={data ? formatMoney(data.totals.total) : '—'} loading={report.isPending} data-testid="aging-total" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('aging.overdue')} value={data ? formatMoney(data.totals.overdue) : '—'} loading={report.isPending} styles={{ content: { color: '#cf1322' } }} data-testid="aging-overdue" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('aging.lines')} value={data?.totals.lines ?? '—'} loading={report.isPending} /></Card></Col>
      </Row>
      {data && data.totals.lines === 0 ? <Card><Empty description={t('aging.empty')} /></Card> : (
        <Flex vertical gap={16}>
          <Card title={t('aging.chart')} size="small" extra={<Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('aging.drillHint')}</Typography.Text>}>
            <ReactECharts option={option} style={{ height: 280, cursor: 'pointer' }} notMerge showLoading={report.isPending}
              onEvents={{ click: (p: { dataIndex: number }) => drill(agingBucketNames[p.dataIndex]) }} />
          </Card>
          <Card size="small" extra={data && data.groups > data.rows.length
            ? <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="aging-top">{t('aging.topGroups', { shown: data.rows.length, groups: data.groups })}</Typography.Text> : null}>
            <Table<Row> rowKey={(r) => r.key ?? '-'} size="small" pagination={false} loading={report.isPending} dataSource={data?.rows ?? []} scroll={{ x: 1200 }} data-testid="aging-table"
              columns={[
                { title: t(`aging.group.${filter.groupBy}` as 'aging.group.customer'), key: 'name', fixed: 'left', width: 220, render: (_, r) => r.name },
                ...agingBucketNames.map((b) => ({ title: bucketName(b), key: b, align: 'right' as const, width: 130, render: (_: unknown, r: Row) => amountCell(r.buckets[b], b, r) })),
                { title: t('aging.total'), key: 'total', align: 'right', width: 140, render: (_, r) => amountCell(r.total, undefined, r) },
                { title: t('aging.overdue'), key: 'overdue', align: 'right', width: 130, render: (_, r) => formatMoney(r.overdue) },
                { title: t('aging.lines'), dataIndex: 'lines', key: 'lines', align: 'right', width: 70 },
              ]}
              summary={() => (data ? (
                <Table.Summary.Row data-testid="aging-totals">
                  <Table.Summary.Cell index={0}><Typography.Text strong>{t('aging.totals')}</Typography.Text></Table.Summary.Cell>
                  {agingBucketNames.map((b, i) => <Table.Summary.Cell key={b} index={i + 1} align="right">{amountCell(data.totals.buckets[b], b)}</Table.Summary.Cell>)}
                  <Table.Summary.Cell index={7} align="right"><Typography.Text strong>{formatMoney(data.totals.total)}</Typography.Text></Table.Summary.Cell>
                  <Table.Summary.Cell index={8} align="right">{formatMoney(data.totals.overdue)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={9} align="right">{data.totals.lines}</Table.Summary.Cell>
                </Table.Summary.Row>
              ) : null)} />
          </Card>
          {pick ? (
            <Card size="small" title={`${t('aging.drill')}：${pick.title}`} extra={<Button size="small" onClick={() => setPick(null)}>×</Button>} data-testid="aging-lines">
              <ErrorAlert error={lines.error} />
              <Table<AgingLine> rowKey="receivableId" size="small" loading={lines.isPending} dataSource={lines.data?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 1000 }}
                columns={[
                  { title: t('field.customer'), key: 'customer', render: (_, l) => <Link to={`/customers/${l.customer.id}`}>{l.customer.name}</Link> },
                  { title: t('field.contract'), key: 'contract', width: 130, render: (_, l) => <Link to={`/contracts/${l.contract.id}`}>{l.contract.number}</Link> },
                  { title: t('field.kind'), key: 'kind', width: 90, render: (_, l) => t(`kind.${l.kind}`) },
                  { title: t('field.owner'), key: 'owner', width: 90, render: (_, l) => l.owner.name },
                  { title: t('field.dueDate'), dataIndex: 'dueDate', key: 'due', width: 110 },
                  { title: t('field.lineAmount'), key: 'amount', align: 'right', width: 130, render: (_, l) => formatMoney(l.amount) },
                  { title: t('field.outstanding'), key: 'outstanding', align: 'right', width: 130, render: (_, l) => formatMoney(l.outstanding) },
                  { title: t('field.daysOverdue'), key: 'days', align: 'right', width: 90, render: (_, l) => (l.daysOverdue > 0 ? t('days', { count: l.daysOverdue }) : '—') },
                  { title: '', key: 'bucket', width: 110, render: (_, l) => bucketName(l.bucket) },
                ]} />
            </Card>
          ) : null}
        </Flex>
      )}
    </PageContainer>
  );
}
