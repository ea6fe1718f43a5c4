import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { formatChinaDateTime, formatCount } from '../../lib/format';

type SyncNode = OutputOf<'sync.nodes.list'>['nodes'][number];
interface RegisterForm {
  divisionCode: string;
  label: string;
}

/** Admin of a hub: the nodes registered below (last contact, what was received, errors) and registering one. */
export function SyncHubCard() {
  const { t } = useTranslation();
  const nodes = useCall('sync.nodes.list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<OutputOf<'sync.nodes.register'> | null>(null);
  const [form] = Form.useForm<RegisterForm>();

  const register = async (values: RegisterForm) => {
    setBusy(true);
    setError(null);
    setIssued(null);
    try {
      setIssued(await call('sync.nodes.register', values));
      form.resetFields();
      nodes.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('sync.hub.title')} data-testid="settings-sync-hub">
      <Typography.Paragraph type="secondary">{t('sync.hub.hint')}</Typography.Paragraph>
      <Form<RegisterForm> form={form} layout="inline" onFinish={(v) => void register(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="divisionCode" label={t('sync.hub.divisionCode')} rules={[{ required: true, pattern: /^\d{12}$/ }]}>
          <Input style={{ width: 160 }} data-testid="sync-register-division" />
        </Form.Item>
        <Form.Item name="label" label={t('sync.hub.label')} rules={[{ required: true }]}>
          <Input style={{ width: 200 }} data-testid="sync-register-label" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy} data-testid="sync-register">
          {t('sync.hub.register')}
        </Button>
      </Form>
      <div role="status" aria-live="polite">
        {issued && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('sync.hub.issued')}
            data-testid="sync-issued"
            description={
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('sync.client.nodeKey')}>
                  <Typography.Text copyable code data-testid="sync-issued-key">
                    {issued.nodeKey}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('sync.client.secret')}>
                  <Typography.Text copyable code data-testid="sync-issued-secret">
                    {issued.secret}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            }
          />
        )}
        {error !== null && <CallError error={error} />}
        {nodes.error !== null && <CallError error={nodes.error} onRetry={nodes.reload} />}
      </div>
      <Table<SyncNode>
        size="small"
        rowKey="nodeKey"
        loading={nodes.loading}
        dataSource={nodes.data?.nodes ?? []}
        pagination={false}
        locale={{ emptyText: t('sync.hub.empty') }}
        data-testid="sync-nodes"
        columns={[
          { key: 'label', title: t('sync.hub.col.label'), dataIndex: 'label' },
          { key: 'division', title: t('sync.hub.col.division'), dataIndex: 'divisionCode', width: 140 },
          { key: 'contact', title: t('sync.hub.col.lastContact'), width: 170, render: (_, n) => (n.lastContactAt ? formatChinaDateTime(n.lastContactAt) : t('sync.hub.never')) },
          { key: 'seq', title: t('sync.hub.col.lastSeq'), width: 90, align: 'right', render: (_, n) => formatCount(n.lastSeq) },
          { key: 'error', title: t('sync.hub.col.lastError'), render: (_, n) => n.lastError ?? '' },
          {
            key: 'state',
            title: t('sync.hub.col.state'),
            width: 80,
            render: (_, n) => (n.revoked ? <Tag color="red">{t('sync.hub.revoked')}</Tag> : <Tag color="green">{t('sync.hub.active')}</Tag>),
          },
        ]}
      />
    </Card>
  );
}
