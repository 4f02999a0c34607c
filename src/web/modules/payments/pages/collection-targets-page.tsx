import { CheckOutlined, DownloadOutlined, QuestionCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Flex, InputNumber, Progress, Row, Segmented, Statistic, Table, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import ReactECharts from 'echarts-for-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import {
  collectionTargetsExportUrl, useCollectionTargets, useSetCollectionTargets, type CollectionTargetFilter, type CollectionTargetRow,
} from '../api';

const thisMonth = () => dayjs().format('YYYY-MM');

function Attainment({ value }: { value: string | null }) {
  if (value === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const pct = Number(value); // display only: the exact figure is the label
  return <Progress percent={Math.min(pct, 100)} size="small" format={() => `${value}%`} status={pct >= 100 ? 'success' : 'normal'} style={{ minWidth: 110, margin: 0 }} />;
}

/**
 * 回款目标 (domain §11.2): per rep of my scope, the proposal decomposed from their contracts'
 * receivable lines, the target a manager sets (editable, "accept proposals"), what was collected in the
 * month and the attainment; by team; a target-vs-collected chart; Excel. A rep sees their own row.
 */
export function CollectionTargetsPage() {
  const { t } = useTranslation('payments');
  const { message } = App.useApp();
  const { user } = useAccess();
  const [filter, setFilter] = useState<CollectionTargetFilter>({ period: thisMonth(), groupBy: 'owner' });
  const [drafts, setDrafts] = useState<Record<string, string | null>>({});
  const report = useCollectionTargets(filter);
  const save = useSetCollectionTargets();
  const data = report.data;
  const editable = Boolean(data?.canSet) && filter.groupBy === 'owner';
  const mayEdit = (r: CollectionTargetRow) => editable && r.key !== null && r.key !== user?.id;
  const changed = (data?.rows ?? []).filter((r) => r.key && r.key in drafts && drafts[r.key] !== null && drafts[r.key] !== r.target);
  const changeFilter = (f: Partial<CollectionTargetFilter>) => { setDrafts({}); save.reset(); setFilter((old) => ({ ...old, ...f })); };

  const acceptProposals = () => setDrafts((d) => {
    const next = { ...d };
    for (const r of data?.rows ?? []) if (mayEdit(r) && r.target === null && money.compare(r.proposed, 0) > 0) next[r.key!] = r.proposed;
    return next;
  });
  const submit = () => save.mutate(
    { period: filter.period, body: { targets: changed.map((r) => ({ userId: r.key!, amount: money.format(drafts[r.key!]!), ...(r.version !== null ? { version: r.version } : {}) })) } },
    { onSuccess: () => { void message.success(t('targets.saved', { count: changed.length })); setDrafts({}); } },
  );

  const rows = data?.rows ?? [];
  const targetOf = (r: CollectionTargetRow) => (r.key && drafts[r.key] != null ? drafts[r.key]! : r.target);
  const chart = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => formatMoney(String(v)) },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMoney(String(v), { cents: false, symbol: false }) } },
    // display values only: the table and the export carry the exact decimals
    series: [
      { name: t('targets.chartProposed'), type: 'bar', barMaxWidth: 28, itemStyle: { color: '#d9d9d9' }, data: rows.map((r) => money.parse(r.proposed).toNumber()) },
      { name: t('targets.chartTarget'), type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1677ff' }, data: rows.map((r) => (r.target === null ? null : money.parse(r.target).toNumber())) },
      { name: t('targets.chartCollected'), type: 'bar', barMaxWidth: 28, itemStyle: { color: '#52c41a' }, data: rows.map((r) => money.parse(r.collected).toNumber()) },
    ],
  };

  return (
    <PageContainer title={t('targets.title')}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }} data-testid="targets-filters">
        <DatePicker picker="month" allowClear={false} aria-label={t('targets.period')} value={dayjs(`${filter.period}-01`)}
          onChange={(d) => { if (d) changeFilter({ period: d.format('YYYY-MM') }); }} data-testid="targets-period" />
        <Segmented<CollectionTargetFilter['groupBy']> value={filter.groupBy} onChange={(groupBy) => changeFilter({ groupBy })}
          options={(['owner', 'team'] as const).map((g) => ({ value: g, label: t(`targets.group.${g}`) }))} />
        <Button icon={<DownloadOutlined />} href={collectionTargetsExportUrl(filter)} download data-testid="targets-export">{t('targets.export')}</Button>
        {editable ? (
          <>
            <Tooltip title={t('targets.acceptHint')}><Button onClick={acceptProposals} data-testid="targets-accept">{t('targets.acceptProposals')}</Button></Tooltip>
            <Button type="primary" icon={<CheckOutlined />} disabled={changed.length === 0} loading={save.isPending} onClick={submit} data-testid="targets-save">{t('targets.save')}</Button>
            {changed.length > 0 ? (
              <>
                <Button icon={<UndoOutlined />} onClick={() => setDrafts({})}>{t('targets.reset')}</Button>
                <Typography.Text type="warning">{t('targets.unsaved', { count: changed.length })}</Typography.Text>
              </>
            ) : null}
          </>
        ) : null}
      </Flex>
      <Typography.Paragraph type="secondary">{t('targets.intro')}</Typography.Paragraph>
      {data && !data.canSet && filter.groupBy === 'owner' && rows.length > 0
        ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(user && rows.length === 1 && rows[0]!.key === user.id ? 'targets.readOnly' : 'targets.closed')} />
        : null}
      <ErrorAlert error={report.error ?? save.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('targets.proposed')} value={data ? formatMoney(data.totals.proposed) : '—'} loading={report.isPending} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('targets.target')} value={data?.totals.target ? formatMoney(data.totals.target) : '—'} loading={report.isPending} data-testid="targets-total-target" /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('targets.collected')} value={data ? formatMoney(data.totals.collected) : '—'} loading={report.isPending} styles={{ content: { color: '#389e0d' } }} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('targets.attainment')} value={data?.totals.attainment ? `${data.totals.attainment}%` : '—'} loading={report.isPending} /></Card></Col>
      </Row>
      {data && rows.length === 0 ? <Card><Empty description={t('targets.empty')} /></Card> : (
        <Flex vertical gap={16}>
          <Card size="small">
            <Table<CollectionTargetRow> rowKey={(r) => r.key ?? '-'} size="small" pagination={false} loading={report.isPending} dataSource={rows} scroll={{ x: 1000 }} data-testid="targets-table"
              columns={[
                { title: t(`targets.name.${filter.groupBy}`), key: 'name', fixed: 'left', width: 160, render: (_, r) => (filter.groupBy === 'team' ? `${r.name}（${t('targets.reps', { count: r.reps })}）` : r.name) },
                ...(filter.groupBy === 'owner' ? [{ title: t('targets.team'), key: 'team', width: 120, render: (_: unknown, r: CollectionTargetRow) => r.teamName ?? '—' }] : []),
                {
                  title: <Tooltip title={t('targets.proposedHint')}>{t('targets.proposed')} <QuestionCircleOutlined /></Tooltip>,
                  key: 'proposed', align: 'right', width: 140, render: (_, r) => formatMoney(r.proposed),
                },
                {
                  title: t('targets.target'), key: 'target', align: 'right', width: 180,
                  render: (_, r) => (mayEdit(r) ? (
                    <InputNumber<string> stringMode min="0" step="1000" precision={2} style={{ width: 160 }} aria-label={`${t('targets.target')} ${r.name}`}
                      value={targetOf(r)} placeholder={t('targets.notSet')} onChange={(v) => setDrafts((d) => ({ ...d, [r.key!]: v }))} data-testid={`target-input-${r.key}`} />
                  ) : r.target === null ? <Typography.Text type="secondary">{editable && r.key === user?.id ? t('targets.own') : t('targets.notSet')}</Typography.Text> : formatMoney(r.target)),
                },
                { title: t('targets.collected'), key: 'collected', align: 'right', width: 140, render: (_, r) => formatMoney(r.collected) },
                { title: t('targets.attainment'), key: 'attainment', width: 150, render: (_, r) => <Attainment value={r.attainment} /> },
                ...(filter.groupBy === 'owner' ? [{
                  title: t('targets.setBy'), key: 'setBy', width: 150,
                  render: (_: unknown, r: CollectionTargetRow) => (r.setBy ? <Tooltip title={r.note ?? undefined}>{r.setBy} · {dayjs(r.setAt).format('MM-DD HH:mm')}</Tooltip> : '—'),
                }] : []),
              ]}
              summary={() => (data ? (
                <Table.Summary.Row data-testid="targets-totals">
                  <Table.Summary.Cell index={0}><Typography.Text strong>{t('targets.totals')}</Typography.Text></Table.Summary.Cell>
                  {filter.groupBy === 'owner' ? <Table.Summary.Cell index={1} /> : null}
                  <Table.Summary.Cell index={2} align="right">{formatMoney(data.totals.proposed)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right"><Typography.Text strong>{data.totals.target ? formatMoney(data.totals.target) : '—'}</Typography.Text></Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{formatMoney(data.totals.collected)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5}><Attainment value={data.totals.attainment} /></Table.Summary.Cell>
                  {filter.groupBy === 'owner' ? <Table.Summary.Cell index={6} /> : null}
                </Table.Summary.Row>
              ) : null)} />
          </Card>
          <Card title={t('targets.chart')} size="small">
            <ReactECharts option={chart} style={{ height: 300 }} notMerge showLoading={report.isPending} />
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}
