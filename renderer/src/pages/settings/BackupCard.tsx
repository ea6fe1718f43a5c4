import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Popconfirm, Space, Table, Typography } from 'antd';
import { CloudDownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSettings } from '../../../../shared/contract';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { formatChinaDateTime, formatCount } from '../../lib/format';

/**
 * Admin only: the node's backups (online copies checked with integrity_check), back up now, restore one
 * at the next start, and the schedule, retention and second folder. The core checks the role and the
 * backup (checksum, integrity, not newer than this program) again.
 */
export function BackupCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useCall('backup.list', {});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<BackupSettings & { secondDir: string | null }>();

  const settings = list.data?.settings;
  useEffect(() => {
    if (settings) form.setFieldsValue({ ...settings, secondDir: settings.secondDir ?? '' });
  }, [settings, form]);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      list.reload();
    }
  };

  const backupNow = () =>
    act(async () => {
      const job = await call('backup.create', {});
      // A backup takes seconds: follow the job until it ends.
      for (;;) {
        const state = await call('jobs.get', { jobId: job.jobId });
        if (state.state === 'done') {
          void message.success(t('backup.created'));
          return;
        }
        if (state.state !== 'running') throw new Error(t('backup.failed', { message: state.message ?? state.state }));
        await new Promise((r) => setTimeout(r, 400));
      }
    });

  const restore = (id: string) => act(async () => void (await call('backup.restore', { id })));
  const cancelRestore = () => act(async () => void (await call('backup.cancelRestore', {})));
  const save = (values: BackupSettings & { secondDir: string | null }) =>
    act(async () => {
      const secondDir = values.secondDir?.trim() ? values.secondDir.trim() : null;
      await call('backup.saveSettings', { everyHours: values.everyHours, keep: values.keep, maxAgeDays: values.maxAgeDays, secondDir });
      void message.success(t('backup.saved'));
    });

  const pending = list.data?.pendingRestore ?? null;
  return (
    <Card size="small" title={t('backup.title')} data-testid="settings-backup">
      <Typography.Paragraph type="secondary">{t('backup.hint')}</Typography.Paragraph>
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="backup-pending"
          title={t('backup.restorePending', { id: pending })}
          action={
            <Button size="small" onClick={() => void cancelRestore()} disabled={busy}>
              {t('backup.cancelRestore')}
            </Button>
          }
        />
      )}
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={busy} onClick={() => void backupNow()} data-testid="backup-create">
          {busy ? t('backup.creating') : t('backup.create')}
        </Button>
      </Space>
      <div role="status" aria-live="polite">
        {(error ?? list.error) !== null && <CallError error={error ?? list.error} />}
      </div>
      <Table<BackupInfo>
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.backups ?? []}
        locale={{ emptyText: t('backup.empty') }}
        pagination={(list.data?.backups.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        data-testid="backup-table"
        columns={[
          { key: 'createdAt', title: t('backup.col.createdAt'), render: (_, b) => formatChinaDateTime(b.createdAt) },
          { key: 'reason', title: t('backup.col.reason'), width: 90, render: (_, b) => t(`backup.reason.${b.reason}`, { defaultValue: b.reason }) },
          { key: 'size', title: t('backup.col.size'), width: 90, align: 'right', render: (_, b) => `${(b.dbBytes / 1048576).toFixed(1)} MB` },
          { key: 'attachments', title: t('backup.col.attachments'), width: 80, align: 'right', render: (_, b) => formatCount(b.attachments) },
          { key: 'auditHead', title: t('backup.col.auditHead'), width: 90, align: 'right', render: (_, b) => (b.auditHeadSeq === null ? '—' : `#${b.auditHeadSeq}`) },
          {
            key: 'actions',
            title: t('backup.col.actions'),
            width: 90,
            render: (_, b) => (
              <Popconfirm title={t('backup.restoreTitle')} description={t('backup.restoreBody', { id: b.id })} onConfirm={() => void restore(b.id)}>
                <Button size="small" icon={<RollbackOutlined />} disabled={busy} data-testid={`backup-restore-${b.id}`}>
                  {t('backup.restore')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('backup.settings')}
      </Typography.Title>
      <Form form={form} layout="inline" onFinish={(v) => void save(v)} data-testid="backup-settings">
        <Form.Item name="everyHours" label={t('backup.everyHours')} rules={[{ required: true }]}>
          <InputNumber min={0} max={720} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="keep" label={t('backup.keep')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="maxAgeDays" label={t('backup.maxAgeDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={3650} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="secondDir" label={t('backup.secondDir')}>
          <Input style={{ width: 260 }} allowClear />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" disabled={busy}>
            {t('backup.save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
