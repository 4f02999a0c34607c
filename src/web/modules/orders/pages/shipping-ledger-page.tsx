import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Grid, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ShippingLedgerRow } from '../../../../shared/contracts/orders.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { CustomerSelect } from '../../customers/components/customer-select';
import { UserSelect } from '../../customers/components/user-select';
import { ledgerExportUrl, useShippingLedger, type LedgerFilter } from '../api';

const monthOf = () => ({ from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });

/** 发货流水账: every shipment that left the warehouse in the period, with the total; exports to Excel. */
export function ShippingLedgerPage() {
  const { t } = useTranslation('orders');
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<LedgerFilter>(monthOf);
  const ledger = useShippingLedger(filter);
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });

  return (
    <PageContainer title={t('ledger.title')} extra={<Button icon={<DownloadOutlined />} href={ledgerExportUrl(filter)} data-testid="ledger-export">{t('ledger.export')}</Button>}>
      <Typography.Paragraph type="secondary">{t('ledger.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <DatePicker.RangePicker style={w(260)} allowClear={false} aria-label={t('ledger.period')} value={[dayjs(filter.from), dayjs(filter.to)]}
            onChange={(range) => range?.[0] && range[1] && setFilter((f) => ({ ...f, from: range[0]!.format('YYYY-MM-DD'), to: range[1]!.format('YYYY-MM-DD') }))} />
          <div style={w(220)}><CustomerSelect value={filter.customerId} onChange={(customerId) => setFilter((f) => ({ ...f, customerId }))} /></div>
          <UserSelect salesOnly allowClear placeholder={t('list.anyOwner')} style={w(140)} value={filter.ownerId} onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
        </Flex>
        {ledger.isError ? <ErrorAlert error={ledger.error} /> : null}
        <Table<ShippingLedgerRow>
          rowKey="shipmentId" size="middle" pagination={false} loading={ledger.isPending} dataSource={ledger.data?.rows ?? []} data-testid="ledger-table"
          locale={{ emptyText: t('ledger.empty') }} scroll={isPhone ? undefined : { x: 1000 }}
          columns={isPhone ? [{
            title: t('ledger.number'), key: 'row',
            render: (_, r) => (
              <Flex vertical gap={2}>
                <Flex justify="space-between"><Typography.Text strong>{r.number}</Typography.Text><Typography.Text>{formatMoney(r.amount)}</Typography.Text></Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.shippedOn} · {r.customer.name} · {r.order.number}</Typography.Text>
              </Flex>
            ),
          }] : [
            { title: t('ledger.shippedOn'), dataIndex: 'shippedOn', width: 110 },
            { title: t('ledger.number'), dataIndex: 'number', width: 140 },
            { title: t('field.customer'), key: 'customer', width: 200, ellipsis: true, render: (_, r) => <Link to={`/customers/${r.customer.id}`}>{r.customer.name}</Link> },
            { title: t('ledger.order'), key: 'order', width: 140, render: (_, r) => <Link to={`/orders/${r.order.id}`}>{r.order.number}</Link> },
            { title: t('field.contract'), key: 'contract', width: 140, render: (_, r) => <Link to={`/contracts/${r.contract.id}`}>{r.contract.number}</Link> },
            { title: t('ledger.carrier'), dataIndex: 'carrier', width: 110, render: (v: string | null) => v ?? '—' },
            { title: t('ledger.trackingNo'), dataIndex: 'trackingNo', width: 140, render: (v: string | null) => v ?? '—' },
            { title: t('field.owner'), key: 'owner', width: 90, render: (_, r) => r.owner.name },
            { title: t('ledger.amount'), key: 'amount', width: 140, align: 'right', render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(r.amount)}</span> },
          ]}
        />
        {ledger.data ? (
          <Flex justify="flex-end" gap={16} style={{ marginTop: 12 }} data-testid="ledger-total">
            <Typography.Text type="secondary">{t('ledger.total', { count: ledger.data.count })}</Typography.Text>
            <Typography.Text strong>{formatMoney(ledger.data.total)}</Typography.Text>
          </Flex>
        ) : null}
      </Card>
    </PageContainer>
  );
}
