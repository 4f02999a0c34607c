import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Grid, Input, InputNumber, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { useCreateShipment, useCreditPosition, useOrderForShipment, useRequestOverride, type Order } from '../api';
import { CreditPositionPanel } from '../components/credit-position-panel';
import { ReasonModal } from '../components/reason-modal';

interface Values { lines: { quantity: string | null }[]; plannedDate: Dayjs; deliveryAddress?: string; note?: string }
type OrderLine = Order['lines'][number];

const remainingOf = (l: OrderLine) => money.parse(l.quantity).minus(l.shippedQuantity);
/** The shipment value the server will compute: line amount × quantity / ordered (the last shipment of a line takes the remainder). */
function amountOf(order: Order, quantities: (string | null | undefined)[]): string {
  return money.add(...order.lines.map((l, i) => {
    const q = quantities[i];
    if (!q || !money.isValid(q) || money.compare(q, 0) <= 0 || money.compare(l.quantity, 0) <= 0) return '0';
    return money.format(money.parse(l.amount).times(q).dividedBy(l.quantity));
  }));
}

/**
 * 安排发货: a shipment from an order — quantities per line (at most what is left), planned date and
 * address — with the credit position shown BEFORE it is created. When the check refuses, sales may
 * save it on credit hold and ask for the over-credit override in one go.
 */
