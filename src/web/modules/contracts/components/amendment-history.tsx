import { Alert, Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { useAmendments, type Amendment, type Contract } from '../api';

type Values = Amendment['before'];
const statusColor: Record<Amendment['status'], string> = { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', cancelled: 'default', void: 'default' };
const changedStyle = { background: '#fff7e6', color: '#d46b08', fontWeight: 600, padding: '0 4px', borderRadius: 2 };

/** One cell: the new value, and when it changed the old one struck through before it. */
function Diff({ before, after, format = (v) => v }: { before: string | null | undefined; after: string | null | undefined; format?: (v: string) => ReactNode }) {
  const show = (v: string | null | undefined) => (v == null || v === '' ? '—' : format(v));
  if ((before ?? '') === (after ?? '')) return <span>{show(after)}</span>;
  return (
    <Space size={4} wrap>
      {before != null ? <Typography.Text delete type="secondary">{show(before)}</Typography.Text> : null}
      <span style={changedStyle} data-testid="amendment-changed">{show(after)}</span>
    </Space>
  );
}

type Row<T> = { key: number; before: T | undefined; after: T | undefined };
const pairs = <T,>(before: readonly T[], after: readonly T[]): Row<T>[] =>
  Array.from({ length: Math.max(before.length, after.length) }, (_, i) => ({ key: i, before: before[i], after: after[i] }));

/** Before and after of an amendment: amount, lines and plan row by row, delivery terms; changes highlighted. */
export function Changes({ before, after }: { before: Values; after: Values }) {
  const { t } = useTranslation('contracts');
  const mark = (row: Row<unknown>) => (!row.before ? <Tag color="green">{t('amend.added')}</Tag> : !row.after ? <Tag color="red">{t('amend.removed')}</Tag> : null);
  const money = (v: string) => formatMoney(v);
  type L = Values['lines'][number];
  type P = Values['paymentPlan'][number];
  const cell = <T,>(field: keyof T, format?: (v: string) => ReactNode) => (_: unknown, r: Row<T>) =>
    <Diff before={r.before ? String(r.before[field] ?? '') : null} after={r.after ? String(r.after[field] ?? '') : null} format={format} />;
  return (
    <Flex vertical gap={8}>
      <Typography.Text>{t('field.amount')}：<Diff before={before.amount} after={after.amount} format={money} /></Typography.Text>
      <Table<Row<L>> size="small" pagination={false} rowKey="key" dataSource={pairs(before.lines, after.lines)} scroll={{ x: 720 }}
        title={() => t('section.lines')}
        columns={[
          { title: '#', key: 'no', width: 70, render: (_, r) => <Space size={4}>{r.key + 1}{mark(r)}</Space> },
          { title: t('field.description'), key: 'description', width: 180, render: cell<L>('description') },
          { title: t('field.quantity'), key: 'quantity', width: 90, align: 'right', render: cell<L>('quantity') },
          { title: t('field.unitPrice'), key: 'unitPrice', width: 140, align: 'right', render: cell<L>('unitPrice', money) },
          { title: t('field.discountPct'), key: 'discountPct', width: 80, align: 'right', render: cell<L>('discountPct') },
          { title: t('field.lineAmount'), key: 'amount', width: 140, align: 'right', render: cell<L>('amount', money) },
        ]} />
      <Table<Row<P>> size="small" pagination={false} rowKey="key" dataSource={pairs(before.paymentPlan, after.paymentPlan)} scroll={{ x: 560 }}
        title={() => t('section.plan')}
        columns={[
          { title: '#', key: 'no', width: 70, render: (_, r) => <Space size={4}>{r.key + 1}{mark(r)}</Space> },
          { title: t('field.kind'), key: 'kind', width: 110, render: cell<P>('kind', (v) => t(`kind.${v as P['kind']}`)) },
          { title: t('field.dueDate'), key: 'dueDate', width: 150, render: cell<P>('dueDate') },
          { title: t('field.planAmount'), key: 'amount', width: 150, align: 'right', render: cell<P>('amount', money) },
        ]} />
      <Typography.Text>{t('field.deliveryTerms')}：<Diff before={before.deliveryTerms} after={after.deliveryTerms} /></Typography.Text>
    </Flex>
  );
}

/** The 变更 tab: propose an amendment (the contract editor) and the history, each change highlighted. */
export function AmendmentHistory({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const navigate = useNavigate();
  const fmt = useFormatInstant();
  const query = useAmendments(contract.id);
  const items = [...(query.data?.items ?? [])].reverse(); // newest first
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('revision', { revision: contract.amendmentCount + 1 })}</Typography.Text>
        {contract.canAmend ? <Button type="primary" onClick={() => navigate(`/contracts/${contract.id}/amend`)} data-testid="contract-amend">{t('action.amend')}</Button> : null}
      </Flex>
      {contract.hasPendingAmendment ? <Alert type="info" showIcon title={t('amend.pending')} /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.isLoading ? <Card loading size="small" /> : null}
      {query.isSuccess && items.length === 0 ? <Empty description={t('amend.empty')} /> : null}
      {items.map((a) => (
        <Card key={a.id} size="small" data-testid="amendment-card"
          title={<Space wrap>{t('amend.seq', { seq: a.seq })}<Tag color={statusColor[a.status]}>{t(`amendStatus.${a.status}`)}</Tag></Space>}
          extra={<Typography.Text type="secondary">{t('amend.by', { name: a.requestedBy.name, at: fmt(a.createdAt) })}</Typography.Text>}>
          <Flex vertical gap={8}>
            <Typography.Text>{t('amend.reason')}：{a.reason}</Typography.Text>
            {a.decisionComment ? <Typography.Text type="secondary">{t('amend.comment', { comment: a.decisionComment })}</Typography.Text> : null}
            <Changes before={a.before} after={a.after} />
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
