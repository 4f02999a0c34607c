import { App, Button, DatePicker, Form, Input, Modal, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useWarehouseStep, type Shipment, type ShipmentSummary, type WarehouseStep } from '../api';

type Target = Pick<ShipmentSummary, 'id' | 'version' | 'status'>;
export const stepOfStatus = (status: ShipmentSummary['status']): WarehouseStep | null =>
  ({ pending_review: 'review', reviewed: 'pick', picked: 'pack', packed: 'ship', shipped: 'deliver' } as const)[status as 'pending_review'] ?? null;

/**
 * The warehouse's next step on a shipment: review (approve, or return with a reason), pick, pack
 * at once; ship (carrier and tracking) and hand-over (receiver, when) through a small form.
 */
export function useWarehouseActions() {
  const { t } = useTranslation('shipments');
  const { message } = App.useApp();
  const step = useWarehouseStep();
  const [form] = Form.useForm();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const [dialog, setDialog] = useState<{ target: Target; kind: 'ship' | 'deliver' | 'return' } | null>(null);

  const run = (target: Target, kind: WarehouseStep | 'return', body: Record<string, unknown> = {}) => {
    const path: WarehouseStep = kind === 'return' ? 'review' : kind;
    const payload = kind === 'return' ? { decision: 'return', ...body } : kind === 'review' ? { decision: 'approve' } : body;
    step.mutate({ id: target.id, step: path, body: { version: target.version, ...payload } }, {
      onSuccess: () => { setDialog(null); form.resetFields(); void message.success(t('done', { step: t(`step.${kind}`) })); },
      onError: (e) => { if (dialog || kind === 'ship' || kind === 'deliver' || kind === 'return') handleError(e); else void message.error((e as Error).message); },
    });
  };

  /** Takes the next step: at once for review/pick/pack, through the form for ship/deliver. */
  const next = (target: Target) => {
    const s = stepOfStatus(target.status);
    if (!s) return;
    if (s === 'ship' || s === 'deliver') { clearFormError(); form.resetFields(); setDialog({ target, kind: s }); return; }
    run(target, s);
  };
  const returnNotice = (target: Target) => { clearFormError(); form.resetFields(); setDialog({ target, kind: 'return' }); };

  const modal = (
    <Modal open={dialog !== null} title={dialog ? t(`modal.${dialog.kind}`) : ''} okText={dialog ? t(`step.${dialog.kind}`) : ''} confirmLoading={step.isPending}
      onCancel={() => setDialog(null)} onOk={() => form.submit()} destroyOnHidden>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} data-testid="warehouse-step-form"
        onFinish={(v: Record<string, unknown>) => {
          if (!dialog) return;
          if (dialog.kind === 'deliver') run(dialog.target, 'deliver', { receiver: v.receiver, handedOverAt: (v.handedOverAt as dayjs.Dayjs).toISOString() });
          else run(dialog.target, dialog.kind, v);
        }}>
        {dialog?.kind === 'ship' ? (
          <>
            <Form.Item name="carrier" label={t('field.carrier')} rules={[{ required: true, whitespace: true }]}><Input autoFocus maxLength={100} /></Form.Item>
            <Form.Item name="trackingNo" label={t('field.trackingNo')} rules={[{ required: true, whitespace: true }]}><Input maxLength={100} /></Form.Item>
          </>
        ) : null}
        {dialog?.kind === 'deliver' ? (
          <>
            <Form.Item name="receiver" label={t('field.receiver')} rules={[{ required: true, whitespace: true }]}><Input autoFocus maxLength={100} /></Form.Item>
            <Form.Item name="handedOverAt" label={t('field.handedOverAt')} initialValue={dayjs()} rules={[{ required: true }]}><DatePicker showTime style={{ width: '100%' }} /></Form.Item>
          </>
        ) : null}
        {dialog?.kind === 'return' ? (
          <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true }]}><Input.TextArea autoFocus rows={3} maxLength={2000} /></Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
  return { next, returnNotice, modal, pending: step.isPending };
}

/** Buttons for the next warehouse step of one shipment (and "return" while it waits for review). */
export function WarehouseStepButtons({ shipment, actions, size }: { shipment: Shipment | ShipmentSummary; actions: ReturnType<typeof useWarehouseActions>; size?: 'small' | 'middle' }) {
  const { t } = useTranslation('shipments');
  const s = stepOfStatus(shipment.status);
  if (!s) return null;
  return (
    <Space size={4} wrap>
      <Button size={size} type="primary" loading={actions.pending} onClick={() => actions.next(shipment)} data-testid={`step-${s}`}>{t(`step.${s}`)}</Button>
      {s === 'review' ? <Button size={size} danger onClick={() => actions.returnNotice(shipment)}>{t('step.return')}</Button> : null}
    </Space>
  );
}
