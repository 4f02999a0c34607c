import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useAccess } from '../access/access';
import type { AppRoute } from '../routing/route-types';
import { buildMenuItems, findRoute, pathOfMenuKey } from './build-menu';

/** The main menu, filtered by the user's permissions. */
export function SideMenu({ routes, onNavigate }: { routes: readonly AppRoute[]; onNavigate?: () => void }) {
  const { t } = useTranslation('platform');
  const { can } = useAccess();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = findRoute(routes, pathname)?.menuKey;
  return (
    <Menu
      theme="dark"
      mode="inline"
      aria-label={t('layout.mainMenu')}
      data-testid="main-menu"
      selectedKeys={selected ? [selected] : []}
      items={buildMenuItems(routes, can, t)}
      onClick={({ key }) => {
        const path = pathOfMenuKey(routes, key);
        if (path) navigate(path);
        onNavigate?.();
      }}
    />
  );
}
