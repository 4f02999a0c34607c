import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateApiToken, type NewApiToken } from '../api';

/** Asks for a name, creates the token, then shows it once with a copy button. */
export function NewTokenModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateApiToken();
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const { formError, handleError, clearFormError } = useFormErrors(form);

  const close = () => {
    setCreated(null);
    form.resetFields();
    clearFormError();
    onClose();
  };

  if (created) {
    return (
      <Modal open={open} title={t('tokens.createdTitle')} onCancel={close} onOk={close} cancelButtonProps={{ style: { display: 'none' } }} okText={tp('actions.close')}>
        <Alert type="warning" showIcon title={t('tokens.createdWarning')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created.token }} code data-testid="new-token" style={{ wordBreak: 'break-all' }}>
          {created.token}
        </Typography.Paragraph>
      </Modal>
    );
  }

  return (
    <Modal open={open} title={t('tokens.create')} onCancel={close} okText={tp('actions.create')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'new-token-form', loading: create.isPending }} destroyOnHidden>
      <ErrorAlert error={formError} />
      <Form id="new-token-form" form={form} layout="vertical" onFinish={({ name }) => {
        clearFormError();
        create.mutate(name, { onSuccess: setCreated, onError: handleError });
      }}>
        <Form.Item name="name" label={t('tokens.name')} rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }, { max: 100 }]}>
          <Input autoFocus placeholder={t('tokens.namePlaceholder')} maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
