import { useState } from 'react';
import { Button, Card, Col, Flex, Row, Skeleton } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { Party } from '../../../../shared/contract';
import { useMayCall } from '../../session/sessionContext';
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
import { UnmaskDialog } from './UnmaskDialog';

const DISPUTE_ENTITY = ['dispute'];

/** Everything about one case, as the caller's role may see it, with the actions it may take now. */
export function CaseView({ id }: { id: number }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const detail = useCall('disputes.detail', { id });
  useDataChanged(detail.reload, DISPUTE_ENTITY);
  const d = detail.data;
  const [asking, setAsking] = useState(false);
  // The parties in full after an unmasking, for this case only (dropped when another case is shown).
  const [full, setFull] = useState<{ id: number; parties: readonly Party[] } | null>(null);
  const shown = full && full.id === d?.id ? full.parties : d?.parties;
  const canUnmask = !!d && may('disputes.unmask') && d.parties.some((p) => p.masked) && shown !== full?.parties;

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
            <Card
              size="small"
              title={t('case.parties.title')}
              data-testid="case-parties"
              extra={
                canUnmask && (
                  <Button size="small" icon={<EyeOutlined />} onClick={() => setAsking(true)} data-testid="unmask-button">
                    {t('case.unmask.button')}
                  </Button>
                )
              }
            >
              <PartiesTable parties={shown ?? d.parties} />
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
      {asking && (
        <UnmaskDialog
          id={d.id}
          onClose={() => setAsking(false)}
          onDone={(parties) => {
            setAsking(false);
            setFull({ id: d.id, parties });
          }}
        />
      )}
    </Flex>
  );
}
