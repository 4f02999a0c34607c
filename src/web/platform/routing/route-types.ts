import type { ComponentType, LazyExoticComponent, ReactNode } from 'react';

export type MenuGroup = 'workspace' | 'pricing' | 'contracts' | 'finance' | 'reports' | 'settings' | 'admin';

/** One entry of the route table; each module exports a list of these from its routes.tsx. */
export interface AppRoute {
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** permission code required to open the page (and see its menu entry); absent = any signed-in user */
  access?: string;
  /** the menu entry highlighted while this route is open */
  menuKey?: string;
  /** shown in the menu when set */
  menu?: { label: () => string; icon?: ReactNode; group?: MenuGroup; order: number };
  /** outside the layout and reachable signed out (the login page) */
  isPublic?: boolean;
}
