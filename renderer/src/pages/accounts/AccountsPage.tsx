import { useCallback, useState } from 'react';
import { Alert, App, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import type { AccountRow } from '../../../../shared/contract/accounts';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { useAccount, useMayCall } from '../../session/sessionContext';
import { errorText } from '../../lib/errorText';
import { roleLabel } from '../../lib/labels';
import { useDivisionTree } from '../directory/useDivisionTree';
import { AccountFormModal } from './AccountFormModal';
import { SessionPolicyCard } from './SessionPolicyCard';

/** The admin's staff page; another role (who came back to it after logging in) goes to the dashboard. */
export function AccountsPage() {
  const mayCall = useMayCall();
  if (!mayCall('accounts.list')) return <Navigate to="/dashboard" replace />;
  return <AccountsAdmin />;
}

/** Create, edit, disable or enable, reset a password to a one-time one. */
function AccountsAdmin() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const me = useAccount();
  const list = useCall('accounts.list', {});
  const divisions = useDivisionTree();
  const [editing, setEditing] = useState<AccountRow | null | 'new'>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        list.reload();
      } catch (err) {
        void message.error(errorText(err, t, i18n.language));
      }
    },
    [list, message, t, i18n.language],
  );

  const reset = (a: AccountRow) =>
    run(async () => {
      const { oneTimePassword } = await call('accounts.resetPassword', { id: a.id });
      modal.info({
        title: t('accounts.oneTimeTitle'),
        okText: t('accounts.close'),
        content: (
          <>
            <Typography.Paragraph>{t('accounts.oneTimeText', { name: a.displayName })}</Typography.Paragraph>
            <Typography.Text code copyable style={{ fontSize: 18 }} data-testid="one-time-password">
              {oneTimePassword}
            </Typography.Text>
          </>
        ),
      });
    });

  const status = (a: AccountRow) => {
    if (a.disabled) return <Tag color="default">{t('accounts.disabled')}</Tag>;
    const tags = [];
    if (a.lockedUntil && a.lockedUntil > new Date().toISOString()) tags.push(<Tag key="l" color="red">{t('accounts.locked')}</Tag>);
    if (a.mustChangePassword) tags.push(<Tag key="m" color="orange">{t('accounts.mustChange')}</Tag>);
    return tags.length ? tags : <Tag color="green">{t('accounts.active')}</Tag>;
  };

  return (
    <Flex vertical gap={12} data-testid="accounts-page">
      <Flex justify="space-between" align="center">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('accounts.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('accounts.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="account-create">
          {t('accounts.create')}
        </Button>
      </Flex>
      {list.error !== null && <Alert type="error" showIcon title={errorText(list.error, t, i18n.language)} />}
      <Table<AccountRow>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.accounts ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(a) => ({ 'data-testid': `account-row-${a.username}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { key: 'username', title: t('accounts.username'), render: (_, a) => <span className="gc-mono">{a.username}</span> },
          { key: 'displayName', title: t('accounts.displayName'), dataIndex: 'displayName' },
          { key: 'role', title: t('accounts.role'), render: (_, a) => roleLabel(t, a.role) },
          { key: 'division', title: t('accounts.division'), dataIndex: 'divisionName' },
          { key: 'phone', title: t('accounts.phone'), render: (_, a) => a.phone ?? '' },
          { key: 'status', title: t('accounts.status'), render: (_, a) => status(a) },
          { key: 'lastLogin', title: t('accounts.lastLogin'), render: (_, a) => (a.lastLoginAt ? new Date(a.lastLoginAt).toLocaleString(i18n.language, { timeZone: 'Asia/Shanghai' }) : t('accounts.never')) },
          {
            key: 'actions',
            title: t('accounts.actions'),
            render: (_, a) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(a)} data-testid={`account-edit-${a.username}`}>
                  {t('accounts.edit')}
                </Button>
                {a.id !== me.id &&
                  (a.disabled ? (
                    <Button size="small" type="link" onClick={() => void run(() => call('accounts.setDisabled', { id: a.id, disabled: false }))} data-testid={`account-enable-${a.username}`}>
                      {t('accounts.enable')}
                    </Button>
                  ) : (
                    <Popconfirm title={t('accounts.confirmDisable', { name: a.displayName })} onConfirm={() => run(() => call('accounts.setDisabled', { id: a.id, disabled: true }))}>
                      <Button size="small" type="link" danger data-testid={`account-disable-${a.username}`}>
                        {t('accounts.disable')}
                      </Button>
                    </Popconfirm>
                  ))}
                <Popconfirm title={t('accounts.confirmReset', { name: a.displayName })} onConfirm={() => reset(a)}>
                  <Button size="small" type="link" data-testid={`account-reset-${a.username}`}>
                    {t('accounts.resetPassword')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <SessionPolicyCard />
      {editing !== null && (
        <AccountFormModal
          key={editing === 'new' ? 'new' : editing.id}
          open
          account={editing === 'new' ? null : editing}
          divisions={divisions.roots}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('accounts.saved'));
            list.reload();
          }}
        />
      )}
    </Flex>
  );
}
