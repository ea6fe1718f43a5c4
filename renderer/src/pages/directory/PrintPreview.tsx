import { useRef } from 'react';
import { Button, Modal, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilter } from '../../../../shared/contract/directory';
import { useCall } from '../../hooks/useCall';
import { CallError } from '../../components/CallError';

/**
 * The core's printable A4 page of the filtered directory, in a sandboxed frame (no scripts run in it;
 * it inherits the console's CSP), printed from the frame so only the directory goes to the printer.
 */
export function PrintPreview({ filter, open, onClose }: { filter: DirectoryFilter; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const page = useCall('directory.printable', filter, open);
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <Modal
      open={open}
      onCancel={onClose}
      width={900}
      title={page.data ? t('directory.print.title', { rows: String(page.data.rows) }) : t('directory.print.titleLoading')}
      footer={[
        <Button key="close" onClick={onClose}>
          {t('directory.import.close')}
        </Button>,
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!page.data || page.loading} onClick={() => frame.current?.contentWindow?.print()}>
          {t('directory.print.print')}
        </Button>,
      ]}
      destroyOnHidden
    >
      {page.error !== null && page.error !== undefined && !page.loading ? <CallError error={page.error} onRetry={page.reload} /> : null}
      {page.loading && <Spin />}
      {page.data && !page.loading && (
        <iframe
          ref={frame}
          title={t('directory.print.frame')}
          className="gc-dir-print-frame"
          sandbox="allow-modals allow-same-origin"
          srcDoc={page.data.html}
          data-testid="print-frame"
        />
      )}
    </Modal>
  );
}
