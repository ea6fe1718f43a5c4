import type { ReactNode } from 'react';
import {
  AimOutlined,
  ApartmentOutlined,
  DashboardOutlined,
  DesktopOutlined,
  EnvironmentOutlined,
  SettingOutlined,
  ShopOutlined,
} from '@ant-design/icons';

export type NavKey = 'dashboard' | 'divisions' | 'map' | 'queue' | 'directory' | 'wall' | 'settings';

export interface NavItem {
  key: NavKey;
  path: string;
  icon: ReactNode;
  /** Alt+<shortcut> opens the page. */
  shortcut: string;
  /** Other routes that belong to this page (a case opened from the queue). */
  also?: readonly string[];
}

/** The left menu, in order; also the breadcrumb's titles and the Alt+1…7 shortcuts. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', icon: <DashboardOutlined />, shortcut: '1' },
  { key: 'divisions', path: '/divisions', icon: <ApartmentOutlined />, shortcut: '2' },
  { key: 'map', path: '/map', icon: <EnvironmentOutlined />, shortcut: '3' },
  { key: 'queue', path: '/queue', icon: <AimOutlined />, shortcut: '4', also: ['/cases'] },
  { key: 'directory', path: '/directory', icon: <ShopOutlined />, shortcut: '5' },
  { key: 'wall', path: '/wall', icon: <DesktopOutlined />, shortcut: '6' },
  { key: 'settings', path: '/settings', icon: <SettingOutlined />, shortcut: '7' },
];

export function navItemForPath(pathname: string): NavItem | undefined {
  const under = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  return NAV_ITEMS.find((item) => under(item.path) || (item.also ?? []).some(under));
}
