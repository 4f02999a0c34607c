import { App, Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useTransferCustomer, type CustomerDetail } from '../api';
import { UserSelect } from './user-select';

/** Asks to transfer a customer to another rep; the owner changes only once the approval passes. */
export function TransferModal({ customer, onClose }: { customer: CustomerDetail; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toUserId: string; reason: string }>();
  const transfer = useTransferCustomer();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = (v: { toUserId: string; reason: string }) => {
    clearFormError();
    transfer.mutate({ id: customer.id, ...v }, {
      onSuccess: (result) => { void message.success(result.status === 'approved' ? t('transfer.approved') : t('transfer.submitted')); onClose(); },
      onError: handleError,
    });
  };
  return (
    <Modal open title={t('transfer.title', { name: customer.name })} onCancel={onClose} okText={tp('actions.submit')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'transfer-form', loading: transfer.isPending }}>
      <Alert type="info" showIcon title={t('transfer.hint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id="transfer-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="toUserId" label={t('transfer.toUser')} rules={[{ required: true, message: t('field.required') }]}>
          <UserSelect salesOnly autoFocus excludeIds={[customer.ownerId]} />
        </Form.Item>
        <Form.Item name="reason" label={t('transfer.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
