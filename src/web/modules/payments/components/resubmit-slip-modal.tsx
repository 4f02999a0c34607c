import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../shared/dates';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useResubmitPaymentSlip, type PaymentSlip } from '../api';
import { parseAmount } from './payment-format';

const methods = ['bank_transfer', 'acceptance_bill', 'cash', 'other'] as const;

/** 修改并重新提交: the filer corrects a slip the sales manager returned; it goes to a new approval round. */
export function ResubmitSlipModal({ slip, onClose }: { slip: PaymentSlip; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const { message } = App.useApp();
  const resubmit = useResubmitPaymentSlip();
  const [amount, setAmount] = useState(slip.amount);
  const [receivedOn, setReceivedOn] = useState(slip.receivedOn);
  const [method, setMethod] = useState<(typeof methods)[number]>(slip.method);
  const [reference, setReference] = useState(slip.reference ?? '');
  const [note, setNote] = useState(slip.note ?? '');
  const parsed = parseAmount(amount);
  return (
    <Modal open title={t('mySlips.resubmitTitle')} okText={t('mySlips.resubmitOk')} okButtonProps={{ disabled: parsed === null, id: 'slip-resubmit-ok' }} confirmLoading={resubmit.isPending} onCancel={onClose}
      onOk={() => resubmit.mutate({ id: slip.id, version: slip.version, amount: parsed!, receivedOn, method, reference: reference.trim() || undefined, note: note.trim() || undefined }, {
        onSuccess: () => { void message.success(t('mySlips.resubmitted')); onClose(); },
      })}>
      <Typography.Paragraph>{slip.customer.name} · {slip.contract.number}</Typography.Paragraph>
      {slip.decisionComment ? <Typography.Paragraph type="warning">{t('mySlips.reason', { reason: slip.decisionComment })}</Typography.Paragraph> : null}
      {resubmit.isError ? <ErrorAlert error={resubmit.error} /> : null}
      <Form layout="vertical">
        <Form.Item label={t('field.amount')} required validateStatus={parsed === null ? 'error' : undefined}><Input prefix="¥" value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="resubmit-amount" /></Form.Item>
        <Form.Item label={t('field.receivedOn')} required>
          <DatePicker value={dayjs(receivedOn)} allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > todayIn()} onChange={(d) => d && setReceivedOn(d.format('YYYY-MM-DD'))} />
        </Form.Item>
        <Form.Item label={t('field.method')}><Select value={method} onChange={setMethod} options={methods.map((m) => ({ value: m, label: t(`method.${m}`) }))} /></Form.Item>
        <Form.Item label={t('field.reference')}><Input value={reference} maxLength={100} onChange={(e) => setReference(e.target.value)} data-testid="resubmit-reference" /></Form.Item>
        <Form.Item label={t('mySlips.note')}><Input.TextArea value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} /></Form.Item>
      </Form>
    </Modal>
  );
}
