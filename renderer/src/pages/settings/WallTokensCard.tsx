import { useState } from 'react';
import { App as AntApp, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { errorText } from '../../lib/errorText';

/**
 * LAN wall tokens (admin): create one for a browser on the LAN that shows the wall — the link is shown
 * once — and revoke it. A token reaches only the wall's read handlers (the core checks it).
 */
export function WallTokensCard() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const list = useCall('walls.listTokens', {});
  const [label, setLabel] = useState('');
  const [link, setLink] = useState<string | null>(null);
  const fail = (err: unknown) => void message.error(errorText(err, t, i18n.language));

  const create = async () => {
    try {
      const made = await call('walls.createToken', { label });
      setLink(`${window.location.origin}${window.location.pathname}#/wall?wallToken=${made.token}`);
      setLabel('');
      list.reload();
    } catch (err) {
      fail(err);
    }
  };
  const revoke = async (id: number) => {
    try {
      await call('walls.revokeToken', { id });
      list.reload();
    } catch (err) {
      fail(err);
    }
  };

  return (
    <Card size="small" title={t('settings.wallTokens')} data-testid="wall-tokens">
      <Typography.Paragraph type="secondary">{t('settings.wallTokensHint')}</Typography.Paragraph>
      <Space.Compact style={{ width: '100%', maxWidth: 520 }}>
        <Input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={t('settings.wallTokenLabel')} aria-label={t('settings.wallTokenLabel')} />
        <Button type="primary" disabled={!label.trim()} onClick={() => void create()} data-testid="wall-token-create">
          {t('settings.wallTokenCreate')}
        </Button>
      </Space.Compact>
      {link && (
        <Typography.Paragraph copyable={{ text: link }} style={{ marginTop: 8 }} data-testid="wall-token-link">
          {t('settings.wallTokenOnce')} <Typography.Text code>{link}</Typography.Text>
        </Typography.Paragraph>
      )}
      {list.error && !list.data ? (
        <CallError error={list.error} onRetry={list.reload} />
      ) : (
        <Table
          size="small"
          style={{ marginTop: 8 }}
          rowKey="id"
          pagination={false}
          loading={!list.data}
          dataSource={list.data?.rows ?? []}
          columns={[
            { key: 'label', title: t('settings.wallTokenLabel'), dataIndex: 'label' },
            { key: 'account', title: t('settings.username'), dataIndex: 'accountUsername' },
            { key: 'created', title: t('settings.wallTokenCreated'), dataIndex: 'createdAt' },
            {
              key: 'state',
              title: '',
              render: (_v, r) =>
                r.revokedAt ? (
                  <Tag>{t('settings.wallTokenRevoked')}</Tag>
                ) : (
                  <Button size="small" danger onClick={() => void revoke(r.id)}>
                    {t('settings.wallTokenRevoke')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
