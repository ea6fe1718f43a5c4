import { useState } from 'react';
import { App, Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AuditEntry, InputOf, OutputOf } from '../../../../shared/contract';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditActionText, auditDetailText, auditEntityText } from './auditText';
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

type AuditFilter = Omit<InputOf<'audit.list'>, 'limit' | 'beforeSeq'>;


function caseNoOf(detail: unknown): string | null {
  return detail && typeof detail === 'object' && 'caseNo' in detail && typeof detail.caseNo === 'string' ? detail.caseNo : null;
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
function csvCell(v: string): string {
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Admin and director: the newest audit entries, newest first, older ones on demand. */
export function AuditLogCard() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [actorText, setActorText] = useState('');
  const [recordText, setRecordText] = useState('');
  const [exporting, setExporting] = useState(false);
  const first = useCall('audit.list', { limit: PAGE, ...filter });
  const setKey = <K extends keyof AuditFilter>(k: K, v: AuditFilter[K] | undefined) =>
    setFilter((f) => {
      const next = { ...f };
      if (v === undefined || v === '') delete next[k];
      else next[k] = v;
      return next;
    });
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
      const { entries: page } = await call('audit.list', { limit: PAGE, beforeSeq: last.seq, ...filter });
      setOlder({ after: first.data, entries: [...olderHere.entries, ...page], done: page.length < PAGE });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  /** Every entry the filter matches (up to 20,000), as a CSV Excel opens in Chinese (UTF-8 with BOM). */
  const exportCsv = async () => {
    setExporting(true);
    try {
      const all: AuditEntry[] = [];
      let before: number | undefined;
      for (let i = 0; i < 40; i++) {
        const { entries: page } = await call('audit.list', { limit: 500, ...filter, ...(before ? { beforeSeq: before } : {}) });
        all.push(...page);
        if (page.length < 500) break;
        before = page[page.length - 1]!.seq;
      }
      const header = ['seq', 'at', 'actor', 'action', 'entity', 'detail'].map((c) => t(`settings.auditCol.${c}` as 'settings.auditCol.seq'));
      const lines = all.map((e) =>
        [
          String(e.seq),
          formatChinaDateTime(e.at),
          e.actorName,
          auditActionText(lang, e.action),
          `${auditEntityText(lang, e.entity)}${e.entityId ? ` ${caseNoOf(e.detail) ?? `#${e.entityId}`}` : ''}`,
          auditDetailText(lang, e.detail),
        ]
          .map(csvCell)
          .join(','),
      );
      const blob = new Blob(['\uFEFF' + [header.map(csvCell).join(','), ...lines].join('\r\n')], { type: 'text/csv;charset=utf-8' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = `审计日志_${formatChinaDateTime(new Date().toISOString()).slice(0, 10)}.csv`;
      a.click();
      URL.revokeObjectURL(a.href);
      void message.success(t('settings.auditFilter.exported', { count: all.length }));
    } catch (err) {
      setError(err);
    } finally {
      setExporting(false);
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
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }} data-testid="audit-filters">
        <Input.Search
          allowClear
          style={{ width: 160 }}
          aria-label={t('settings.auditFilter.actor')}
          placeholder={t('settings.auditFilter.actor')}
          value={actorText}
          onChange={(e) => setActorText(e.target.value)}
          onSearch={(v) => setKey('actor', v.trim())}
          data-testid="audit-filter-actor"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 180 }}
          aria-label={t('settings.auditFilter.action')}
          placeholder={t('settings.auditFilter.action')}
          value={filter.action}
          onChange={(v: string | undefined) => setKey('action', v)}
          options={AUDIT_ACTIONS.map((a) => ({ value: a, label: auditActionText(lang, a) }))}
          data-testid="audit-filter-action"
        />
        <Select
          allowClear
          style={{ width: 120 }}
          aria-label={t('settings.auditCol.entity')}
          placeholder={t('settings.auditCol.entity')}
          value={filter.entity}
          onChange={(v: string | undefined) => setKey('entity', v)}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: auditEntityText(lang, e) }))}
          data-testid="audit-filter-entity"
        />
        <Input.Search
          allowClear
          style={{ width: 130 }}
          aria-label={t('settings.auditFilter.record')}
          placeholder={t('settings.auditFilter.record')}
          value={recordText}
          onChange={(e) => setRecordText(e.target.value)}
          onSearch={(v) => setKey('entityId', v.trim())}
          data-testid="audit-filter-record"
        />
        <DatePicker.RangePicker
          aria-label={t('settings.auditCol.at')}
          placeholder={[t('settings.auditFilter.from'), t('settings.auditFilter.to')]}
          format="YYYY-MM-DD"
          onChange={(range) => {
            setKey('from', range?.[0]?.format('YYYY-MM-DD'));
            setKey('to', range?.[1]?.format('YYYY-MM-DD'));
          }}
          data-testid="audit-filter-dates"
        />
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportCsv()} data-testid="audit-export">
          {t('settings.auditFilter.export')}
        </Button>
      </Flex>
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
          {
            key: 'action',
            title: t('settings.auditCol.action'),
            width: 150,
            render: (_, e) => (
              <span title={e.action} data-testid="audit-action">
                {auditActionText(lang, e.action)}
              </span>
            ),
          },
          {
            key: 'entity',
            title: t('settings.auditCol.entity'),
            width: 220,
            ellipsis: true,
            render: (_, e) => {
              const what = auditEntityText(lang, e.entity);
              if (!e.entityId) return what;
              // A case opens from its line; other records filter the log to themselves.
              if (e.entity === 'dispute')
                return (
                  <Link to={`/cases/${e.entityId}`} data-testid="audit-record-link">
                    {what} {caseNoOf(e.detail) ?? `#${e.entityId}`}
                  </Link>
                );
              return (
                <Typography.Link
                  onClick={() => {
                    setRecordText(e.entityId ?? '');
                    setFilter((f) => ({ ...f, entity: e.entity, entityId: e.entityId ?? undefined }));
                  }}
                >
                  {what} #{e.entityId}
                </Typography.Link>
              );
            },
          },
          {
            key: 'detail',
            title: t('settings.auditCol.detail'),
            ellipsis: { showTitle: true },
            render: (_, e) => auditDetailText(lang, e.detail),
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
