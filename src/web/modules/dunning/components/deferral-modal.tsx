import { Alert, App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useRequestDeferral } from '../api';

/** 申请延期付款 for one receivable line: the new due date (≤ 3 months after the original one) and why; goes to approval. */
export function DeferralModal({ receivableId, dueDate, originalDueDate, onClose }: { receivableId: string; dueDate: string; originalDueDate: string; onClose: () => void }) {
  const { t } = useTranslation('dunning');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newDueDate: Dayjs; reason: string }>();
  const request = useRequestDeferral();
  const cap = dayjs(originalDueDate).add(3, 'month');
  const submit = (v: { newDueDate: Dayjs; reason: string }) => request.mutate(
    { receivableId, newDueDate: v.newDueDate.format('YYYY-MM-DD'), reason: v.reason },
    { onSuccess: () => { void message.success(t('defer.done')); onClose(); } },
  );
  return (
    <Modal open title={t('defer.title')} okText={t('action.submit')} onOk={() => form.submit()} confirmLoading={request.isPending} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon message={t('defer.help')} style={{ marginBottom: 16 }} />
      {request.isError ? <ErrorAlert error={request.error} /> : null}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="newDueDate" label={t('field.newDueDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => !d.isAfter(dayjs(dueDate), 'day') || d.isAfter(cap, 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
