import { useEffect, useRef, useState } from 'react';
import { App, Button, Modal, Progress, Typography } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ExportJob, QueueView } from '../../../../shared/contract';
import { call, onCoreEvent } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { formatCount } from '../../lib/format';
import { saveBase64, XLSX_MIME } from './download';

interface Props {
  view: QueueView;
  total: number | null;
  disabled?: boolean;
}

/**
 * Excel export of exactly the filtered ledger: the core writes the .xlsx in the background and reports
 * progress as job.progress events; a slow poll covers a missed event. The finished file is downloaded.
 */
export function ExportButton({ view, total, disabled }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [job, setJob] = useState<ExportJob | null>(null);
  const [open, setOpen] = useState(false);
  const downloaded = useRef<string | null>(null);

  const jobId = job?.jobId;
  const running = job?.state === 'running';
  useEffect(() => {
    if (!jobId || !running) return;
    const off = onCoreEvent('job.progress', (p) => {
      if (p.jobId !== jobId) return;
      setJob((old) => (old && old.jobId === jobId ? { ...old, state: p.state, done: p.done, total: p.total, message: p.message } : old));
    });
    const poll = setInterval(() => {
      call('disputes.export.status', { jobId }).then(
        (status) => setJob((old) => (old && old.jobId === jobId && old.state === 'running' ? status : old)),
        () => undefined,
      );
    }, 1500);
    return () => {
      off();
      clearInterval(poll);
    };
  }, [jobId, running]);

  const state = job?.state;
  useEffect(() => {
    if (!jobId || state !== 'done' || downloaded.current === jobId) return;
    downloaded.current = jobId;
    call('disputes.export.download', { jobId }).then(
      (file) => {
        saveBase64(file.fileName, file.contentBase64, XLSX_MIME);
        setJob((old) => (old ? { ...old, fileName: file.fileName } : old));
      },
      (err: unknown) => void message.error(errorText(err, t, i18n.language)),
    );
  }, [jobId, state, message, t, i18n.language]);

  const start = async () => {
    try {
      downloaded.current = null;
      setJob(await call('disputes.export.start', { view }));
      setOpen(true);
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    }
  };

  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : job?.state === 'done' ? 100 : 0;
  return (
    <>
      <Button icon={<FileExcelOutlined />} data-testid="queue-export" disabled={disabled || total === 0} onClick={() => void start()}>
        {t('queue.export.button')}
      </Button>
      <Modal
        title={t('queue.export.title')}
        open={open}
        onCancel={() => setOpen(false)}
        footer={<Button onClick={() => setOpen(false)}>{running ? t('queue.export.background') : t('queue.export.close')}</Button>}
      >
        <div data-testid="export-progress" data-state={job?.state ?? ''}>
          <Typography.Paragraph>{t('queue.export.scope', { n: formatCount(job?.total || total || 0) })}</Typography.Paragraph>
          <Progress percent={percent} status={job?.state === 'failed' ? 'exception' : job?.state === 'done' ? 'success' : 'active'} />
          <Typography.Text type={job?.state === 'failed' ? 'danger' : 'secondary'}>
            {job?.state === 'failed'
              ? (job.message ?? t('queue.export.failed'))
              : job?.state === 'done'
                ? t('queue.export.done', { file: job.fileName ?? '' })
                : t('queue.export.progress', { done: formatCount(job?.done ?? 0), total: formatCount(job?.total ?? 0) })}
          </Typography.Text>
        </div>
      </Modal>
    </>
  );
}
