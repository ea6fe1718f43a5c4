import { useState } from 'react';
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { CalendarOutlined, EnvironmentOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAccount, useSession } from '../session/sessionContext';
import { formatDate } from '../lib/format';
import { roleLabel } from '../lib/labels';
import { LanguageSwitch } from './LanguageSwitch';
import { ChangePasswordDialog } from '../pages/accounts/ChangePasswordDialog';
import { SyncIndicator } from './SyncIndicator';

/** Node, the core's "today" (demo-tagged), the account, language and logout. */
export function AppHeader() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { info, logout, mustChangePassword, passwordChanged } = useSession();
  const account = useAccount();
  const [changing, setChanging] = useState(false);

  const onLogout = async () => {
    await logout();
    void navigate('/login', { replace: true });
  };

  return (
    <Flex align="center" justify="space-between" gap={16} style={{ height: '100%' }}>
      <Space size={16} wrap={false}>
        <Typography.Text strong data-testid="header-node" title={t('header.node')}>
          <EnvironmentOutlined /> {info?.node?.name ?? t('header.noNode')}
        </Typography.Text>
        {info && (
          <Typography.Text data-testid="header-today" title={t('header.today')}>
            <CalendarOutlined /> <span className="gc-sr-only">{t('header.today')}</span>
            {formatDate(info.today, t('format.date'))}
          </Typography.Text>
        )}
        {info?.demo && (
          <Tooltip title={t('header.demoHint')}>
            <Tag color="orange" data-testid="header-demo-tag" style={{ marginInlineEnd: 0 }}>
              {t('header.demo')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      <Space size={12} wrap={false}>
        <SyncIndicator />
        <Typography.Text data-testid="header-account" title={t('header.account')}>
          <UserOutlined /> {account.displayName}
          <Tag style={{ marginInlineStart: 8 }} data-testid="header-role">
            {roleLabel(t, account.role)}
          </Tag>
        </Typography.Text>
        <LanguageSwitch />
        <Button size="small" icon={<KeyOutlined />} onClick={() => setChanging(true)} data-testid="change-password-open">
          {t('accounts.changePassword')}
        </Button>
        <Button size="small" icon={<LogoutOutlined />} onClick={() => void onLogout()} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Space>
      {/* A one-time password (an admin's reset) must be changed before anything else: the dialog stays. */}
      <ChangePasswordDialog
        open={changing || mustChangePassword}
        forced={mustChangePassword}
        username={account.username}
        onCancel={() => setChanging(false)}
        onDone={() => {
          setChanging(false);
          passwordChanged();
        }}
      />
    </Flex>
  );
}
