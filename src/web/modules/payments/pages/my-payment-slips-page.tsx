import { Button, Card, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { paymentSlipStatuses } from '../../../../shared/contracts/payments.contract';
import { useSession } from '../../../platform/access/session';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useMyPaymentSlips, type PaymentSlip } from '../api';
import { ResubmitSlipModal } from '../components/resubmit-slip-modal';

type Status = PaymentSlip['status'];
export const slipStatusColor: Record<Status, string> = { in_review: 'processing', approved: 'green', recorded: 'default', draft: 'orange', rejected: 'red' };

/**
 * 我的缴款单: the payment slips in the user's scope (a rep: their own lines; a supervisor: the team's), newest
 * first, with where each stands — waiting for the sales manager, approved and waiting for finance, recorded,
 * returned (with the manager's reason and 修改并重新提交 for its filer) or rejected.
 */
export function MyPaymentSlipsPage() {
  const { t } = useTranslation('payments');
  const me = useSession().data?.user.id;
  const [status, setStatus] = useState<Status | 'all'>('all');
  const list = useMyPaymentSlips(status === 'all' ? undefined : status);
  const [editing, setEditing] = useState<PaymentSlip | null>(null);
  const empty = (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={status === 'all' ? t('mySlips.empty') : t('mySlips.emptyStatus')} data-testid="slips-empty">
      {status === 'all' ? <Link to="/receivables">{t('mySlips.toReceivables')}</Link> : null}
    </Empty>
  );
  return (
    <PageContainer title={t('mySlips.title')}>
      <Card>
        <Typography.Paragraph type="secondary">{t('mySlips.intro')}</Typography.Paragraph>
        <div style={{ overflowX: 'auto', marginBottom: 16 }}>
          <Segmented<Status | 'all'> value={status} onChange={setStatus} data-testid="slip-status-filter"
            options={[{ value: 'all', label: t('mySlips.all') }, ...paymentSlipStatuses.map((s) => ({ value: s, label: t(`slip.status.${s}`) }))]} />
        </div>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<PaymentSlip> rowKey="id" size="small" pagination={false} loading={list.isPending} dataSource={list.items} scroll={{ x: 1320 }} locale={{ emptyText: empty }} data-testid="my-slips"
          columns={[
            { title: t('mySlips.filedOn'), key: 'filed', width: 100, render: (_, s) => s.createdAt.slice(0, 10) },
            { title: t('field.customer'), key: 'customer', width: 230, render: (_, s) => <Link to={`/customers/${s.customer.id}`}>{s.customer.name}</Link> },
            { title: t('field.contract'), key: 'contract', width: 120, render: (_, s) => <Link to={`/contracts/${s.contract.id}`}>{s.contract.number}</Link> },
            {
              title: t('field.status'), key: 'status', width: 250,
              render: (_, s) => (
                <Flex vertical gap={2} align="flex-start">
                  <Tag color={slipStatusColor[s.status]} data-testid="slip-status">{t(`slip.status.${s.status}`)}</Tag>
                  {s.decisionComment ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('mySlips.reason', { reason: s.decisionComment })}</Typography.Text> : null}
                </Flex>
              ),
            },
            { title: t('field.amount'), key: 'amount', align: 'right', width: 120, render: (_, s) => formatMoney(s.amount) },
            { title: t('field.receivedOn'), dataIndex: 'receivedOn', key: 'on', width: 100 },
            { title: t('field.reference'), key: 'ref', width: 150, render: (_, s) => s.reference ?? '—' },
            { title: t('slip.filedBy'), key: 'by', width: 80, render: (_, s) => s.filedBy.name },
            {
              title: '', key: 'act', width: 130, fixed: 'right',
              render: (_, s) => (s.status === 'draft' && s.filedBy.id === me
                ? <Button size="small" type="primary" onClick={() => setEditing(s)} data-testid="slip-resubmit">{t('mySlips.resubmit')}</Button>
                : s.approvalId ? <Link to={`/inbox/${s.approvalId}`}>{t('mySlips.approval')}</Link> : null),
            },
          ]} />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
      {editing ? <ResubmitSlipModal slip={editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}
