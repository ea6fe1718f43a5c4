import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Segmented, Select, Skeleton, Table, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SweepTableRow } from '../../../../shared/contract';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { useDataChanged } from '../../hooks/useDataChanged';
import { errorText } from '../../lib/errorText';
import { formatCount } from '../../lib/format';
import { categoryText, isDisputeCategory } from '../../lib/labels';
import { saveBase64, XLSX_MIME } from '../queue/download';

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * 矛盾纠纷排查情况表, monthly or quarterly, for the caller's area: the table the county 综治中心 expects,
 * exported as .xlsx (A4 landscape, headers on every page) or printed from here (print styles hide the frame).
 */
export function SweepTablePage() {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const info = useCall('system.info', {});
  const today = info.data?.today ?? '2021-10-29';
  const [year, setYear] = useState<number | null>(null);
  const [mode, setMode] = useState<'month' | 'quarter'>('month');
  const [n, setN] = useState<number | null>(null);
  const y = year ?? Number(today.slice(0, 4));
  // Default: the last full month (or quarter) before today.
  const lastMonth = Number(today.slice(5, 7)) - 1 || 12;
  const which = n ?? (mode === 'month' ? lastMonth : Math.max(1, Math.ceil(lastMonth / 3)));
  const input = mode === 'month' ? { year: y, month: which } : { year: y, quarter: which };
  const table = useCall('stats.sweepTable', input, info.data !== undefined);
  useDataChanged(table.reload);
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const file = await call('stats.sweepTableXlsx', input);
      saveBase64(file.fileName, file.base64, XLSX_MIME);
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const years = Array.from({ length: 6 }, (_, i) => Number(today.slice(0, 4)) - i);
  const label = (c: string) => (c === '合计' ? t('stats.total') : isDisputeCategory(c) ? categoryText(t, c) : c);
  const num = (v: number) => <span className="gc-num">{formatCount(v)}</span>;

  return (
    <div data-testid="sweep-table-page">
      <Flex gap={12} wrap align="center" className="gc-no-print" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('stats.title')}
        </Typography.Title>
        <Select aria-label={t('stats.year')} value={y} onChange={setYear} options={years.map((v) => ({ value: v, label: String(v) }))} style={{ width: 96 }} />
        <Segmented<'month' | 'quarter'>
          value={mode}
          onChange={(v) => {
            setMode(v);
            setN(null);
          }}
          options={[
            { value: 'month', label: t('stats.month') },
            { value: 'quarter', label: t('stats.quarter') },
          ]}
        />
        <Select
          aria-label={t('stats.period')}
          data-testid="sweep-table-period"
          value={which}
          onChange={setN}
          style={{ width: 110 }}
          options={Array.from({ length: mode === 'month' ? 12 : 4 }, (_, i) => ({ value: i + 1, label: mode === 'month' ? t('stats.monthN', { n: String(i + 1) }) : t('stats.quarterN', { n: String(i + 1) }) }))}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void download()} loading={busy} data-testid="sweep-table-xlsx">
          {t('stats.download')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('stats.print')}
        </Button>
      </Flex>
      {table.error && !table.data ? (
        <CallError error={table.error} onRetry={table.reload} />
      ) : !table.data ? (
        <Skeleton active />
      ) : (
        <Card size="small" className="gc-print-page">
          <Typography.Title level={4} style={{ textAlign: 'center', marginTop: 0 }} data-testid="sweep-table-title">
            {table.data.title}
          </Typography.Title>
          <Typography.Paragraph style={{ textAlign: 'center' }}>
            {`${table.data.from} — ${table.data.to}  `}
            <span data-testid="sweep-table-sweeps" data-value={table.data.sweeps}>
              {t('stats.sweeps', { n: formatCount(table.data.sweeps) })}
            </span>
          </Typography.Paragraph>
          <Table<SweepTableRow>
            size="small"
            bordered
            pagination={false}
            rowKey="category"
            dataSource={table.data.rows}
            onRow={(r) => ({ 'data-category': r.category }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { key: 'category', title: t('stats.col.category'), render: (_v, r) => (r.category === '合计' ? <strong>{label(r.category)}</strong> : label(r.category)) },
              {
                key: 'accepted',
                title: t('stats.col.accepted'),
                children: [
                  { key: 'county', title: t('stats.col.county'), align: 'right', render: (_v, r) => num(r.county) },
                  { key: 'township', title: t('stats.col.township'), align: 'right', render: (_v, r) => num(r.township) },
                  { key: 'village', title: t('stats.col.village'), align: 'right', render: (_v, r) => num(r.village) },
                  { key: 'total', title: t('stats.col.total'), align: 'right', render: (_v, r) => num(r.total) },
                ],
              },
              { key: 'handled', title: t('stats.col.handled'), align: 'right', render: (_v, r) => <span data-col="handled" data-value={r.handled}>{num(r.handled)}</span> },
              { key: 'handledRate', title: t('stats.col.handledRate'), align: 'right', render: (_v, r) => pct(r.handledRate) },
              { key: 'successful', title: t('stats.col.successful'), align: 'right', render: (_v, r) => <span data-col="successful" data-value={r.successful}>{num(r.successful)}</span> },
              { key: 'successRate', title: t('stats.col.successRate'), align: 'right', render: (_v, r) => pct(r.successRate) },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
