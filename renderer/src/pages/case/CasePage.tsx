import { Button, Flex } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { NotFoundPage } from '../NotFoundPage';
import { CaseView } from './CaseView';

/** #/cases/:id — the case page, deep-linkable (from a notice, a printout, another clerk). */
export function CasePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return (
    <Flex vertical gap={8} data-testid="case-page" style={{ maxWidth: 1200 }}>
      <div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/queue')}>
          {t('case.backToQueue')}
        </Button>
      </div>
      <CaseView id={id} />
    </Flex>
  );
}
