import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { useChangePassword, type ChangePasswordInput } from '../api';

type Values = ChangePasswordInput & { confirm: string };

export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { formError, handleError, clearFormError } = useFormErrors(form);

  const submit = ({ currentPassword, newPassword }: Values) => {
    clearFormError();
    change.mutate({ currentPassword, newPassword }, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('password.changed'));
      },
      onError: handleError,
    });
  };

  return (
    <PageContainer title={t('password.title')}>
      <Card style={{ maxWidth: 520 }}>
        <ErrorAlert error={formError} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="currentPassword" label={t('password.current')} rules={[{ required: true, message: t('password.required') }]}>
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t('password.new')} extra={t('password.newHint')}
            rules={[{ required: true, message: t('password.required') }, { min: 8, message: t('password.tooShort') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="confirm" label={t('password.confirm')} dependencies={['newPassword']}
            rules={[{ required: true, message: t('password.required') }, ({ getFieldValue }) => ({
              validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch')))),
            })]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>{t('password.title')}</Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
