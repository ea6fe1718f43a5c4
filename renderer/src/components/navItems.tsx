import type { ReactNode } from 'react';
import {
  AimOutlined,
  BarChartOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { HandlerName } from '../../../shared/contract';

export type NavKey = 'dashboard' | 'divisions' | 'map' | 'queue' | 'directory' | 'wall' | 'settings' | 'accounts' | 'stats';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Alt+<shortcut> opens the page. */
  shortcut: string;
  /** Other routes that belong to this page (a case opened from the queue). */
  also?: readonly string[];
  /** The handler the page cannot work without: the item is shown only to roles that may call it (mayCall). */
  requires?: HandlerName;
  /** The wall display's menu holds only the items marked so (the wall itself). */
  forWall?: boolean;
}

/** The left menu, in order; also the breadcrumb's titles and the Alt+1…9 shortcuts. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined />, shortcut: '1', requires: 'divisions.tree' },
  { key: 'divisions', path: '/divisions', icon: <ApartmentOutlined />, shortcut: '2', requires: 'divisions.tree' },
  { key: 'map', path: '/map', icon: <EnvironmentOutlined />, shortcut: '3', requires: 'map.boundaries' },
  { key: 'queue', path: '/queue', icon: <AimOutlined />, shortcut: '4', also: ['/cases'], requires: 'disputes.query' },
  { key: 'directory', path: '/directory', icon: <ShopOutlined />, shortcut: '5', requires: 'directory.list' },
  { key: 'wall', path: '/wall', icon: <DesktopOutlined />, shortcut: '6', forWall: true },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, shortcut: '7' },
  { key: 'accounts', path: '/accounts', icon: <TeamOutlined />, shortcut: '8', requires: 'accounts.list' },
  { key: 'stats', path: '/stats', icon: <BarChartOutlined />, shortcut: '9', requires: 'stats.sweepTable' },
];

/** The items a role's menu shows: those whose handler it may call; for the wall display, only the wall. */
export function navItemsFor(role: string, may: (name: HandlerName) => boolean): NavItem[] {
  if (role === 'wall') return NAV_ITEMS.filter((item) => item.forWall);
  return NAV_ITEMS.filter((item) => !item.requires || may(item.requires));
}

export function navItemForPath(pathname: string): NavItem | undefined {
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return NAV_ITEMS.find((item) => under(item.path) || (item.also ?? []).some(under));
}
