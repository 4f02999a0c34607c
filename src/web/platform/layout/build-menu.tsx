import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { matchPath } from 'react-router-dom';
import type { AppRoute, MenuGroup } from '../routing/route-types';

type MenuItem = NonNullable<MenuProps['items']>[number];

const groupOrder: MenuGroup[] = ['workspace', 'pricing', 'contracts', 'finance', 'reports', 'settings', 'admin'];

/** The menu a user sees: only entries whose permission they hold; groups left empty disappear. */
export function buildMenuItems(routes: readonly AppRoute[], can: (permission?: string) => boolean, t: TFunction<'platform'>): MenuItem[] {
  const visible = routes.filter((r) => r.menu && r.menuKey && can(r.access)).sort((a, b) => a.menu!.order - b.menu!.order);
  const toItem = (r: AppRoute): MenuItem => ({ key: r.menuKey!, icon: r.menu!.icon, label: r.menu!.label(), 'data-path': r.path } as MenuItem);
  const top = visible.filter((r) => !r.menu!.group).map(toItem);
  const groups = groupOrder.flatMap((group): MenuItem[] => {
    const children = visible.filter((r) => r.menu!.group === group).map(toItem);
    return children.length === 0 ? [] : [{ type: 'group', key: `group:${group}`, label: t(`menu.group.${group}`), children }];
  });
  return [...top, ...groups];
}

/** The route (hence menu entry) matching a location. */
export function findRoute(routes: readonly AppRoute[], pathname: string): AppRoute | undefined {
  return routes.find((r) => matchPath({ path: r.path, end: true }, pathname));
}

export function pathOfMenuKey(routes: readonly AppRoute[], key: string): string | undefined {
  return routes.find((r) => r.menuKey === key && r.menu)?.path;
}
