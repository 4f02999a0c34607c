import { CalculatorOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Flex, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { penaltyStatementXlsxUrl, usePenalties, useRunPenalties, type PenaltyLine, type PenaltyPerson } from '../api';

const kindColor = { monthly: 'orange', bad_debt: 'red', refund: 'green' } as const;
/** A rate string as a percentage, exactly (0.005 → 0.5%). */
const percent = (rate: string | null) => (rate === null ? '—' : `${money.parse(rate).times(100).toString()}%`);
const amountCell = (value: string) => (
  <span style={{ whiteSpace: 'nowrap', color: value.startsWith('-') ? '#389e0d' : undefined }}>{formatMoney(value)}</span>
);

/** One person's lines of the month with their working (drill-down of a statement row). */
function PersonLines({ month, userId }: { month: string; userId: string }) {
  const { t } = useTranslation('penalties');
  const detail = usePenalties(month, userId);
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  return (
    <Table<PenaltyLine>
      rowKey="id" size="small" pagination={false} loading={detail.isPending} dataSource={detail.data?.lines ?? []}
      data-testid={`penalty-lines-${userId}`} scroll={{ x: 1000 }}
      columns={[
        { title: t('line.kind'), key: 'kind', width: 100, render: (_, l) => <Tag color={kindColor[l.kind]}>{t(`kind.${l.kind}`)}</Tag> },
        { title: t('line.contract'), key: 'contract', width: 150, render: (_, l) => l.contract.number },
        { title: t('line.customer'), key: 'customer', width: 200, render: (_, l) => l.customer.name },
        {
          title: t('line.dueDate'), key: 'due', width: 130,
          render: (_, l) => (l.deferredFrom ? <Tooltip title={t('line.deferredFrom', { date: l.deferredFrom })}><span>{l.dueDate} <Tag>{t('line.deferred')}</Tag></span></Tooltip> : l.dueDate),
        },
        { title: t('line.days'), key: 'days', width: 100, align: 'right', render: (_, l) => t('days', { n: l.daysOverdue }) },
        { title: t('line.base'), key: 'base', width: 130, align: 'right', render: (_, l) => amountCell(l.baseAmount) },
        { title: t('line.rate'), key: 'rate', width: 70, align: 'right', render: (_, l) => percent(l.rate) },
        { title: t('line.amount'), key: 'amount', width: 120, align: 'right', render: (_, l) => amountCell(l.amount) },
        {
          title: t('line.myShare'), key: 'mine', width: 120, align: 'right',
          render: (_, l) => amountCell(money.add(0, ...l.shares.filter((s) => s.user?.id === userId).map((s) => s.amount))),
        },
        {
          title: t('line.shares'), key: 'shares', width: 260,
          render: (_, l) => (
            <Flex vertical>
              {l.shares.map((s) => (
                <Typography.Text key={`${s.role}-${s.user?.id ?? ''}`} type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t(`role.${s.role}`)} {s.user?.name ?? '—'} {formatMoney(s.amount)}
                </Typography.Text>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** 回款责任扣款: the month's per-person statement, its run (finance) and the payroll workbook. */
export function PenaltiesPage() {
  const { t } = useTranslation('penalties');
  const { message } = App.useApp();
  const { can } = useAccess();
  const formatInstant = useFormatInstant();
  const [monthDay, setMonthDay] = useState<Dayjs>(() => dayjs().subtract(1, 'month').startOf('month'));
  const month = monthDay.format('YYYY-MM');
  const statement = usePenalties(month);
  const run = useRunPenalties();
  const ended = monthDay.endOf('month').isBefore(dayjs(), 'day');
  const r = statement.data?.run ?? null;

  return (
    <PageContainer title={t('page.title')}>
      <Typography.Paragraph type="secondary">{t('page.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
          <DatePicker picker="month" allowClear={false} value={monthDay} aria-label={t('month')} data-testid="penalty-month"
            onChange={(d: Dayjs | null) => d && setMonthDay(d.startOf('month'))} />
          {can('penalty:run') ? (
            <Popconfirm title={t('runConfirm', { month })} disabled={!ended || r !== null}
              onConfirm={() => run.mutate(month, {
                onSuccess: (res) => void message.success(res.created ? t('runDone', { month, count: res.lineCount, total: formatMoney(res.total) }) : t('runAlready', { month })),
              })}>
              <Button type="primary" icon={<CalculatorOutlined />} loading={run.isPending} disabled={!ended || r !== null} data-testid="penalty-run">{t('run')}</Button>
            </Popconfirm>
          ) : null}
          <Button icon={<DownloadOutlined />} href={penaltyStatementXlsxUrl(month)} download disabled={r === null} data-testid="penalty-download">{t('download')}</Button>
        </Flex>
        {run.isError ? <ErrorAlert error={run.error} onClose={() => run.reset()} /> : null}
        {statement.isError ? <ErrorAlert error={statement.error} /> : null}
        {statement.data ? (
          r ? (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="penalty-run-info"
              message={t('run.info', { at: formatInstant(r.ranAt), by: r.runBy.name, count: r.lineCount, total: formatMoney(r.total) })}
              description={t('run.policy', {
                start: r.policy.startDays, monthly: percent(r.policy.monthlyRate), bad: r.policy.badDebtDays, badRate: percent(r.policy.badDebtRate),
                rep: r.policy.shares.rep, manager: r.policy.shares.manager, director: r.policy.shares.director,
              })} />
          ) : <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('run.none', { month })} />
        ) : null}
        <Table<PenaltyPerson>
          rowKey={(p) => p.user?.id ?? 'unassigned'} size="middle" pagination={false} loading={statement.isPending}
          dataSource={statement.data?.people ?? []} locale={{ emptyText: t('empty') }} data-testid="penalty-statement" scroll={{ x: 800 }}
          expandable={{ rowExpandable: (p) => p.user !== null, expandedRowRender: (p) => <PersonLines month={month} userId={p.user!.id} /> }}
          columns={[
            { title: t('col.person'), key: 'person', width: 160, render: (_, p) => p.user?.name ?? <Typography.Text type="secondary">{t('unassigned')}</Typography.Text> },
            { title: t('col.monthly'), key: 'monthly', width: 130, align: 'right', render: (_, p) => amountCell(p.monthly) },
            { title: t('col.badDebt'), key: 'badDebt', width: 130, align: 'right', render: (_, p) => amountCell(p.badDebt) },
            { title: t('col.refund'), key: 'refund', width: 130, align: 'right', render: (_, p) => amountCell(p.refund) },
            { title: t('col.total'), key: 'total', width: 140, align: 'right', render: (_, p) => <strong>{amountCell(p.total)}</strong> },
            { title: t('col.lineCount'), dataIndex: 'lineCount', width: 80, align: 'right' },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
