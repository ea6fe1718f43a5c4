import { useState } from 'react';
import { Button, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { mediationRecordable, warningChangeable, type WorkflowAction } from '../../../../shared/domain/workflow';
import { useMayCall } from '../../session/sessionContext';
import { MediationRecordDialog } from './MediationRecordDialog';
import { PrintMenu } from './PrintMenu';
import { TransitionDialog } from './TransitionDialog';
import { WarningDialog } from './WarningDialog';

const PRIMARY: ReadonlySet<WorkflowAction> = new Set(['accept', 'assign', 'startMediation', 'reachAgreement', 'followUp', 'close', 'countyAnswer']);
const DANGER: ReadonlySet<WorkflowAction> = new Set(['decline', 'fail']);

type Dialog = { kind: 'transition'; action: WorkflowAction } | { kind: 'record' } | { kind: 'warning' } | null;

/**
 * Only the steps this account may take on this case now: the workflow steps as the core lists them (from
 * the state machine in shared/domain/workflow.ts), the other actions by the contract's roles (mayCall) and
 * the same status rules the core applies. The core enforces all of it again on every call.
 */
export function CaseActions({ detail: d, onChanged }: { detail: DisputeDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [dialog, setDialog] = useState<Dialog>(null);
  const canRecord = may('disputes.recordMediation') && mediationRecordable(d.status);
  const canWarn = may('disputes.setWarning') && warningChangeable(d.status);
  const canPrint = may('disputes.print');
  const nothing = d.actions.length === 0 && !canRecord && !canWarn && !canPrint;
  const done = () => {
    setDialog(null);
    onChanged();
  };

  return (
    <Flex justify="space-between" align="center" wrap gap={8} data-testid="case-actions">
      <Space wrap>
        {d.actions.map((action) => (
          <Button
            key={action}
            data-testid={`action-${action}`}
            type={PRIMARY.has(action) ? 'primary' : 'default'}
            danger={DANGER.has(action)}
            onClick={() => setDialog({ kind: 'transition', action })}
          >
            {t(`case.action.${action}`)}
          </Button>
        ))}
        {canRecord && (
          <Button data-testid="action-recordMediation" onClick={() => setDialog({ kind: 'record' })}>
            {t('case.record.button')}
          </Button>
        )}
        {canWarn && (
          <Button data-testid="action-setWarning" onClick={() => setDialog({ kind: 'warning' })}>
            {t('case.warning.button')}
          </Button>
        )}
        {nothing && (
          <Typography.Text type="secondary" data-testid="case-no-actions">
            {t('case.noActions')}
          </Typography.Text>
        )}
      </Space>
      {canPrint && <PrintMenu detail={d} />}
      {dialog?.kind === 'transition' && <TransitionDialog detail={d} action={dialog.action} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'record' && <MediationRecordDialog id={d.id} onClose={() => setDialog(null)} onDone={done} />}
      {dialog?.kind === 'warning' && <WarningDialog detail={d} onClose={() => setDialog(null)} onDone={done} />}
    </Flex>
  );
}
