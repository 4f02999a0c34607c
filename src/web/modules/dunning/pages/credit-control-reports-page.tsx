import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, InputNumber, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { creditExecutionXlsxUrl, deferralsOpenXlsxUrl, useCreditExecution, useDeferralsOpen, type CreditExecutionReport, type DeferralsOpenReport } from '../api';

const money = (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(v)}</span>;

function CreditExecution() {
  const { t } = useTranslation('dunning');
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const report = useCreditExecution(month);
  const r = report.data;
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center">
        <DatePicker picker="month" allowClear={false} aria-label={t('reports.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} style={{ width: 160 }} />
        <Button icon={<DownloadOutlined />} href={creditExecutionXlsxUrl(month)} download data-testid="credit-execution-export">{t('reports.export')}</Button>
      </Flex>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      <Card size="small" title={t('reports.overrideShipments')}>
        <Table<CreditExecutionReport['overrideShipments'][number]> rowKey="shipmentId" size="small" pagination={false} loading={report.isPending} dataSource={r?.overrideShipments ?? []} locale={{ emptyText: t('reports.empty') }}
          columns={[
            { title: t('reports.shipment'), dataIndex: 'number' }, { title: t('field.customer'), render: (_, x) => x.customer.name }, { title: t('field.owner'), render: (_, x) => x.owner.name },
            { title: t('reports.shippedOn'), dataIndex: 'shippedOn' }, { title: t('reports.amount'), align: 'right', render: (_, x) => money(x.amount) },
          ]} />
      </Card>
      <Card size="small" title={t('reports.overLimit')}>
        <Table<CreditExecutionReport['overLimit'][number]> rowKey={(x) => x.customer.id} size="small" pagination={false} loading={report.isPending} dataSource={r?.overLimit ?? []} locale={{ emptyText: t('reports.empty') }}
          columns={[
            { title: t('field.customer'), render: (_, x) => x.customer.name }, { title: t('field.grade'), dataIndex: 'grade' }, { title: t('field.owner'), render: (_, x) => x.owner?.name ?? '—' },
            { title: t('reports.limit'), align: 'right', render: (_, x) => money(x.limit) }, { title: t('reports.exposure'), align: 'right', render: (_, x) => money(x.exposure) },
            { title: t('reports.over'), align: 'right', render: (_, x) => <Typography.Text type="danger">{formatMoney(x.over)}</Typography.Text> },
          ]} />
      </Card>
      <Card size="small" title={t('reports.termsExceeded')}>
        <Table<CreditExecutionReport['termsExceeded'][number]> rowKey="receivableId" size="small" pagination={{ pageSize: 50, hideOnSinglePage: true }} loading={report.isPending} dataSource={r?.termsExceeded ?? []} locale={{ emptyText: t('reports.empty') }}
          columns={[
            { title: t('field.customer'), render: (_, x) => x.customer.name }, { title: t('field.contract'), dataIndex: 'contractNumber' }, { title: t('field.owner'), render: (_, x) => x.owner.name },
            { title: t('field.dueDate'), dataIndex: 'dueDate' }, { title: t('field.outstanding'), align: 'right', render: (_, x) => money(x.outstanding) },
            { title: t('field.daysOverdue'), align: 'right', render: (_, x) => t('days', { count: x.daysOverdue }) },
          ]} />
      </Card>
    </Flex>
  );
}

function DeferralsOpen() {
  const { t } = useTranslation('dunning');
  const [year, setYear] = useState(dayjs().year());
  const report = useDeferralsOpen(year);
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center">
        <InputNumber aria-label={t('reports.year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {report.data ? <Typography.Text strong>{t('reports.total', { amount: formatMoney(report.data.total) })}</Typography.Text> : null}
        <Button icon={<DownloadOutlined />} href={deferralsOpenXlsxUrl(year)} download data-testid="deferrals-open-export">{t('reports.export')}</Button>
      </Flex>
      {report.isError ? <ErrorAlert error={report.error} /> : null}
      <Table<DeferralsOpenReport['items'][number]> rowKey="receivableId" size="small" pagination={false} loading={report.isPending} dataSource={report.data?.items ?? []} locale={{ emptyText: t('reports.empty') }}
        columns={[
          { title: t('field.customer'), render: (_, x) => x.customer.name }, { title: t('field.contract'), dataIndex: 'contractNumber' }, { title: t('field.owner'), render: (_, x) => x.owner.name },
          { title: t('reports.originalDueDate'), dataIndex: 'originalDueDate' }, { title: t('reports.deferredTo'), dataIndex: 'deferredTo' },
          { title: t('reports.approvedOn'), dataIndex: 'approvedOn' }, { title: t('field.outstanding'), align: 'right', render: (_, x) => money(x.outstanding) },
        ]} />
    </Flex>
  );
}

/** 信用控制报表: finance's monthly credit-execution audit and the year-end list of deferrals not cleared (domain §10). */
export function CreditControlReportsPage() {
  const { t } = useTranslation('dunning');
  return (
    <PageContainer title={t('reports.title')}>
      <Card>
        <Tabs items={[
          { key: 'execution', label: t('reports.creditExecution'), children: <CreditExecution /> },
          { key: 'deferrals', label: t('reports.deferralsOpen'), children: <DeferralsOpen /> },
        ]} />
      </Card>
    </PageContainer>
  );
}
