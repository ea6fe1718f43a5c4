import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAccount, useMayCall } from '../session/sessionContext';
import { NAV_ITEMS, navItemForPath, navItemsFor } from './navItems';

/** The left navigation. Items are real menu items (role="menuitem"), reachable by Tab and arrow keys. */
export function SideMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const may = useMayCall();
  const account = useAccount();
  const current = navItemForPath(location.pathname);

  return (
    <Menu
      theme="dark"
      mode="inline"
      aria-label={t('app.name')}
      selectedKeys={current ? [current.key] : []}
      onClick={({ key }) => {
        const item = NAV_ITEMS.find((i) => i.key === key);
        if (item) void navigate(item.path);
      }}
      items={navItemsFor(account.role, may).map((item) => ({
        key: item.key,
        icon: item.icon,
        label: t(`nav.${item.key}`),
        title: `${t(`nav.${item.key}`)} (${t('nav.shortcutHint', { key: item.shortcut })})`,
        'data-testid': `nav-${item.key}`,
      }))}
    />
  );
}
