import { App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateNeed } from '../api';
import { MotCustomerSelect } from './mot-customer-select';

interface Values { customerId?: string; title: string; description?: string }

/** Opens a customer need at explore (the customer fixed when opened from the customer page). */
export function NeedFormModal({ customerId, onClose }: { customerId?: string; onClose: () => void }) {
  const { t } = useTranslation('mot');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateNeed();
  const { formError, handleError } = useFormErrors(form);
  const required = { required: true, whitespace: true, message: t('field.required') };
  const submit = (v: Values) => create.mutate({ customerId: customerId ?? v.customerId ?? '', title: v.title, description: v.description || null }, {
    onSuccess: () => { void message.success(t('needs.created')); onClose(); },
    onError: handleError,
  });
  return (
    <Modal open title={t('needs.create')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ErrorAlert error={formError} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="need-form">
        {customerId ? null : <Form.Item name="customerId" label={t('field.customer')} rules={[{ required: true, message: t('field.required') }]}><MotCustomerSelect /></Form.Item>}
        <Form.Item name="title" label={t('field.title')} rules={[required]}><Input maxLength={200} autoFocus /></Form.Item>
        <Form.Item name="description" label={t('field.description')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}
