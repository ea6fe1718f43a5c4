import { Card, Col, Flex, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { useDataChanged } from '../../hooks/useDataChanged';
import { AttachmentsCard } from './AttachmentsCard';
import { CaseActions } from './CaseActions';
import { CaseFacts } from './CaseFacts';
import { CaseHeader } from './CaseHeader';
import { CaseTimeline } from './CaseTimeline';
import { MediationCard } from './MediationCard';
import { PartiesTable } from './PartiesTable';
import { WhoCanHelpCard } from './WhoCanHelpCard';
import { useMayCall } from '../../session/sessionContext';

const DISPUTE_ENTITY = ['dispute'];

/** Everything about one case, as the caller's role may see it, with the actions it may take now. */
export function CaseView({ id }: { id: number }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const detail = useCall('disputes.detail', { id });
  useDataChanged(detail.reload, DISPUTE_ENTITY);
  const d = detail.data;

  if (detail.error && !d) return <CallError error={detail.error} onRetry={detail.reload} />;
  if (!d) return <Skeleton active />;
  return (
    <Flex vertical gap={12} data-testid="case-view" data-case-id={d.id} data-status={d.status}>
      <CaseHeader detail={d} />
      <CaseActions detail={d} onChanged={detail.reload} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={12}>
            <CaseFacts detail={d} />
            <Card size="small" title={t('case.parties.title')} data-testid="case-parties">
              <PartiesTable parties={d.parties} />
            </Card>
            <MediationCard detail={d} />
            <AttachmentsCard detail={d} onChanged={detail.reload} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <Flex vertical gap={12}>
            {may('directory.whoCanHelp') && <WhoCanHelpCard detail={d} />}
            <CaseTimeline detail={d} onChanged={detail.reload} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
