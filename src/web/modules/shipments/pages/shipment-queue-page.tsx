import { Card, DatePicker, Flex, Grid, Input, Table, Tabs, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { CustomerSelect } from '../../customers/components/customer-select';
import { useShipments, type ShipmentFilter, type ShipmentSummary } from '../api';
import { OverrideTag, RushTag, ShipmentStatusTag } from '../components/shipment-tags';
import { useWarehouseActions, WarehouseStepButtons } from '../components/warehouse-step-button';

const tabs = ['queue', 'pending_review', 'reviewed', 'picked', 'packed', 'shipped', 'credit_hold', 'delivered', 'all'] as const;
type TabKey = (typeof tabs)[number];

/**
 * 发货工作台: the warehouse work queue, rush first then by planned date, with tabs by status and the
 * next step on each row. Keyboard: ↑ ↓ select a row, Enter opens it, Space takes the next step.
 */
export function ShipmentQueuePage() {
  const { t } = useTranslation('shipments');
  const { can } = useAccess();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as TabKey) : 'queue';
  const [filter, setFilter] = useState<Omit<ShipmentFilter, 'status'>>({});
  const list = useShipments({ ...filter, status: tab === 'all' ? undefined : tab });
  const actions = useWarehouseActions();
  const isWarehouse = can('shipment:warehouse');
  const [selected, setSelected] = useState(0);
  const tableRef = useRef<HTMLDivElement>(null);
  useEffect(() => setSelected(0), [tab, filter]);
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });

  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input, textarea, .ant-select, button, .ant-picker')) return;
    const items = list.items;
    if (items.length === 0) return;
    if (e.key === 'ArrowDown') { e.preventDefault(); setSelected((i) => Math.min(i + 1, items.length - 1)); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); setSelected((i) => Math.max(i - 1, 0)); }
    else if (e.key === 'Enter') { e.preventDefault(); navigate(`/shipments/${items[selected]!.id}`); }
    else if (e.key === ' ' && isWarehouse) { e.preventDefault(); actions.next(items[selected]!); }
  };

  const number = (s: ShipmentSummary) => (
    <Flex gap={4} wrap align="center"><Link to={`/shipments/${s.id}`}>{s.number}</Link>{s.isRush ? <RushTag /> : null}</Flex>
  );

  return (
    <PageContainer title={t('list.title')}>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setParams({ tab: k })} items={tabs.map((k) => ({ key: k, label: k === 'queue' || k === 'all' ? t(`tab.${k}`) : t(`status.${k}`) }))} />
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="shipment-filters">
          <Input.Search allowClear placeholder={t('list.search')} style={w(180)} onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))} />
          <div style={w(220)}><CustomerSelect value={filter.customerId} onChange={(customerId) => setFilter((f) => ({ ...f, customerId }))} /></div>
          <DatePicker.RangePicker style={w(250)} placeholder={[t('field.plannedDate'), t('field.plannedDate')]} aria-label={t('field.plannedDate')}
            onChange={(range) => setFilter((f) => ({ ...f, plannedFrom: range?.[0]?.format('YYYY-MM-DD'), plannedTo: range?.[1]?.format('YYYY-MM-DD') }))} />
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <div ref={tableRef} tabIndex={0} onKeyDown={onKeyDown} aria-label={t('list.keyboardHint')} data-testid="shipment-queue" style={{ outline: 'none' }}>
          <Table<ShipmentSummary>
            rowKey="id" size="middle" pagination={false} loading={list.isPending} dataSource={list.items}
            locale={{ emptyText: t('list.empty') }} scroll={isPhone ? undefined : { x: 1000 }}
            rowClassName={(_, i) => (i === selected ? 'ant-table-row-selected' : '')}
            onRow={(_, i) => ({ onClick: () => setSelected(i ?? 0) })}
            columns={isPhone ? [{
              title: t('field.number'), key: 'shipment',
              render: (_, s) => (
                <Flex vertical gap={4}>
                  <Flex gap={6} wrap align="center">{number(s)}<ShipmentStatusTag status={s.status} /><OverrideTag status={s.overrideStatus} /></Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{s.customer.name} · {s.plannedDate} · {formatMoney(s.amount)}</Typography.Text>
                  {isWarehouse ? <WarehouseStepButtons shipment={s} actions={actions} size="small" /> : null}
                </Flex>
              ),
            }] : [
              { title: t('field.number'), key: 'number', width: 170, fixed: 'left', render: (_, s) => number(s) },
              { title: t('field.plannedDate'), dataIndex: 'plannedDate', width: 110 },
              { title: t('field.customer'), key: 'customer', width: 200, ellipsis: true, render: (_, s) => s.customer.name },
              { title: t('field.order'), key: 'order', width: 140, render: (_, s) => s.order.number },
              { title: t('field.amount'), key: 'amount', width: 130, align: 'right', render: (_, s) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(s.amount)}</span> },
              { title: t('field.status'), key: 'status', width: 170, render: (_, s) => <Flex gap={4} wrap><ShipmentStatusTag status={s.status} /><OverrideTag status={s.overrideStatus} /></Flex> },
              { title: t('field.carrier'), key: 'carrier', width: 160, render: (_, s) => (s.carrier ? `${s.carrier} ${s.trackingNo ?? ''}` : '—') },
              ...(isWarehouse ? [{ title: '', key: 'actions', width: 170, render: (_: unknown, s: ShipmentSummary) => <WarehouseStepButtons shipment={s} actions={actions} size="small" /> }] : []),
            ]}
          />
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('list.keyboardHint')}</Typography.Text>
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
      {actions.modal}
    </PageContainer>
  );
}
