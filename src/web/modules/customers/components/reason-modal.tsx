import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { usePoolCommand, type CustomerDetail } from '../api';

/** Release to the pool or lock, with an optional reason; refusals (lock cap…) show in the dialog. */
export function ReasonModal({ customer, command, onClose }: { customer: CustomerDetail; command: 'release' | 'lock'; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const run = usePoolCommand();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = ({ reason }: { reason?: string }) => {
    clearFormError();
    run.mutate({ id: customer.id, command, reason: reason?.trim() || undefined }, {
      onSuccess: () => { void message.success(t(`${command}.done`)); onClose(); },
      onError: handleError,
    });
  };
  return (
    <Modal open title={t(`${command}.title`, { name: customer.name })} onCancel={onClose} okText={tp('actions.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: `${command}-form`, danger: command === 'release', loading: run.isPending, ...{ 'data-testid': `confirm-${command}` } }}>
      <Alert type="info" showIcon title={t(`${command}.hint`)} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id={`${command}-form`} form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t(`${command}.reason`)}>
          <Input.TextArea autoFocus maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
