import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../platform/access/session';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { LanguageSwitch } from '../../../platform/layout/language-switch';
import { useLogin, type LoginInput } from '../api';

/** Only same-site paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation('auth');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { formError, handleError, clearFormError } = useFormErrors(form);

  useEffect(() => {
    document.title = `${t('login.title')} · ${tp('app.fullName')}`;
  }, [t, tp]);

  if (session.data) return <Navigate to={next} replace />;

  const submit = (values: LoginInput) => {
    clearFormError();
    login.mutate(values, { onSuccess: () => navigate(next, { replace: true }), onError: handleError });
  };

  return (
    <Flex vertical align="center" justify="center" className="kairos-login">
      <div style={{ position: 'absolute', top: 12, right: 12 }}><LanguageSwitch /></div>
      <Card style={{ width: '100%', maxWidth: 380 }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <span className="kairos-logo kairos-logo-large">K</span>
          <Typography.Title level={3} style={{ margin: '8px 0 0' }}>{tp('app.fullName')}</Typography.Title>
          <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
        </Flex>
        <ErrorAlert error={formError} />
        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} onValuesChange={clearFormError} data-testid="login-form">
          <Form.Item name="login" label={t('login.login')} rules={[{ required: true, whitespace: true, message: t('login.required', { field: t('login.login') }) }]}>
            <Input prefix={<UserOutlined />} placeholder={t('login.loginPlaceholder')} autoFocus autoComplete="username" size="large" />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}>
            <Input.Password prefix={<LockOutlined />} placeholder={t('login.passwordPlaceholder')} autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>{t('login.submit')}</Button>
        </Form>
      </Card>
    </Flex>
  );
}
