import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import { CloudSyncOutlined, LinkOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { formatChinaDateTime, formatCount } from '../../lib/format';

interface ConnectForm {
  hubUrl: string;
  nodeKey: string;
  secret: string;
}

/** Admin: connect this node to its hub (key and secret from the hub's admin), where sync stands, sync now. */
export function SyncClientCard({ demo }: { demo: boolean }) {
  const { t } = useTranslation();
  const status = useCall('sync.status', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const s = status.data;

  const connect = async (values: ConnectForm) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      const { recorded } = await call('sync.connect', values);
      setNote(t('sync.client.recorded', { count: recorded }));
      status.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const syncNow = async () => {
    setError(null);
    try {
      await call('sync.now', {});
      setNote(t('sync.client.asked'));
      window.setTimeout(status.reload, 1500);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Card size="small" title={t('sync.client.title')} data-testid="settings-sync-client">
      <Typography.Paragraph type="secondary">{t('sync.client.hint')}</Typography.Paragraph>
      {demo && <Alert type="warning" showIcon title={t('sync.client.demoRefused')} style={{ marginBottom: 12 }} data-testid="sync-demo-refused" />}
      {s && (
        <Descriptions size="small" column={2} style={{ marginBottom: 12 }} data-testid="sync-client-status">
          <Descriptions.Item label={t('sync.client.hubUrl')} span={2}>
            {s.connected ? t('sync.client.connected', { hubUrl: s.hubUrl ?? '' }) : t('sync.client.notConnected')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sync.client.pending')}>{formatCount(s.pending)}</Descriptions.Item>
          <Descriptions.Item label={t('sync.client.lastSuccess')}>{s.lastSuccessAt ? formatChinaDateTime(s.lastSuccessAt) : t('sync.client.none')}</Descriptions.Item>
          <Descriptions.Item label={t('sync.client.lastError')} span={2}>
            {s.lastError ?? t('sync.client.none')}
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form<ConnectForm> layout="vertical" onFinish={(v) => void connect(v)} disabled={demo} initialValues={{ hubUrl: s?.hubUrl ?? '' }}>
        <Form.Item name="hubUrl" label={t('sync.client.hubUrl')} rules={[{ required: true }, { type: 'url' }]}>
          <Input placeholder="https://county.example:5180" data-testid="sync-hub-url" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="nodeKey" label={t('sync.client.nodeKey')} rules={[{ required: true, min: 8 }]} style={{ flex: 1 }}>
            <Input data-testid="sync-node-key" autoComplete="off" />
          </Form.Item>
          <Form.Item name="secret" label={t('sync.client.secret')} rules={[{ required: true, min: 32 }]} style={{ flex: 2 }}>
            <Input.Password data-testid="sync-secret" autoComplete="new-password" />
          </Form.Item>
        </Space.Compact>
        <Space>
          <Button type="primary" htmlType="submit" icon={<LinkOutlined />} loading={busy} data-testid="sync-connect">
            {s?.connected ? t('sync.client.reconnect') : t('sync.client.connect')}
          </Button>
          <Button icon={<CloudSyncOutlined />} disabled={!s?.connected} onClick={() => void syncNow()} data-testid="sync-client-now">
            {t('sync.client.syncNow')}
          </Button>
        </Space>
      </Form>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }}>
        {note && <Alert type="success" showIcon title={note} />}
        {error !== null && <CallError error={error} />}
        {status.error !== null && <CallError error={status.error} onRetry={status.reload} />}
      </div>
    </Card>
  );
}
