import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Empty, Flex, Grid, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { StatementEntry } from '../../../../shared/contracts/orders.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { CustomerSelect } from '../../customers/components/customer-select';
import { statementExportUrl, useCustomerStatement, type Period } from '../api';

const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

/** 客户对账单: opening balance, shipments (debit) and payments (credit) by date, closing balance; exports to Excel. */
export function CustomerStatementPage() {
  const { t } = useTranslation('orders');
  const isPhone = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const customerId = params.get('customerId') ?? undefined;
  const [period, setPeriod] = useState<Period>({ from: dayjs().startOf('year').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') });
  const statement = useCustomerStatement(customerId, period);
  const s = statement.data;

  return (
    <PageContainer title={t('statement.title')}
      extra={customerId ? <Button icon={<DownloadOutlined />} href={statementExportUrl(customerId, period)} data-testid="statement-export">{t('statement.export')}</Button> : null}>
      <Typography.Paragraph type="secondary">{t('statement.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <div style={{ width: isPhone ? '100%' : 280 }}>
            <CustomerSelect value={customerId} onChange={(id) => setParams(id ? { customerId: id } : {})} />
          </div>
          <DatePicker.RangePicker allowClear={false} aria-label={t('statement.period')} value={[dayjs(period.from), dayjs(period.to)]} style={{ width: isPhone ? '100%' : 260 }}
            onChange={(range) => range?.[0] && range[1] && setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') })} />
        </Flex>
        {!customerId ? <Empty description={t('statement.pickCustomer')} /> : null}
        {statement.isError ? <ErrorAlert error={statement.error} /> : null}
        {customerId && statement.isPending ? <Card loading bordered={false} /> : null}
        {s ? (
          <Flex vertical gap={12}>
            <Descriptions size="small" column={isPhone ? 1 : 4} items={[
              { key: 'customer', label: t('statement.customer'), children: s.customer.name },
              { key: 'period', label: t('statement.period'), children: `${s.from} — ${s.to}` },
              { key: 'opening', label: t('statement.opening'), children: <Typography.Text strong>{formatMoney(s.openingBalance)}</Typography.Text> },
              { key: 'closing', label: t('statement.closing'), children: <Typography.Text strong data-testid="statement-closing">{formatMoney(s.closingBalance)}</Typography.Text> },
            ]} />
            <Table<StatementEntry> rowKey={(e) => `${e.kind}-${e.reference}-${e.date}`} size="small" pagination={false} dataSource={s.entries} scroll={{ x: 760 }}
              locale={{ emptyText: t('statement.empty') }} data-testid="statement-table"
              columns={[
                { title: t('statement.date'), dataIndex: 'date', width: 110 },
                { title: t('statement.reference'), dataIndex: 'reference', width: 150 },
                { title: t('statement.description'), dataIndex: 'description', width: 220 },
                { title: t('statement.debit'), key: 'debit', width: 130, align: 'right', render: (_, e) => (e.kind === 'shipment' ? money(e.debit) : '') },
                { title: t('statement.credit'), key: 'credit', width: 130, align: 'right', render: (_, e) => (e.kind === 'payment' ? money(e.credit) : '') },
                { title: t('statement.balance'), key: 'balance', width: 140, align: 'right', render: (_, e) => money(e.balance) },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}><Typography.Text strong>{t('statement.totals')}</Typography.Text></Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">{money(s.totalDebit)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={4} align="right">{money(s.totalCredit)}</Table.Summary.Cell>
                  <Table.Summary.Cell index={5} align="right"><Typography.Text strong>{money(s.closingBalance)}</Typography.Text></Table.Summary.Cell>
                </Table.Summary.Row>
              )} />
            <Alert type="info" showIcon title={s.paymentsNote} />
          </Flex>
        ) : null}
      </Card>
    </PageContainer>
  );
}
