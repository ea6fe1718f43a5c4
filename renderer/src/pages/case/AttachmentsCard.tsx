import { useState } from 'react';
import { App, Button, Card, Table, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_MAX_BYTES, type DisputeDetail } from '../../../../shared/contract';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { formatCount } from '../../lib/format';
import { useMayCall } from '../../session/sessionContext';
import { fileToBase64, saveBase64 } from '../queue/download';
import { chinaMinute } from '../queue/queueFormat';

type Attachment = DisputeDetail['attachments'][number];

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatCount(Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Files on the case (stored once by hash in the data folder): upload up to 10 MB, list, download. */
export function AttachmentsCard({ detail: d, onChanged }: { detail: DisputeDetail; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const may = useMayCall();
  const [busy, setBusy] = useState(false);
  const mayUpload = may('disputes.addAttachment');
  const mayDownload = may('disputes.getAttachment');

  const upload = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(t('case.files.tooLarge', { name: file.name }));
      return;
    }
    setBusy(true);
    try {
      await call('disputes.addAttachment', { id: d.id, fileName: file.name, mime: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) });
      void message.success(t('case.files.uploaded', { name: file.name }));
      onChanged();
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  const download = async (a: Attachment) => {
    try {
      const file = await call('disputes.getAttachment', { attachmentId: a.id });
      saveBase64(file.fileName, file.contentBase64, file.mime);
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    }
  };

  return (
    <Card
      size="small"
      title={t('case.files.title', { count: d.attachments.length })}
      data-testid="case-attachments"
      extra={
        mayUpload && (
          <Upload
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy}>
              {t('case.files.upload')}
            </Button>
          </Upload>
        )
      }
    >
      <Table<Attachment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.attachments}
        locale={{ emptyText: t('case.files.none') }}
        columns={[
          { title: t('case.files.name'), dataIndex: 'fileName' },
          { title: t('case.files.size'), dataIndex: 'size', width: 90, render: (s: number) => sizeText(s) },
          { title: t('case.files.by'), dataIndex: 'uploadedBy', width: 90 },
          { title: t('case.files.at'), dataIndex: 'uploadedAt', width: 140, render: (v: string) => chinaMinute(v) },
          {
            title: '',
            width: 60,
            render: (_, a) =>
              mayDownload && <Button size="small" type="link" icon={<DownloadOutlined />} aria-label={t('case.files.download')} onClick={() => void download(a)} />,
          },
        ]}
      />
      <div style={{ color: '#595959', fontSize: 12, marginTop: 4 }}>{t('case.files.limit')}</div>
    </Card>
  );
}
