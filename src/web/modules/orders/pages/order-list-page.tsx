import { Card, DatePicker, Flex, Grid, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { orderPriorities, orderStatuses } from '../../../../shared/contracts/orders.contract';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { CustomerSelect } from '../../customers/components/customer-select';
import { UserSelect } from '../../customers/components/user-select';
import { useOrders, type Order, type OrderFilter, type OrderStatus, type OrderSummary } from '../api';
import { ChangeStatusTag, OrderStatusTag, PriorityTag } from '../components/order-tags';

/** 销售订单: orders in my scope by status, priority, customer, owner and due date; rush orders first to the eye. */
export function OrderListPage() {
  const { t } = useTranslation('orders');
  const { can } = useAccess();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<OrderFilter>({});
  const list = useOrders(filter);
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });
  const amount = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

  return (
    <PageContainer title={t('list.title')}>
      <Typography.Paragraph type="secondary">
        {t('list.intro')}{can('order:create') ? t('list.newHint') : ''}
      </Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="order-filters">
          <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={w(180)} onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))} />
          <Select allowClear placeholder={t('list.anyStatus')} aria-label={t('field.status')} style={w(130)} value={filter.status}
            options={orderStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={(status?: OrderStatus) => setFilter((f) => ({ ...f, status }))} />
          <Select allowClear placeholder={t('list.anyPriority')} aria-label={t('field.priority')} style={w(120)} value={filter.priority}
            options={orderPriorities.map((p) => ({ value: p, label: t(`priority.${p}`) }))} onChange={(priority?: Order['priority']) => setFilter((f) => ({ ...f, priority }))} />
          <div style={w(220)}><CustomerSelect value={filter.customerId} onChange={(customerId) => setFilter((f) => ({ ...f, customerId }))} /></div>
          <UserSelect salesOnly allowClear placeholder={t('list.anyOwner')} style={w(140)} value={filter.ownerId} onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
          <DatePicker.RangePicker style={w(250)} placeholder={[t('list.dueRange'), t('list.dueRange')]} aria-label={t('list.dueRange')}
            onChange={(range) => setFilter((f) => ({ ...f, dueFrom: range?.[0]?.format('YYYY-MM-DD'), dueTo: range?.[1]?.format('YYYY-MM-DD') }))} />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<OrderSummary>
          rowKey="id" size="middle" pagination={false} loading={list.isPending} dataSource={list.items} data-testid="orders-table"
          locale={{ emptyText: t('list.empty') }} scroll={isPhone ? undefined : { x: 1100 }}
          columns={isPhone ? [{
            title: t('field.number'), key: 'order',
            render: (_, o) => (
              <Flex vertical gap={2}>
                <Flex gap={6} wrap align="center"><Link to={`/orders/${o.id}`}>{o.number}</Link><OrderStatusTag status={o.status} /><PriorityTag priority={o.priority} /></Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.customer.name} · {formatMoney(o.amount)} · {t('field.dueDate')} {o.dueDate}</Typography.Text>
              </Flex>
            ),
          }] : [
            { title: t('field.number'), dataIndex: 'number', width: 140, fixed: 'left', render: (n: string, o) => <Link to={`/orders/${o.id}`}>{n}</Link> },
            { title: t('field.customer'), key: 'customer', width: 200, ellipsis: true, render: (_, o) => <Link to={`/customers/${o.customer.id}`}>{o.customer.name}</Link> },
            { title: t('field.contract'), key: 'contract', width: 140, render: (_, o) => <Link to={`/contracts/${o.contract.id}`}>{o.contract.number}</Link> },
            { title: t('field.amount'), key: 'amount', width: 140, align: 'right', render: (_, o) => amount(o.amount) },
            { title: t('field.dueDate'), dataIndex: 'dueDate', width: 110 },
            { title: t('field.priority'), key: 'priority', width: 80, render: (_, o) => <PriorityTag priority={o.priority} showNormal /> },
            { title: t('field.status'), key: 'status', width: 150, render: (_, o) => <Flex gap={4}><OrderStatusTag status={o.status} />{o.hasPendingChange ? <ChangeStatusTag status="pending" /> : null}</Flex> },
            { title: t('field.revision'), dataIndex: 'revision', width: 80, align: 'right' },
            { title: t('field.owner'), key: 'owner', width: 90, render: (_, o) => o.owner.name },
          ]}
        />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
