import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Spin, Typography } from 'antd';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { useAccess } from '../access/access';
import type { AppRoute } from '../routing/route-types';
import { SideMenu } from './side-menu';

const SIDER_WIDTH = 216;

function Brand({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation('platform');
  const { user } = useAccess();
  return (
    <Link to="/" className="kairos-brand" aria-label={t('app.fullName')}>
      <span className="kairos-logo">K</span>
      {collapsed ? null : (
        <span className="kairos-brand-text">
          <strong>{t('app.name')}</strong>
          <small>{user?.workspaceName}</small>
        </span>
      )}
    </Link>
  );
}

/** Sider menu on wide screens, a drawer behind a menu button on phones; header actions on the right. */
export function AppLayout({ routes, headerActions }: { routes: readonly AppRoute[]; headerActions: ReactNode }) {
  const { t } = useTranslation('platform');
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isPhone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 24}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand collapsed={false} />
          <SideMenu routes={routes} onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider width={SIDER_WIDTH} collapsible collapsed={collapsed} trigger={null} breakpoint="lg" onBreakpoint={setCollapsed}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}>
          <Brand collapsed={collapsed} />
          <SideMenu routes={routes} />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="kairos-header">
          <Flex align="center" gap={4} style={{ minWidth: 0 }}>
            {isPhone ? (
              <>
                <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.openMenu')} data-testid="open-menu" onClick={() => setDrawerOpen(true)} />
                <Typography.Text strong ellipsis>{t('app.name')}</Typography.Text>
              </>
            ) : (
              <Button type="text" aria-label={collapsed ? t('layout.expandMenu') : t('layout.collapseMenu')}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />} onClick={() => setCollapsed(!collapsed)} />
            )}
          </Flex>
          <Flex align="center" gap={isPhone ? 0 : 4}>{headerActions}</Flex>
        </Layout.Header>
        <Layout.Content className={isPhone ? 'kairos-content kairos-content-phone' : 'kairos-content'}>
          <Suspense fallback={<Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