export function ShipmentNewPage() {
  const { t } = useTranslation('shipments');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [params] = useSearchParams();
  const orderId = params.get('orderId') ?? undefined;
  const orderQuery = useOrderForShipment(orderId);
  const order = orderQuery.data;
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const create = useCreateShipment();
  const override = useRequestOverride();
  const [holdOpen, setHoldOpen] = useState(false);
  const watched = Form.useWatch('lines', form) as Values['lines'] | undefined;
  const amount = order ? amountOf(order, (watched ?? []).map((l) => l?.quantity)) : '0.00';
  const deferredAmount = useDeferredValue(amount);
  const position = useCreditPosition({ orderId, amount: deferredAmount }, Boolean(order) && money.compare(deferredAmount, 0) > 0);

  if (!orderId) return <PageContainer title={t('new.title')}><Alert type="info" showIcon message={t('new.noOrder')} /></PageContainer>;
  if (orderQuery.isError) return <PageContainer title={t('new.title')}><ErrorAlert error={orderQuery.error} /></PageContainer>;
  if (!order) return <PageContainer title={t('new.title')}><Card loading /></PageContainer>;

  const nothingLeft = order.lines.every((l) => remainingOf(l).lte(0));
  const bodyOf = (v: Values, creditHold: boolean) => ({
    orderId: order.id, creditHold, plannedDate: v.plannedDate.format('YYYY-MM-DD'), deliveryAddress: v.deliveryAddress || null, note: v.note || null,
    lines: v.lines.map((l, i) => ({ orderLineIndex: i, quantity: l.quantity ? String(l.quantity) : '' })).filter((l) => l.quantity && money.compare(l.quantity, 0) > 0),
  });
  const onFinish = (v: Values) => {
    clearFormError();
    create.mutate(bodyOf(v, false), { onSuccess: (s) => { void message.success(t('new.created')); navigate(`/shipments/${s.id}`); }, onError: handleError });
  };
  const holdAndRequest = (reason: string, onError: (e: unknown) => void) => {
    void form.validateFields().then((v) => create.mutate(bodyOf(v, true), {
      onSuccess: (s) => override.mutate({ id: s.id, reason }, {
        onSuccess: () => { setHoldOpen(false); void message.success(t('new.held')); navigate(`/shipments/${s.id}`); },
        onError: (e) => { setHoldOpen(false); handleError(e); navigate(`/shipments/${s.id}`); },
      }),
      onError,
    }));
  };
  const refused = position.data && !position.data.passes;
  // an unpaid prepayment refuses the shipment whatever the credit: neither ship nor hold for an override
  const prepaymentOwed = Boolean(position.data?.prepaymentOwed);

  return (
    <PageContainer title={t('new.title')}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'order', label: t('field.order'), children: <Link to={`/orders/${order.id}`}>{order.number}</Link> },
            { key: 'customer', label: t('field.customer'), children: order.customer.name },
            { key: 'contract', label: t('field.contract'), children: <Link to={`/contracts/${order.contract.id}`}>{order.contract.number}</Link> },
          ]} />
        </Card>
        {nothingLeft ? <Alert type="info" showIcon message={t('new.nothingLeft')} /> : null}
        {formError ? <ErrorAlert error={formError} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} data-testid="shipment-form"
          initialValues={{
            plannedDate: dayjs(order.dueDate).isBefore(dayjs(), 'day') ? dayjs() : dayjs(order.dueDate), deliveryAddress: order.deliveryAddress ?? undefined,
            lines: order.lines.map((l) => ({ quantity: remainingOf(l).gt(0) ? remainingOf(l).toString() : null })),
          }}>
          <Card size="small" title={t('detail.lines')}>
            <Table rowKey="contractLineIndex" size="small" pagination={false} dataSource={order.lines} columns={[
              ...(isPhone ? [{
                title: t('field.line'), key: 'line',
                render: (_: unknown, l: OrderLine) => (
                  <Flex vertical gap={2}>
                    <span>{l.description}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('field.ordered')} {l.quantity} {l.unit} · {t('field.shipped')} {l.shippedQuantity} · {formatMoney(l.unitPrice)}</Typography.Text>
                  </Flex>
                ),
              }] : [
                { title: t('field.line'), dataIndex: 'description' },
                { title: t('field.ordered'), key: 'ordered', width: 90, align: 'right' as const, render: (_: unknown, l: OrderLine) => `${l.quantity} ${l.unit}` },
                { title: t('field.shipped'), dataIndex: 'shippedQuantity', width: 80, align: 'right' as const },
                { title: t('field.unitPrice'), dataIndex: 'unitPrice', width: 110, align: 'right' as const, render: (v: string) => formatMoney(v) },
              ]),
              {
                title: t('field.quantity'), key: 'q', width: isPhone ? 120 : 150,
                render: (_, l, i) => (
                  <Form.Item name={['lines', i, 'quantity']} style={{ margin: 0 }}>
                    <InputNumber<string> stringMode min="0" max={remainingOf(l).toString()} step="1" style={{ width: '100%' }} aria-label={`${t('field.quantity')} ${l.description}`}
                      disabled={remainingOf(l).lte(0)} />
                  </Form.Item>
                ),
              },
            ]} />
            <Flex justify="end" style={{ marginTop: 8 }}><Typography.Text strong>{t('new.amountTotal')}：{formatMoney(amount)}</Typography.Text></Flex>
          </Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Flex wrap gap={16}>
              <Form.Item name="plannedDate" label={t('field.plannedDate')} rules={[{ required: true }]} style={{ minWidth: 200 }}><DatePicker style={{ width: '100%' }} /></Form.Item>
              <Form.Item name="deliveryAddress" label={t('field.deliveryAddress')} style={{ flex: 1, minWidth: 260 }}><Input maxLength={500} /></Form.Item>
            </Flex>
            <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          </Card>
        </Form>
        <CreditPositionPanel position={money.compare(amount, 0) > 0 ? position.data : undefined} loading={position.isFetching} error={position.error} />
        <Space wrap>
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending && !holdOpen} disabled={nothingLeft || Boolean(refused) || prepaymentOwed} data-testid="shipment-submit">{t('new.submit')}</Button>
          {refused && !prepaymentOwed ? <Button type="primary" danger onClick={() => setHoldOpen(true)} data-testid="shipment-hold">{t('new.holdAndRequest')}</Button> : null}
        </Space>
      </Flex>
      <ReasonModal open={holdOpen} title={t('modal.override')} okText={t('new.holdAndRequest')} label={t('field.overrideReason')} loading={create.isPending || override.isPending}
        onCancel={() => setHoldOpen(false)} onSubmit={holdAndRequest} />
    </PageContainer>
  );
}
