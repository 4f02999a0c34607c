import { Button, Card, Descriptions, Empty, Flex, Grid, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { usePolicies } from '../../settings/api';
import { useOrder, type Order } from '../api';
import { ChangeDiff } from '../components/change-diff';
import { OrderChangeModal } from '../components/order-change-modal';
import { ChangeStatusTag, OrderStatusTag, PriorityTag } from '../components/order-tags';

type Line = Order['lines'][number];
const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

/** 订单详情: lines ordered and shipped, the change waiting for approval, and the change history before → after. */
export function OrderDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('orders');
  const { t: ta } = useTranslation('approvals');
  const isPhone = !Grid.useBreakpoint().md;
  const fmt = useFormatInstant();
  const query = useOrder(id);
  const policies = usePolicies();
  const [changing, setChanging] = useState(false);
  const o = query.data;
  if (query.isError) return <PageContainer title={t('list.title')}><ErrorAlert error={query.error} /></PageContainer>;
  if (!o) return <PageContainer title={t('list.title')}><Card loading /></PageContainer>;
  const vpAmount = String(policies.data?.items.find((i) => i.key === 'orders.vpChangeAmount')?.value ?? '200000.00');

  return (
    <PageContainer title={o.number} extra={(
      <Space>
        {o.canShip ? <Link to={`/shipments/new?orderId=${o.id}`}><Button type="primary" data-testid="order-ship">{t('detail.ship')}</Button></Link> : null}
        {o.canChange ? <Button onClick={() => setChanging(true)} data-testid="order-request-change">{t('detail.requestChange')}</Button> : null}
      </Space>
    )}>
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'status', label: t('field.status'), children: <Space size={4}><OrderStatusTag status={o.status} /><PriorityTag priority={o.priority} /></Space> },
            { key: 'amount', label: t('field.amount'), children: <Typography.Text strong>{formatMoney(o.amount)}</Typography.Text> },
            { key: 'shipped', label: t('field.shippedAmount'), children: formatMoney(o.shippedAmount) },
            { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${o.customer.id}`}>{o.customer.name}</Link> },
            { key: 'contract', label: t('field.contract'), children: <Link to={`/contracts/${o.contract.id}`}>{o.contract.number} {o.contract.title}</Link> },
            { key: 'owner', label: t('field.owner'), children: o.owner.name },
            { key: 'due', label: t('field.dueDate'), children: o.dueDate },
            { key: 'revision', label: t('field.revision'), children: o.revision },
            { key: 'created', label: t('field.createdAt'), children: fmt(o.createdAt) },
            { key: 'address', label: t('field.deliveryAddress'), span: isPhone ? 1 : 3, children: o.deliveryAddress ?? '—' },
            ...(o.note ? [{ key: 'note', label: t('field.note'), span: isPhone ? 1 : 3, children: o.note }] : []),
          ]} />
        </Card>
        <Card title={t('detail.lines')} size="small">
          <Table<Line> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={o.lines} scroll={isPhone ? undefined : { x: 760 }} data-testid="order-detail-lines"
            columns={isPhone ? [
              { title: t('field.product'), key: 'product', render: (_, l) => <Flex vertical><span>{l.description}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatMoney(l.unitPrice)}{l.packaging ? ` · ${l.packaging}` : ''}</Typography.Text></Flex> },
              { title: `${t('field.quantity')} / ${t('field.shippedQuantity')}`, key: 'q', width: 90, align: 'right', render: (_, l) => `${l.quantity} / ${l.shippedQuantity}${l.unit}` },
              { title: t('field.lineAmount'), key: 'amount', width: 110, align: 'right', render: (_, l) => money(l.amount) },
            ] : [
              { title: t('field.product'), dataIndex: 'description', width: 200 },
              { title: t('field.unit'), dataIndex: 'unit', width: 60 },
              { title: t('field.quantity'), dataIndex: 'quantity', width: 90, align: 'right' },
              { title: t('field.shippedQuantity'), dataIndex: 'shippedQuantity', width: 90, align: 'right' },
              { title: t('field.unitPrice'), key: 'unitPrice', width: 130, align: 'right', render: (_, l) => money(l.unitPrice) },
              { title: t('field.lineAmount'), key: 'amount', width: 130, align: 'right', render: (_, l) => money(l.amount) },
              { title: t('field.packaging'), dataIndex: 'packaging', width: 120, render: (v: string | null) => v ?? '—' },
            ]} />
        </Card>
        {o.pendingChange ? (
          <Card title={t('detail.pending')} size="small" extra={<ChangeStatusTag status="pending" />}>
            <Flex vertical gap={8}>
              <Typography.Text><Tag>{t(`kind.${o.pendingChange.kind}`)}</Tag>{o.pendingChange.reason}</Typography.Text>
              <ChangeDiff before={o.pendingChange.before} after={o.pendingChange.after} />
              {o.pendingApproval ? (
                <Flex wrap gap={8}>
                  {o.pendingApproval.steps.map((s) => (
                    <Tag key={s.stepIndex} color={s.status === 'approved' ? 'success' : s.status === 'pending' ? 'processing' : 'default'}>
                      {s.label} · {ta(`stepStatus.${s.status}`)} · {s.decidedBy?.name ?? s.assignees.map((a) => a.name).join('、')}
                    </Tag>
                  ))}
                  <Link to={`/inbox/${o.pendingApproval.id}`}>{fmt(o.pendingApproval.createdAt)}</Link>
                </Flex>
              ) : null}
            </Flex>
          </Card>
        ) : null}
        <Card title={t('detail.changes')} size="small">
          <Typography.Paragraph type="secondary">{t('detail.approvalHint', { amount: formatMoney(vpAmount) })}</Typography.Paragraph>
          {o.changes.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noChanges')} /> : (
            <Timeline items={o.changes.map((c) => ({
              key: c.id,
              color: c.status === 'approved' ? 'green' : c.status === 'pending' ? 'blue' : 'gray',
              children: (
                <Flex vertical gap={4}>
                  <Space wrap size={6}>
                    <Typography.Text strong>{t('change.seq', { seq: c.seq })}</Typography.Text>
                    <Tag>{t(`kind.${c.kind}`)}</Tag>
                    <ChangeStatusTag status={c.status} />
                    <Typography.Text type="secondary">{c.requestedBy.name} · {fmt(c.createdAt)}</Typography.Text>
                  </Space>
                  <Typography.Text>{c.reason}</Typography.Text>
                  <ChangeDiff before={c.before} after={c.after} />
                </Flex>
              ),
            }))} />
          )}
        </Card>
      </Flex>
      {changing ? <OrderChangeModal order={o} onClose={() => setChanging(false)} /> : null}
    </PageContainer>
  );
}
