import { useCallback, useEffect, useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { formatChinaDateTime } from '../../lib/format';

const PAGE = 50;

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail === 'object' && Object.keys(detail).length === 0) return '';
  return JSON.stringify(detail);
}

/** Admin and director: the newest audit entries, newest first, older ones on demand. */
export function AuditLogCard() {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async (beforeSeq: number | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const { entries: page } = await call('audit.list', { limit: PAGE, ...(beforeSeq ? { beforeSeq } : {}) });
      setEntries((old) => (beforeSeq ? [...old, ...page] : page));
      setDone(page.length < PAGE);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    void load(undefined);
  }, [load]);

  const last = entries[entries.length - 1];

  return (
    <Card
      size="small"
      title={t('settings.auditLog')}
      data-testid="settings-audit-log"
      extra={<Button size="small" icon={<ReloadOutlined />} onClick={() => void load(undefined)} aria-label={t('divisions.refresh')} />}
    >
      {error !== null && <CallError error={error} onRetry={() => void load(undefined)} />}
      <Table<AuditEntry>
        size="small"
        rowKey="seq"
        loading={busy}
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
          <Button size="small" disabled={busy || !last} onClick={() => last && void load(last.seq)}>
            {t('settings.auditLoadMore')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
