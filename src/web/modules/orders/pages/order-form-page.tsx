import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Grid, Input, Radio, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { OrderableLinesDto } from '../../../../shared/contracts/orders.contract';
import { money } from '../../../../shared/money';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { ApiError, isApiError } from '../../../platform/http/api-error';
import { PageContainer } from '../../../platform/layout/page-container';
import { useCreateOrder, useOrderableLines, type Order } from '../api';

type Line = OrderableLinesDto['lines'][number];
interface Values { lines: Record<number, { quantity?: string; packaging?: string }>; dueDate: Dayjs; priority: Order['priority']; deliveryAddress?: string; note?: string }
const QUANTITY = /^\d{1,12}(\.\d{1,4})?$/;

/** The amount a line takes at this quantity: contract line amount × quantity / contract quantity (as the server computes it). */
function lineAmount(line: Line, quantity: string | undefined): string | null {
  if (!quantity || !QUANTITY.test(quantity.trim()) || money.compare(quantity.trim(), 0) <= 0) return null;
  return money.format(money.parse(line.lineAmount).times(quantity.trim()).div(line.quantity));
}

/** 下达订单: pick the lines of a signed contract and the quantities to ship, with the live amount. */
export function OrderFormPage() {
  const { t } = useTranslation('orders');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const [params] = useSearchParams();
  const contractId = params.get('contractId') ?? undefined;
  const orderable = useOrderableLines(contractId);
  const create = useCreateOrder();
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const watched = Form.useWatch('lines', form) as Values['lines'] | undefined;

  if (!contractId) return <PageContainer title={t('form.title')}><Alert type="info" showIcon title={t('form.noContract')} /></PageContainer>;
  if (orderable.isError) return <PageContainer title={t('form.title')}><ErrorAlert error={orderable.error} /></PageContainer>;
  const data = orderable.data;
  if (!data) return <PageContainer title={t('form.title')}><Card loading /></PageContainer>;

  const amounts = data.lines.map((l) => lineAmount(l, watched?.[l.contractLineIndex]?.quantity));
  const total = money.add(...amounts.map((a) => a ?? '0'));
  const submit = (v: Values) => {
    clearFormError();
    const picked = data.lines.filter((l) => (v.lines?.[l.contractLineIndex]?.quantity ?? '').trim() !== '');
    if (picked.length === 0) {
      void message.warning(t('form.noLines'));
      return;
    }
    create.mutate({
      contractId: data.contract.id, dueDate: v.dueDate.format('YYYY-MM-DD'), priority: v.priority,
      deliveryAddress: v.deliveryAddress?.trim() || null, note: v.note?.trim() || null,
      lines: picked.map((l) => ({ contractLineIndex: l.contractLineIndex, quantity: v.lines[l.contractLineIndex]!.quantity!.trim(), packaging: v.lines[l.contractLineIndex]?.packaging?.trim() || null })),
    }, {
      onSuccess: (o) => { void message.success(t('form.created')); navigate(`/orders/${o.id}`); },
      // the server names lines by their position in the request; the form by contract line
      onError: (error) => handleError(isApiError(error) ? new ApiError(error.status, error.code, error.message, error.details.map((d) => ({
        ...d, path: d.path.replace(/^lines\.(\d+)\./, (_, k: string) => `lines.${picked[Number(k)]?.contractLineIndex ?? k}.`),
      }))) : error),
    });
  };

  return (
    <PageContainer title={t('form.title')}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'contract', label: t('form.contract'), children: <Link to={`/contracts/${data.contract.id}`}>{data.contract.number} {data.contract.title}</Link> },
            { key: 'customer', label: t('field.customer'), children: data.contract.customer.name },
          ]} />
          {!data.isOrderable ? <Alert type="warning" showIcon title={t('form.notOrderable')} /> : null}
        </Card>
        <ErrorAlert error={formError} />
        <Form form={form} layout="vertical" onFinish={submit} disabled={!data.isOrderable} initialValues={{ priority: 'normal', dueDate: dayjs().add(14, 'day'), lines: {} }}>
          <Card size="small" title={t('form.pickLines')}>
            <Table<Line> rowKey="contractLineIndex" size="small" pagination={false} dataSource={data.lines} scroll={isPhone ? undefined : { x: 900 }} data-testid="order-lines"
              columns={isPhone ? [{
                title: t('field.product'), key: 'line',
                render: (_, l) => (
                  <Flex vertical gap={6}>
                    <Flex justify="space-between" gap={8}><Typography.Text strong>{l.description}</Typography.Text><Typography.Text>{formatMoney(amounts[data.lines.indexOf(l)] ?? null)}</Typography.Text></Flex>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('field.contractQuantity')} {l.quantity}{l.unit} · {t('field.remaining')} {l.remaining}{l.unit} · {formatMoney(l.unitPrice)}
                    </Typography.Text>
                    <Flex gap={8}>
                      <Form.Item name={['lines', l.contractLineIndex, 'quantity']} style={{ margin: 0, flex: 1 }} rules={[{ pattern: QUANTITY, message: t('field.quantityFormat') }]}>
                        <Input inputMode="decimal" maxLength={17} placeholder={`${t('field.quantity')} ≤ ${l.remaining}`} aria-label={`${l.description} ${t('field.quantity')}`} disabled={money.compare(l.remaining, 0) <= 0} data-testid={`order-qty-${l.contractLineIndex}`} />
                      </Form.Item>
                      <Form.Item name={['lines', l.contractLineIndex, 'packaging']} style={{ margin: 0, flex: 1 }}>
                        <Input maxLength={200} placeholder={t('field.packaging')} aria-label={`${l.description} ${t('field.packaging')}`} disabled={money.compare(l.remaining, 0) <= 0} />
                      </Form.Item>
                    </Flex>
                  </Flex>
                ),
              }] : [
                { title: t('field.product'), dataIndex: 'description', width: 200 },
                { title: t('field.unit'), dataIndex: 'unit', width: 60 },
                { title: t('field.contractQuantity'), dataIndex: 'quantity', width: 90, align: 'right' },
                { title: t('field.remaining'), dataIndex: 'remaining', width: 90, align: 'right', render: (r: string) => <Typography.Text strong={money.compare(r, 0) > 0} type={money.compare(r, 0) > 0 ? undefined : 'secondary'}>{r}</Typography.Text> },
                { title: t('field.unitPrice'), key: 'unitPrice', width: 120, align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
                {
                  title: t('field.quantity'), key: 'quantity', width: 130,
                  render: (_, l) => (
                    <Form.Item name={['lines', l.contractLineIndex, 'quantity']} style={{ margin: 0 }} rules={[{ pattern: QUANTITY, message: t('field.quantityFormat') }]}>
                      <Input inputMode="decimal" maxLength={17} placeholder={l.remaining} aria-label={`${l.description} ${t('field.quantity')}`} disabled={money.compare(l.remaining, 0) <= 0} data-testid={`order-qty-${l.contractLineIndex}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('field.packaging'), key: 'packaging', width: 150,
                  render: (_, l) => (
                    <Form.Item name={['lines', l.contractLineIndex, 'packaging']} style={{ margin: 0 }}>
                      <Input maxLength={200} aria-label={`${l.description} ${t('field.packaging')}`} disabled={money.compare(l.remaining, 0) <= 0} />
                    </Form.Item>
                  ),
                },
                { title: t('field.lineAmount'), key: 'amount', width: 130, align: 'right', render: (_, l) => formatMoney(amounts[data.lines.indexOf(l)] ?? null) },
              ]} />
            <Flex justify="flex-end" style={{ marginTop: 12 }}>
              <Typography.Text>{t('form.total')}：<Typography.Text strong style={{ fontSize: 16 }} data-testid="order-total">{formatMoney(total)}</Typography.Text></Typography.Text>
            </Flex>
          </Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Flex wrap gap={16}>
              <Form.Item name="dueDate" label={t('field.dueDate')} rules={[{ required: true, message: t('field.required') }]}>
                <DatePicker style={{ width: 180 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="priority" label={t('field.priority')}>
                <Radio.Group optionType="button" options={[{ value: 'normal', label: t('priority.normal') }, { value: 'rush', label: t('priority.rush') }]} />
              </Form.Item>
            </Flex>
            <Form.Item name="deliveryAddress" label={t('field.deliveryAddress')}><Input maxLength={500} /></Form.Item>
            <Form.Item name="note" label={t('field.note')}><Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} /></Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="order-submit">{t('form.submit')}</Button>
              <Button onClick={() => navigate(-1)}>{tp('actions.cancel')}</Button>
            </Space>
          </Card>
        </Form>
      </Flex>
    </PageContainer>
  );
}
