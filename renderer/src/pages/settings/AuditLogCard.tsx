import { useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, OutputOf } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { CallError } from '../../components/CallError';
import { formatChinaDateTime } from '../../lib/format';

const PAGE = 50;

interface Older {
  /** The first page these follow; a reload starts over. */
  after: OutputOf<'audit.list'> | undefined;
  entries: AuditEntry[];
  done: boolean;
}

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail);
}

/** Admin and director: the newest audit entries, newest first, older ones on demand. */
export function AuditLogCard() {
  const { t } = useTranslation();
  const first = useCall('audit.list', { limit: PAGE });
  const [older, setOlder] = useState<Older>({ after: undefined, entries: [], done: false });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const olderHere = older.after === first.data ? older : { after: first.data, entries: [], done: false };
  const entries = [...(first.data?.entries ?? []), ...olderHere.entries];
  const done = first.data !== undefined && (first.data.entries.length < PAGE || olderHere.done);
  const last = entries[entries.length - 1];

  const loadOlder = async () => {
    if (!last) return;
    setBusy(true);
    setError(null);
    try {
      const { entries: page } = await call('audit.list', { limit: PAGE, beforeSeq: last.seq });
      setOlder({ after: first.data, entries: [...olderHere.entries, ...page], done: page.length < PAGE });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const shownError = error ?? first.error;
  return (
    <Card
      size="small"
      title={t('settings.auditLog')}
      data-testid="settings-audit-log"
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={first.reload} aria-label={t('divisions.refresh')} />}
    >
      {shownError ? <CallError error={shownError} onRetry={first.reload} /> : null}
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        loading={first.loading || busy}
        dataSource={entries}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { key: 'seq', title: t('settings.auditCol.seq'), dataIndex: 'seq', width: 70, align: 'right' },
          { key: 'at', title: t('settings.auditCol.at'), width: 160, render: (_, e) => <span className="gc-num">{formatChinaDateTime(e.at)}</span> },
          { key: 'actor', title: t('settings.auditCol.actor'), dataIndex: 'actorName', width: 120, ellipsis: true },
          { key: 'action', title: t('settings.auditCol.action'), width: 180, render: (_, e) => <span className="gc-mono">{e.action}</span> },
          {
            key: 'entity',
            title: t('settings.auditCol.entity'),
            width: 160,
            ellipsis: true,
            render: (_, e) => (e.entityId ? `${e.entity} #${e.entityId}` : e.entity),
          },
          {
            key: 'detail',
            title: t('settings.auditCol.detail'),
            ellipsis: { showTitle: true },
            render: (_, e) => <span className="gc-mono">{detailText(e.detail)}</span>,
          },
          {
            key: 'hash',
            title: t('settings.auditCol.hash'),
            width: 120,
            render: (_, e) => (
              <span className="gc-mono" title={e.hash}>
                {e.hash.slice(0, 12)}
              </span>
            ),
          },
        ]}
      />
      <Flex justify="center" style={{ marginTop: 8 }}>
        {done ? (
          <Typography.Text type="secondary">{t('settings.auditNoMore')}</Typography.Text>
        ) : (
          <Button size="small" disabled={busy || !last} onClick={() => void loadOlder()} data-testid="audit-load-more">
            {t('settings.auditLoadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
