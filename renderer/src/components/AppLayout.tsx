import { useCallback, useState } from 'react';
import { Layout, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useNavigate } from 'react-router';
import { AppHeader } from './AppHeader';
import { AppBreadcrumb } from './AppBreadcrumb';
import { SideMenu } from './SideMenu';
import { useNavShortcuts } from './useNavShortcuts';
import { useSession } from '../session/sessionContext';
import { useIdleLock } from '../session/useIdleLock';

const SIDER_COLLAPSED_KEY = 'gridConsole.siderCollapsed';

/** The frame after login: left menu, header, breadcrumb, and the page. Only the content area scrolls. */
export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(() => readCollapsed());
  useNavShortcuts();
  const { policy, lockForIdle, mustChangePassword } = useSession();
  const navigate = useNavigate();
  // Shared office PCs: an unattended console locks itself after the node's idle time.
  useIdleLock(
    policy?.idleLockMinutes,
    useCallback(() => {
      void lockForIdle().then(() => navigate('/login', { replace: true }));
    }, [lockForIdle, navigate]),
  );

  const onCollapse = (value: boolean) => {
    setCollapsed(value);
    try {
      window.localStorage.setItem(SIDER_COLLAPSED_KEY, value ? '1' : '0');
    } catch {
      // not persisted: fine
    }
  };

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={onCollapse} width={176} collapsedWidth={56}>
        <Typography.Title
          level={5}
          style={{ color: '#fff', margin: 0, padding: '12px 16px', whiteSpace: 'nowrap', overflow: 'hidden' }}
          title={t('app.name')}
        >
          {collapsed ? t('app.siderTitleShort') : t('app.siderTitle')}
        </Typography.Title>
        <nav>
          <SideMenu />
        </nav>
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ borderBottom: '1px solid #f0f0f0', lineHeight: 'normal' }}>
          <AppHeader />
        </Layout.Header>
        <Layout.Content
          id="gc-content"
          style={{ padding: '8px 16px 16px', overflow: 'auto', display: 'flex', flexDirection: 'column', minHeight: 0 }}
        >
          <AppBreadcrumb />
          {/* antd's Layout.Content is the page's one main landmark. */}
          <div style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
            {/* With a one-time password the core answers nothing but the change: the page waits behind the dialog. */}
            {mustChangePassword ? null : <Outlet />}
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(SIDER_COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}
