import { DatePicker, Form, Input, Modal, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { activityTypes } from '../../../../shared/contracts/activities.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateActivity, type TimelineOf } from '../api';

interface Values { type: string; subject: string; occurredAt: Dayjs; notes?: string; outcome?: string; location?: string }

/** Logs (or plans) an activity on a customer or an opportunity; keyboard: Tab through, Enter submits. */
export function ActivityFormModal({ of, open, onClose }: { of: TimelineOf; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('activities');
  const [form] = Form.useForm<Values>();
  const create = useCreateActivity();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = async (values: Values) => {
    clearFormError();
    try {
      await create.mutateAsync({
        ...of, type: values.type as (typeof activityTypes)[number], subject: values.subject, occurredAt: values.occurredAt.toISOString(),
        notes: values.notes || null, outcome: values.outcome || null, location: values.location || null,
      });
      message.success(t('activity.saved'));
      form.resetFields();
      onClose();
    } catch (error) { handleError(error); }
  };
  return (
    <Modal open={open} title={t('activity.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden forceRender>
      <ErrorAlert error={formError} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ type: 'visit', occurredAt: dayjs() }} data-testid="activity-form">
        <Form.Item name="type" label={t('activity.type')} rules={[{ required: true }]}>
          <Select autoFocus options={activityTypes.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('activity.subject')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('activity.occurredAt')} rules={[{ required: true }]} extra={t('activity.plannedHint')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="location" label={t('activity.location')}><Input maxLength={300} /></Form.Item>
        <Form.Item name="notes" label={t('activity.notes')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Form.Item name="outcome" label={t('activity.outcome')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
