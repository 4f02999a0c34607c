import { App, DatePicker, Form, Input, Modal, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { orderChangeKinds, type OrderChangeKind } from '../../../../shared/contracts/orders.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useOrderableLines, useRequestOrderChange, type Order, type OrderChangeInput } from '../api';

const QUANTITY = /^\d{1,12}(\.\d{1,4})?$/;
interface Values {
  kind: OrderChangeKind; reason: string; dueDate?: Dayjs; lineIndex?: number; productId?: string;
  lines?: Record<number, { quantity?: string; packaging?: string }>;
}

/** Asks for one order change; its fields follow the kind. It applies once approved. */
export function OrderChangeModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation('orders');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const request = useRequestOrderChange(order.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const kind = Form.useWatch('kind', form) ?? 'rush';
  const orderable = useOrderableLines(kind === 'product' ? order.contract.id : undefined);
  const lineOptions = order.lines.map((l, i) => ({ value: i, label: `#${i + 1} ${l.description}` }));
  const productOptions = (orderable.data?.lines ?? []).filter((l) => l.productId).map((l) => ({ value: l.productId!, label: l.description }));

  const bodyOf = (v: Values): OrderChangeInput => {
    const base = { version: order.version, reason: v.reason };
    switch (v.kind) {
      case 'quantity': return { ...base, kind: 'quantity', lines: order.lines.map((l, i) => ({ lineIndex: i, quantity: (v.lines?.[i]?.quantity ?? l.quantity).trim() })).filter((l, i) => l.quantity !== order.lines[i]!.quantity) };
      case 'packaging': return { ...base, kind: 'packaging', lines: order.lines.map((l, i) => ({ lineIndex: i, packaging: v.lines?.[i]?.packaging?.trim() || null })) };
      case 'due_date': return { ...base, kind: 'due_date', dueDate: v.dueDate!.format('YYYY-MM-DD') };
      case 'rush': return { ...base, kind: 'rush', ...(v.dueDate ? { dueDate: v.dueDate.format('YYYY-MM-DD') } : {}) };
      case 'product': return { ...base, kind: 'product', lineIndex: v.lineIndex!, productId: v.productId! };
      case 'cancellation': return { ...base, kind: 'cancellation' };
    }
  };
  const submit = (v: Values) => {
    clearFormError();
    request.mutate(bodyOf(v), { onSuccess: () => { void message.success(t('change.submitted')); onClose(); }, onError: handleError });
  };
  const required = [{ required: true, message: t('field.required') }];

  return (
    <Modal open title={`${t('change.title')} · ${order.number}`} width={680} onCancel={onClose} okText={tp('actions.submit')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'order-change-form', loading: request.isPending }}>
      <ErrorAlert error={formError} />
      <Form id="order-change-form" form={form} layout="vertical" onFinish={submit}
        initialValues={{ kind: 'rush', reason: '', lines: Object.fromEntries(order.lines.map((l, i) => [i, { quantity: l.quantity, packaging: l.packaging ?? '' }])) }}>
        <Form.Item name="kind" label={t('change.kind')}>
          <Select options={orderChangeKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} data-testid="order-change-kind" />
        </Form.Item>
        {kind === 'due_date' || kind === 'rush' ? (
          <Form.Item name="dueDate" label={kind === 'rush' ? t('change.rushDueDate') : t('change.newDueDate')} rules={kind === 'due_date' ? required : []}>
            <DatePicker style={{ width: 200 }} disabledDate={(d) => d.isBefore(dayjs(), 'day') || (kind === 'rush' && d.isAfter(dayjs(order.dueDate), 'day'))} />
          </Form.Item>
        ) : null}
        {kind === 'quantity' || kind === 'packaging' ? (
          <Table rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={order.lines} style={{ marginBottom: 16 }}
            columns={[
              { title: t('field.product'), dataIndex: 'description' },
              { title: t('field.quantity'), key: 'q', width: 90, align: 'right', render: (_, l) => `${l.quantity}${l.unit}` },
              { title: t('field.shippedQuantity'), dataIndex: 'shippedQuantity', width: 80, align: 'right' },
              {
                title: kind === 'quantity' ? t('change.newQuantity') : t('change.newPackaging'), key: 'new', width: 160,
                render: (_, l, i) => (kind === 'quantity' ? (
                  <Form.Item name={['lines', i, 'quantity']} style={{ margin: 0 }} rules={[...required, { pattern: QUANTITY, message: t('field.quantityFormat') }]}>
                    <Input inputMode="decimal" maxLength={17} aria-label={`${l.description} ${t('change.newQuantity')}`} />
                  </Form.Item>
                ) : (
                  <Form.Item name={['lines', i, 'packaging']} style={{ margin: 0 }}><Input maxLength={200} aria-label={`${l.description} ${t('change.newPackaging')}`} /></Form.Item>
                )),
              },
            ]} />
        ) : null}
        {kind === 'product' ? (
          <>
            <Form.Item name="lineIndex" label={t('change.line')} rules={required}><Select options={lineOptions} /></Form.Item>
            <Form.Item name="productId" label={t('change.newProduct')} rules={required}><Select options={productOptions} loading={orderable.isPending} /></Form.Item>
          </>
        ) : null}
        {kind === 'cancellation' ? <Typography.Paragraph type="warning">{t('change.cancelHint')}</Typography.Paragraph> : null}
        <Form.Item name="reason" label={t('change.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('change.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
