import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFilePaymentSlip, type Receivable } from '../api';
import { parseAmount } from './payment-format';

const methods = ['bank_transfer', 'acceptance_bill', 'cash', 'other'] as const;

/** 填缴款单: the rep confirms a prepayment arrived; the slip goes to the sales manager, then finance records it. */
export function PaymentSlipModal({ line, onClose }: { line: Receivable; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const { message } = App.useApp();
  const file = useFilePaymentSlip();
  const [amount, setAmount] = useState(line.outstanding);
  const [receivedOn, setReceivedOn] = useState(todayIn());
  const [method, setMethod] = useState<(typeof methods)[number]>('bank_transfer');
  const [reference, setReference] = useState('');
  const parsed = parseAmount(amount);
  return (
    <Modal open title={t('slip.title')} okText={t('slip.submit')} okButtonProps={{ disabled: parsed === null, id: 'slip-submit' }} confirmLoading={file.isPending} onCancel={onClose}
      onOk={() => file.mutate({ receivableId: line.id, amount: parsed!, receivedOn, method, reference: reference.trim() || undefined }, {
        onSuccess: () => { void message.success(t('slip.done')); onClose(); },
      })}>
      <Typography.Paragraph>{line.customer.name} · {line.contract.number} · {t(`kind.${line.kind}`)} · {t('field.outstanding')} {formatMoney(line.outstanding)}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('slip.intro')}</Typography.Paragraph>
      {file.isError ? <ErrorAlert error={file.error} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('field.amount')} required validateStatus={parsed === null ? 'error' : undefined}><Input prefix="¥" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="slip-amount" /></Form.Item>
        <Form.Item label={t('field.receivedOn')} required>
          <DatePicker value={dayjs(receivedOn)} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIn()} onChange={(d) => d && setReceivedOn(d.format('YYYY-MM-DD'))} />
        </Form.Item>
        <Form.Item label={t('field.method')}><Select value={method} onChange={setMethod} options={methods.map((m) => ({ value: m, label: t(`method.${m}`) }))} /></Form.Item>
        <Form.Item label={t('field.reference')}><Input value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}
