import { useState } from 'react';
import { Alert, App, Button, Modal, Radio, Space, Table, Tag, Typography, Upload } from 'antd';
import { ImportOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { formatCount } from '../../lib/format';
import { fileToBase64 } from './download';

type Report = OutputOf<'disputes.import'>;
type ImportSource = 'wxg_app' | 'hotline_12345';

const MAX_IMPORT_BYTES = 15 * 1024 * 1024;

/**
 * Import of 网小格 / 12345 exports (CSV or XLSX). The file is checked first (dry run) and the row-by-row
 * report is shown; only then can it be imported — all rows, or (confirmed) only the valid ones.
 */
export function ImportButton({ onImported }: { onImported(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ImportOutlined />} data-testid="queue-import" onClick={() => setOpen(true)}>
        {t('queue.import.button')}
      </Button>
      {open && <ImportDialog onClose={() => setOpen(false)} onImported={onImported} />}
    </>
  );
}

function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [source, setSource] = useState<ImportSource>('wxg_app');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const send = async (dryRun: boolean, mode: 'allOrNothing' | 'validRowsOnly', picked = file) => {
    if (!picked) return;
    setBusy(true);
    setError(null);
    try {
      const result = await call('disputes.import', { fileName: picked.name, contentBase64: picked.base64, source, mode, dryRun });
      setReport(result);
      if (!dryRun) {
        void message.success(t('queue.import.imported', { count: result.imported }));
        onImported();
        onClose();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const pick = async (f: File) => {
    setReport(null);
    setError(null);
    if (f.size > MAX_IMPORT_BYTES) {
      void message.error(t('queue.import.tooLarge'));
      return;
    }
    const picked = { name: f.name, base64: await fileToBase64(f) };
    setFile(picked);
    // Check at once: the report is what the clerk needs to see before anything else.
    await send(true, 'allOrNothing', picked);
  };

  const allValid = report !== null && report.validRows === report.totalRows && report.totalRows > 0;
  const someValid = report !== null && report.validRows > 0;
  return (
    <Modal
      open
      width={820}
      title={t('queue.import.title')}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('queue.import.cancel')}</Button>
          <Button disabled={!file} loading={busy && !report} onClick={() => void send(true, 'allOrNothing')} data-testid="import-check">
            {t('queue.import.check')}
          </Button>
          {report && !allValid && someValid && (
            <Button danger loading={busy} onClick={() => void send(false, 'validRowsOnly')}>
              {t('queue.import.validOnly', { count: report.validRows })}
            </Button>
          )}
          <Button type="primary" disabled={!allValid} loading={busy && !!report} onClick={() => void send(false, 'allOrNothing')} data-testid="import-run">
            {t('queue.import.run')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Radio.Group value={source} onChange={(e) => setSource(e.target.value === 'hotline_12345' ? 'hotline_12345' : 'wxg_app')}>
          <Radio value="wxg_app">{t('queue.source.wxg_app')}</Radio>
          <Radio value="hotline_12345">{t('queue.source.hotline_12345')}</Radio>
        </Radio.Group>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          beforeUpload={(f) => {
            void pick(f);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            setReport(null);
          }}
        >
          <Button icon={<UploadOutlined />}>{t('queue.import.pick')}</Button>
        </Upload>
        <Typography.Text type="secondary">{t('queue.import.hint')}</Typography.Text>
        {error !== null && <Alert type="error" showIcon title={errorText(error, t, i18n.language)} />}
        {report && (
          <>
            <Alert
              type={allValid ? 'success' : 'warning'}
              showIcon
              data-testid="import-summary"
              title={t('queue.import.summary', { total: formatCount(report.totalRows), valid: formatCount(report.validRows) })}
            />
            <Table
              size="small"
              rowKey="row"
              data-testid="import-report"
              pagination={{ pageSize: 50, showSizeChanger: false }}
              scroll={{ y: 320 }}
              dataSource={report.rows.filter((r) => !r.ok).concat(report.rows.filter((r) => r.ok))}
              columns={[
                { title: t('queue.import.row'), dataIndex: 'row', width: 70 },
                {
                  title: t('queue.import.result'),
                  width: 90,
                  render: (_, r) => (r.ok ? <Tag color="green">{t('queue.import.ok')}</Tag> : <Tag color="red">{t('queue.import.bad')}</Tag>),
                },
                {
                  title: t('queue.import.errors'),
                  render: (_, r) =>
                    r.errors.map((e, i) => (
                      <div key={i}>
                        <Typography.Text strong>{e.column}</Typography.Text>
                        {t('format.colon')}
                        {e.message}
                      </div>
                    )),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
