import { Drawer } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CaseView } from './CaseView';

/** The case over the queue (the ledger stays as it was underneath); also at #/cases/:id as a page. */
export function CaseDrawer({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      open
      width="min(1100px, 86vw)"
      onClose={onClose}
      title={t('case.drawerTitle')}
      extra={
        <Link to={`/cases/${id}`} data-testid="case-open-page">
          <ExportOutlined /> {t('case.openPage')}
        </Link>
      }
      styles={{ body: { paddingTop: 8 } }}
      data-testid="case-drawer"
    >
      <CaseView id={id} />
    </Drawer>
  );
}
