import { BellOutlined, CheckSquareOutlined, RocketOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { PageContainer } from '../../../platform/layout/page-container';
import { useTodoCount } from '../../approvals/api';
import { useLatestNotifications } from '../../notifications/api';

/** Placeholder dashboard: greeting, my to-do count, unread notifications, and what is coming. */
export function HomePage() {
  const { t } = useTranslation('home');
  const { t: tp } = useTranslation('platform');
  const { user, can } = useAccess();
  const todo = useTodoCount();
  const notifications = useLatestNotifications();
  const roles = user?.roles.map((r) => tp(`role.${r}`)).join('、') ?? '';
  // the front desk's home is the registration page (domain §4.2): fast hands, no dashboard in between
  if (user?.roles.includes('receptionist') && can('reception:register')) return <Navigate to="/reception/desk" replace />;

  return (
    <PageContainer title={t('home.title')}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('home.greeting', { name: user?.name ?? '' })}</Typography.Title>
      <Typography.Paragraph type="secondary">{user?.workspaceName} · {t('home.roles', { roles })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {can('approval:read') ? (
          <Col xs={24} sm={12} lg={8}>
            <Card>
              <Statistic title={t('home.todo')} prefix={<CheckSquareOutlined />} loading={todo.isPending}
                value={todo.data?.count ?? 0} suffix={todo.data?.hasMore ? '+' : undefined} data-testid="todo-count" />
              <Link to="/inbox"><Button type="primary" style={{ marginTop: 12 }}>{t('home.openInbox')}</Button></Link>
            </Card>
          </Col>
        ) : null}
        <Col xs={24} sm={12} lg={8}>
          <Card>
            <Statistic title={t('home.unread')} prefix={<BellOutlined />} loading={notifications.isPending} value={notifications.data?.unreadCount ?? 0} />
            <Link to="/notifications"><Button style={{ marginTop: 12 }}>{t('home.openNotifications')}</Button></Link>
          </Card>
        </Col>
        <Col xs={24}>
          <Card>
            <Empty image={<RocketOutlined style={{ fontSize: 56, color: '#1677ff' }} />} styles={{ image: { height: 64 } }}
              description={(
                <div style={{ maxWidth: 640, margin: '0 auto' }}>
                  <Typography.Title level={5}>{t('home.comingTitle')}</Typography.Title>
                  <Typography.Paragraph type="secondary">{t('home.comingDescription')}</Typography.Paragraph>
                  <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('home.comingModules')}</Typography.Paragraph>
                </div>
              )} />
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
