import { useState } from 'react';
import { Alert, Button, Checkbox, Modal, Space, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExcelImportReport } from '../../../../shared/contract/directory';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { readFileAsBase64 } from './fileTransfer';

interface Props {
  open: boolean;
  onClose(): void;
  onImported(): void;
}

type Step = { kind: 'pick' } | { kind: 'checking' } | { kind: 'checked'; file: string; base64: string; report: ExcelImportReport } | { kind: 'done'; report: ExcelImportReport };

/**
 * Excel import in two steps: the core checks the file row by row and writes nothing; the user imports
 * when it is clean, or chooses to import only the good rows.
 */
export function ImportDialog({ open, onClose, onImported }: Props) {
  const { t, i18n } = useTranslation();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [gcj02, setGcj02] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const crs = gcj02 ? ('gcj02' as const) : ('wgs84' as const);

  const reset = () => {
    setStep({ kind: 'pick' });
    setError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const check = async (file: File) => {
    setError(null);
    setStep({ kind: 'checking' });
    try {
      const base64 = await readFileAsBase64(file);
      const report = await call('directory.importExcel', { contentBase64: base64, mode: 'check', crs });
      setStep({ kind: 'checked', file: file.name, base64, report });
    } catch (err) {
      setError(errorText(err, t, i18n.language));
      setStep({ kind: 'pick' });
    }
  };

  const runImport = async (onlyGoodRows: boolean) => {
    if (step.kind !== 'checked') return;
    setBusy(true);
    setError(null);
    try {
      const report = await call('directory.importExcel', { contentBase64: step.base64, mode: 'import', onlyGoodRows, crs });
      setStep({ kind: 'done', report });
      onImported();
    } catch (err) {
      setError(errorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const report = step.kind === 'checked' || step.kind === 'done' ? step.report : null;
  const clean = report !== null && report.errors.length === 0;
  const footer =
    step.kind === 'checked' && report
      ? [
          <Button key="again" onClick={reset}>
            {t('directory.import.another')}
          </Button>,
          !clean && (
            <Button key="good" disabled={report.valid === 0} loading={busy} onClick={() => void runImport(true)} data-testid="import-good-rows">
              {t('directory.import.onlyGood', { count: report.valid })}
            </Button>
          ),
          <Button key="all" type="primary" disabled={!clean || report.valid === 0} loading={busy} onClick={() => void runImport(false)} data-testid="import-all">
            {t('directory.import.all', { count: report.valid })}
          </Button>,
        ]
      : [
          <Button key="close" onClick={close}>
            {t('directory.import.close')}
          </Button>,
        ];

  return (
    <Modal open={open} title={t('directory.import.title')} onCancel={close} footer={footer} width={760} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-dialog">
        {error && <Alert type="error" showIcon role="alert" title={error} data-testid="import-error" />}
        {(step.kind === 'pick' || step.kind === 'checking') && (
          <>
            <Upload.Dragger
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              disabled={step.kind === 'checking'}
              beforeUpload={(file) => {
                void check(file);
                return Upload.LIST_IGNORE;
              }}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p>{step.kind === 'checking' ? t('directory.import.checking') : t('directory.import.pick')}</p>
              <p className="ant-upload-hint">{t('directory.import.hint')}</p>
            </Upload.Dragger>
            <Checkbox checked={gcj02} onChange={(e) => setGcj02(e.target.checked)}>
              {t('directory.import.gcj02')}
            </Checkbox>
          </>
        )}
        {report && (
          <div data-testid="import-report" data-rows={report.rows} data-valid={report.valid} data-errors={report.errors.length}>
            {step.kind === 'done' ? (
              <Alert type="success" showIcon title={t('directory.import.done', { inserted: String(report.inserted), updated: String(report.updated) })} data-testid="import-done" />
            ) : clean ? (
              <Alert type="success" showIcon title={t('directory.import.clean', { file: step.kind === 'checked' ? step.file : '', rows: String(report.rows) })} />
            ) : (
              <Alert
                type="warning"
                showIcon
                title={t('directory.import.problems', { rows: String(report.rows), valid: String(report.valid), errors: String(report.errors.length) })}
                description={t('directory.import.nothingWritten')}
              />
            )}
            {report.errors.length > 0 && (
              <Table
                size="small"
                style={{ marginTop: 8 }}
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={report.errors}
                pagination={report.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                data-testid="import-errors"
                columns={[
                  { title: t('directory.import.row'), dataIndex: 'row', width: 70 },
                  { title: t('directory.import.column'), dataIndex: 'column', width: 120 },
                  { title: t('directory.import.message'), dataIndex: 'message', render: (m: string) => <Typography.Text type="danger">{m}</Typography.Text> },
                ]}
              />
            )}
          </div>
        )}
      </Space>
    </Modal>
  );
}
