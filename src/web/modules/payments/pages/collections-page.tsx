import { App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Modal, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../shared/dates';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { CustomerSelect } from '../../customers/components/customer-select';
import { useCustomerBalance, useOpenLines, usePayments, useRecordPayment, useReversePayment, type PaymentSummary, type Receivable, type RecordPaymentBody } from '../api';
import { ApprovedSlipsCard } from '../components/approved-slips-card';
import { allocationTotals, fillOldestFirst, parseAmount } from '../components/payment-format';

const methods = ['bank_transfer', 'acceptance_bill', 'cash', 'other'] as const;
type Method = (typeof methods)[number];

/** 回款登记: finance records a payment against a customer's open lines (live remaining), and reverses a wrong one. */
export function CollectionsPage() {
  const { t } = useTranslation('payments');
  const { can } = useAccess();
  const { message } = App.useApp();
  const [customerId, setCustomerId] = useState<string>();
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(todayIn());
  const [method, setMethod] = useState<Method>('bank_transfer');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [allocations, setAllocations] = useState<Record<string, string | undefined>>({});
  const [keepCredit, setKeepCredit] = useState(false);
  const lines = useOpenLines(customerId);
  const balance = useCustomerBalance(customerId);
  const record = useRecordPayment();
  const payments = usePayments(customerId);
  const [reversing, setReversing] = useState<PaymentSummary | null>(null);

  const openLines = lines.data ?? [];
  const { allocated, remaining } = allocationTotals(amount, allocations);
  const typed = Object.values(allocations).some((a) => (a ?? '').trim() !== '');
  const paid = parseAmount(amount);
  const lineError = (l: Receivable) => {
    const raw = allocations[l.id];
    if (!raw || raw.trim() === '') return false;
    const v = parseAmount(raw);
    return v === null || money.compare(v, l.outstanding) > 0;
  };
  const badLine = openLines.some(lineError);
  const isOver = money.compare(remaining, 0) < 0;
  const hasRest = typed && money.compare(remaining, 0) > 0;
  const canSubmit = Boolean(customerId) && paid !== null && money.compare(paid, 0) > 0 && !badLine && !isOver && (!hasRest || keepCredit);

  const reset = () => { setAmount(''); setReference(''); setNote(''); setAllocations({}); setKeepCredit(false); };
  const pickCustomer = (id: string | undefined) => { setCustomerId(id); setAllocations({}); setKeepCredit(false); record.reset(); };
  const submit = () => {
    const body: RecordPaymentBody = {
      customerId: customerId!, amount: paid!, receivedOn, method, reference: reference.trim() || undefined, note: note.trim() || undefined,
      allocations: typed ? Object.entries(allocations).flatMap(([receivableId, a]) => { const v = parseAmount(a); return v && money.compare(v, 0) > 0 ? [{ receivableId, amount: v }] : []; }) : undefined,
      remainder: keepCredit ? 'customer_credit' : undefined,
    };
    record.mutate(body, { onSuccess: (p) => { void message.success(t('collections.done', { amount: formatMoney(p.amount) })); reset(); } });
  };

  const lineColumns = useMemo(() => [
    { title: t('field.contract'), key: 'contract', render: (_: unknown, l: Receivable) => l.contract.number },
    { title: t('field.kind'), key: 'kind', width: 90, render: (_: unknown, l: Receivable) => t(`kind.${l.kind}`) },
    { title: t('field.dueDate'), dataIndex: 'dueDate', key: 'due', width: 110 },
    { title: t('field.daysOverdue'), key: 'days', width: 90, align: 'right' as const, render: (_: unknown, l: Receivable) => (l.daysOverdue > 0 ? <Typography.Text type="danger">{t('days', { count: l.daysOverdue })}</Typography.Text> : '—') },
    { title: t('field.lineAmount'), key: 'amount', width: 130, align: 'right' as const, render: (_: unknown, l: Receivable) => formatMoney(l.amount) },
    { title: t('field.outstanding'), key: 'outstanding', width: 130, align: 'right' as const, render: (_: unknown, l: Receivable) => formatMoney(l.outstanding) },
  ], [t]);

  return (
    <PageContainer title={t('collections.title')}>
      <Typography.Paragraph type="secondary">{t('collections.intro')}</Typography.Paragraph>
      <ApprovedSlipsCard />
      <Card title={t('collections.record')} data-testid="payment-form">
        <Form layout="vertical">
          <Row gutter={16}>
            <Col xs={24} md={10}><Form.Item label={t('field.customer')} required><CustomerSelect id="payment-customer" value={customerId} onChange={pickCustomer} /></Form.Item></Col>
            <Col xs={12} md={5}>
              <Form.Item label={t('field.amount')} required validateStatus={amount && paid === null ? 'error' : undefined}>
                <Input id="payment-amount" prefix="¥" value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" data-testid="payment-amount" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item label={t('field.receivedOn')} required>
                <DatePicker id="payment-received-on" value={dayjs(receivedOn)} allowClear={false} style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIn()}
                  onChange={(d) => d && setReceivedOn(d.format('YYYY-MM-DD'))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item label={t('field.method')}><Select value={method} onChange={setMethod} options={methods.map((m) => ({ value: m, label: t(`method.${m}`) }))} /></Form.Item>
            </Col>
            <Col xs={12} md={6}><Form.Item label={t('field.reference')}><Input value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} data-testid="payment-reference" /></Form.Item></Col>
            <Col xs={24} md={18}><Form.Item label={t('field.note')}><Input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} /></Form.Item></Col>
          </Row>
        </Form>
        {customerId && balance.data ? (
          <Typography.Paragraph type="secondary" data-testid="customer-balance">
            {t('collections.balance', { outstanding: formatMoney(balance.data.outstanding), overdue: formatMoney(balance.data.overdue), credit: formatMoney(balance.data.creditBalance) })}
          </Typography.Paragraph>
        ) : null}
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('collections.openLines')}</Typography.Text>
          <Space>
            <Button size="small" disabled={!paid || openLines.length === 0} onClick={() => setAllocations(fillOldestFirst(paid!, openLines))} data-testid="fill-oldest">{t('collections.fillOldest')}</Button>
            <Button size="small" disabled={!typed} onClick={() => setAllocations({})}>{t('collections.clear')}</Button>
          </Space>
        </Flex>
        <Table<Receivable> rowKey="id" size="small" pagination={false} loading={lines.isFetching} dataSource={openLines} scroll={{ x: 900 }} data-testid="open-lines"
          locale={{ emptyText: customerId ? t('collections.noLines') : t('collections.pickCustomer') }}
          columns={[...lineColumns, {
            title: t('field.allocate'), key: 'allocate', width: 160,
            render: (_: unknown, l: Receivable) => (
              <Input size="small" prefix="¥" status={lineError(l) ? 'error' : undefined} value={allocations[l.id] ?? ''} placeholder={money.compare(l.outstanding, 0) > 0 ? l.outstanding : ''}
                aria-label={`${t('field.allocate')} ${l.contract.number} ${t(`kind.${l.kind}`)}`} data-testid="allocation-input"
                onChange={(e) => setAllocations((a) => ({ ...a, [l.id]: e.target.value }))} />
            ),
          }]} />
        <Row gutter={16} style={{ marginTop: 16 }} align="middle">
          <Col xs={12} md={5}><Statistic title={t('field.amount')} value={formatMoney(paid ?? '0')} /></Col>
          <Col xs={12} md={5}><Statistic title={t('collections.allocated')} value={typed ? formatMoney(allocated) : t('collections.auto')} data-testid="allocated-total" /></Col>
          <Col xs={12} md={5}>
            <Statistic title={t('collections.remaining')} value={typed ? formatMoney(remaining) : '—'} data-testid="allocation-remaining"
              styles={{ content: { color: isOver ? '#cf1322' : hasRest ? '#d48806' : undefined } }} />
          </Col>
          <Col xs={24} md={9}>
            <Flex vertical gap={8}>
              {isOver ? <Typography.Text type="danger">{t('collections.over', { amount: formatMoney(money.sub('0', remaining)) })}</Typography.Text> : null}
              {hasRest ? (
                <Checkbox checked={keepCredit} onChange={(e) => setKeepCredit(e.target.checked)} data-testid="keep-credit">{t('collections.keepCredit', { amount: formatMoney(remaining) })}</Checkbox>
              ) : null}
              {hasRest && !keepCredit ? <Typography.Text type="warning">{t('collections.needChoice', { amount: formatMoney(remaining) })}</Typography.Text> : null}
              <div><Button type="primary" disabled={!canSubmit || !can('payment:record')} loading={record.isPending} onClick={submit} data-testid="payment-submit">{t('collections.record')}</Button></div>
            </Flex>
          </Col>
        </Row>
        {record.isError ? <div style={{ marginTop: 12 }}><ErrorAlert error={record.error} /></div> : null}
      </Card>
      <Card title={t('collections.recent')} style={{ marginTop: 16 }}>
        <Table<PaymentSummary> rowKey="id" size="small" pagination={false} loading={payments.isPending} dataSource={payments.items} scroll={{ x: 1000 }} data-testid="payment-list"
          columns={[
            { title: t('field.receivedOn'), dataIndex: 'receivedOn', key: 'on', width: 110 },
            { title: t('field.customer'), key: 'customer', render: (_, p) => p.customer.name },
            { title: t('field.amount'), key: 'amount', align: 'right', width: 130, render: (_, p) => formatMoney(p.amount) },
            { title: t('field.unallocated'), key: 'credit', align: 'right', width: 120, render: (_, p) => (money.compare(p.unallocated, 0) > 0 ? formatMoney(p.unallocated) : '—') },
            { title: t('field.method'), key: 'method', width: 100, render: (_, p) => t(`method.${p.method}`) },
            { title: t('field.reference'), key: 'reference', width: 130, render: (_, p) => p.reference ?? '—' },
            { title: t('field.createdBy'), key: 'by', width: 90, render: (_, p) => p.createdBy.name },
            { title: t('field.status'), key: 'status', width: 160, render: (_, p) => (p.status === 'reversed' ? <Tag color="default" title={p.reverseReason ?? ''}>{t('payment.reversed')}</Tag> : <Tag color="green">{t('payment.recorded')}</Tag>) },
            {
              title: '', key: 'actions', width: 80, fixed: 'right',
              render: (_, p) => (p.status === 'recorded' && can('payment:reverse') ? <Button size="small" danger onClick={() => setReversing(p)} data-testid="payment-reverse">{t('reverse.button')}</Button> : null),
            },
          ]} />
        <LoadMore hasMore={payments.hasNextPage} loading={payments.isFetchingNextPage} onLoad={() => void payments.fetchNextPage()} count={payments.items.length} />
      </Card>
      {reversing ? <ReverseModal payment={reversing} onClose={() => setReversing(null)} /> : null}
    </PageContainer>
  );
}

function ReverseModal({ payment, onClose }: { payment: PaymentSummary; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const { message } = App.useApp();
  const reverse = useReversePayment();
  const [reason, setReason] = useState('');
  return (
    <Modal open title={t('reverse.title', { amount: formatMoney(payment.amount) })} okText={t('reverse.button')} okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
      confirmLoading={reverse.isPending} onCancel={onClose}
      onOk={() => reverse.mutate({ id: payment.id, reason: reason.trim(), version: payment.version }, { onSuccess: () => { void message.success(t('reverse.done')); onClose(); } })}>
      <Typography.Paragraph>{payment.customer.name} · {payment.receivedOn} · {payment.reference ?? ''}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('reverse.body')}</Typography.Paragraph>
      {reverse.isError ? <ErrorAlert error={reverse.error} /> : null}
      <Form layout="vertical"><Form.Item label={t('field.reason')} required><Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="reverse-reason" /></Form.Item></Form>
    </Modal>
  );
}
