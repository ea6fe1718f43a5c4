import { Card, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../../shared/contract';
import { roleLabel } from '../../lib/labels';

export function AccountCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('settings.account')} data-testid="settings-account">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'username', label: t('settings.username'), children: <span className="gc-mono">{account.username}</span> },
          { key: 'displayName', label: t('settings.displayName'), children: account.displayName },
          { key: 'role', label: t('settings.role'), children: roleLabel(t, account.role) },
          { key: 'division', label: t('settings.division'), children: t('format.withNote', { name: account.divisionName, note: account.divisionCode }) },
        ]}
      />
    </Card>
  );
}
