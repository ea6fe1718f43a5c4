import { useRef } from 'react';
import { Button, Modal, Skeleton, Space } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';

export type PrintDocument = 'registration' | 'agreement' | 'followUp';

/**
 * The core's print-ready A4 HTML in a sandboxed frame (srcdoc: no scripts run in it, and the page's CSP
 * applies), printed with the frame's own print() so only the document goes to the printer.
 */
export function PrintPreview({ id, document, onClose }: { id: number; document: PrintDocument; onClose(): void }) {
  const { t } = useTranslation();
  const doc = useCall('disputes.print', { id, document });
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Modal
      open
      width={900}
      centered
      title={doc.data?.title ?? t(`case.print.${document}`)}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('case.print.close')}</Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!doc.data}
            data-testid="print-now"
            onClick={() => frame.current?.contentWindow?.print()}
          >
            {t('case.print.print')}
          </Button>
        </Space>
      }
    >
      {doc.error ? <CallError error={doc.error} onRetry={doc.reload} /> : null}
      {!doc.data && !doc.error && <Skeleton active />}
      {doc.data && (
        <iframe
          ref={frame}
          title={doc.data.title}
          data-testid="print-frame"
          sandbox="allow-same-origin allow-modals"
          srcDoc={doc.data.html}
          style={{ width: '100%', height: '72vh', border: '1px solid #d9d9d9', background: '#e8e8e8' }}
        />
      )}
    </Modal>
  );
}
