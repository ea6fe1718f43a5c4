import { Button, Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SystemInfo } from '../../session/sessionContext';
import { roleLabel } from '../../lib/labels';

type DemoAccount = SystemInfo['demoAccounts'][number];

/** Demo mode only: one account per role; picking one fills the username (the API never carries a password). */
export function DemoAccountsPanel({ accounts, onPick }: { accounts: DemoAccount[]; onPick: (a: DemoAccount) => void }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('login.demoTitle')} data-testid="demo-accounts">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('login.demoHint')}
      </Typography.Paragraph>
      <Table<DemoAccount>
        size="small"
        pagination={false}
        rowKey="username"
        dataSource={accounts}
        onRow={(a) => ({ onClick: () => onPick(a), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'username',
            title: t('login.demoUsername'),
            render: (_, a) => (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                data-testid={`demo-account-${a.username}`}
                aria-label={t('login.demoFill', { username: a.username, role: roleLabel(t, a.role) })}
                onClick={(e) => {
                  e.stopPropagation();
                  onPick(a);
                }}
              >
                <span className="gc-mono">{a.username}</span>
              </Button>
            ),
          },
          { key: 'role', title: t('login.demoRole'), render: (_, a) => roleLabel(t, a.role) },
        ]}
      />
    </Card>
  );
}
