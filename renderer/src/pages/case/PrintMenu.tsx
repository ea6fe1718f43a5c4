import { useState } from 'react';
import { Button, Dropdown } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { PrintPreview, type PrintDocument } from './PrintPreview';

/** The case's printable documents: 受理登记表 always, 调解协议书 once agreed, 回访记录 once visited. */
export function PrintMenu({ detail }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const docs: Array<{ key: PrintDocument; enabled: boolean }> = [
    { key: 'registration', enabled: true },
    { key: 'agreement', enabled: detail.agreement !== null },
    { key: 'followUp', enabled: detail.followUps.length > 0 },
  ];
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: docs.map((d) => ({ key: d.key, label: t(`case.print.${d.key}`), disabled: !d.enabled, 'data-testid': `print-${d.key}` })),
          onClick: ({ key }) => setDoc(docs.find((d) => d.key === key)?.key ?? null),
        }}
      >
        <Button icon={<PrinterOutlined />} data-testid="case-print">
          {t('case.print.button')}
        </Button>
      </Dropdown>
      {doc && <PrintPreview id={detail.id} document={doc} onClose={() => setDoc(null)} />}
    </>
  );
}
