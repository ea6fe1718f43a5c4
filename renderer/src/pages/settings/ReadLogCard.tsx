import { Button, Card, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OutputOf } from '../../../../shared/contract';
import { useCall } from '../../hooks/useCall';
import { CallError } from '../../components/CallError';
import { formatChinaDateTime } from '../../lib/format';

type Read = OutputOf<'audit.reads'>['entries'][number];

/** The reason of an unmasking, whether a case page was seen masked, else the detail as written. */
function detailText(detail: unknown, t: TFunction): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = detail as Record<string, unknown>;
  if (typeof d['reason'] === 'string') return d['reason'];
  if (typeof d['masked'] === 'boolean') return d['masked'] ? t('settings.readMasked') : t('settings.readFull');
  return Object.keys(d).length ? JSON.stringify(d) : '';
}

/** Admin and director: who read whose personal data, when and how (the newest 200; kept at least six months). */
export function ReadLogCard() {
  const { t } = useTranslation();
  const reads = useCall('audit.reads', { limit: 200 });
  return (
    <Card
      size="small"
      title={t('settings.readLog')}
      data-testid="settings-read-log"
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={reads.reload} aria-label={t('divisions.refresh')} />}
    >
      <Typography.Paragraph type="secondary">{t('settings.readLogHint')}</Typography.Paragraph>
      {reads.error ? <CallError error={reads.error} onRetry={reads.reload} /> : null}
      <Table<Read>
        size="small"
        rowKey="id"
        loading={reads.loading}
        dataSource={reads.data?.entries ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        scroll={{ x: 900 }}
        columns={[
          { key: 'at', title: t('settings.auditCol.at'), width: 160, render: (_, e) => <span className="gc-num">{formatChinaDateTime(e.at)}</span> },
          { key: 'who', title: t('settings.auditCol.actor'), width: 140, ellipsis: true, render: (_, e) => `${e.accountName}（${t(`settings.readRole.${e.role}`, { defaultValue: e.role })}）` },
          { key: 'action', title: t('settings.auditCol.action'), width: 150, render: (_, e) => t(`settings.readAction.${e.action}`, { defaultValue: e.action }) },
          { key: 'entity', title: t('settings.auditCol.entity'), width: 140, render: (_, e) => (e.entityId ? `${e.entity} #${e.entityId}` : e.entity) },
          { key: 'detail', title: t('settings.auditCol.detail'), ellipsis: { showTitle: true }, render: (_, e) => detailText(e.detail, t) },
        ]}
      />
    </Card>
  );
}
