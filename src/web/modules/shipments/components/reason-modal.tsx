import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';

/** A small form asking one reason (override request, cancellation); server field errors shown inline. */
export function ReasonModal({ open, title, okText, label, loading, onCancel, onSubmit }: {
  open: boolean; title: string; okText: string; label: string; loading: boolean; onCancel: () => void;
  onSubmit: (reason: string, onError: (e: unknown) => void) => void;
}) {
  const { t } = useTranslation('shipments');
  const [form] = Form.useForm<{ reason: string }>();
  const { formError, handleError } = useFormErrors(form);
  return (
    <Modal open={open} title={title} okText={okText} confirmLoading={loading} onCancel={onCancel} onOk={() => form.submit()} destroyOnHidden>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Form form={form} layout="vertical" style={{ marginTop: 12 }} onFinish={(v) => onSubmit(v.reason, handleError)} data-testid="reason-form">
        <Form.Item name="reason" label={label} rules={[{ required: true, whitespace: true, message: t('field.reason') }]}>
          <Input.TextArea autoFocus rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
