import { useState } from 'react';
import { App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf, QueueRow } from '../../../../shared/contract';
import { WARNING_LEVELS, type WarningLevel } from '../../../../shared/domain/disputeStatus';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { useMayCall } from '../../session/sessionContext';
import { MediatorSelect, type MediatorOption } from './MediatorSelect';
import { warningText } from '../../lib/labels';

type BatchResult = OutputOf<'disputes.batchAssign'>;

interface Props {
  selected: readonly QueueRow[];
  onDone(): void;
}

/** What can be done to the selected rows at once: assign to a committee and mediator, set the warning. */
export function BatchActions({ selected, onDone }: Props) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [dialog, setDialog] = useState<'assign' | 'warning' | null>(null);
  const mayAssign = may('disputes.batchAssign');
  const mayWarn = may('disputes.batchSetWarning');
  if (!mayAssign && !mayWarn) return null;
  const none = selected.length === 0;
  return (
    <Space data-testid="batch-actions">
      <Typography.Text type="secondary" data-testid="batch-count">
        {t('queue.batch.selected', { count: selected.length })}
      </Typography.Text>
      {mayAssign && (
        <Button disabled={none} data-testid="batch-assign" onClick={() => setDialog('assign')}>
          {t('queue.batch.assign')}
        </Button>
      )}
      {mayWarn && (
        <Button disabled={none} data-testid="batch-warning" onClick={() => setDialog('warning')}>
          {t('queue.batch.warning')}
        </Button>
      )}
      {dialog === 'assign' && <BatchAssignDialog ids={selected.map((r) => r.id)} onClose={() => setDialog(null)} onDone={onDone} />}
      {dialog === 'warning' && <BatchWarningDialog ids={selected.map((r) => r.id)} onClose={() => setDialog(null)} onDone={onDone} />}
    </Space>
  );
}

interface DialogProps {
  ids: number[];
  onClose(): void;
  onDone(): void;
}

function useBatchRunner(onDone: () => void) {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<BatchResult>, close: () => void) => {
    setBusy(true);
    try {
      const result = await action();
      close();
      onDone();
      if (result.failed === 0) {
        void message.success(t('queue.batch.allDone', { count: result.succeeded }));
      } else {
        modal.warning({
          title: t('queue.batch.partial', { ok: String(result.succeeded), failed: String(result.failed) }),
          content: (
            <ul data-testid="batch-failures">
              {result.results
                .filter((r) => !r.ok)
                .slice(0, 20)
                .map((r) => (
                  <li key={r.id}>{t('queue.batch.failure', { id: String(r.id), message: r.error?.message ?? '' })}</li>
                ))}
            </ul>
          ),
        });
      }
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

function BatchAssignDialog({ ids, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [mediator, setMediator] = useState<MediatorOption | undefined>();
  const { busy, run } = useBatchRunner(onDone);
  const orgId = mediator?.orgId ?? null;
  return (
    <Modal
      open
      title={t('queue.batch.assignTitle', { count: ids.length })}
      okText={t('queue.batch.assign')}
      confirmLoading={busy}
      okButtonProps={{ disabled: !mediator || orgId === null }}
      onCancel={onClose}
      onOk={() => mediator && orgId !== null && void run(() => call('disputes.batchAssign', { ids, orgId, mediatorId: mediator.personId }), onClose)}
    >
      <Form layout="vertical">
        <Form.Item label={t('case.assign.mediator')} extra={mediator && (mediator.orgName ?? t('queue.noOrg'))}>
          <MediatorSelect value={mediator?.personId} onChange={(_, m) => setMediator(m)} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BatchWarningDialog({ ids, onClose, onDone }: DialogProps) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<WarningLevel>('yellow');
  const [reason, setReason] = useState('');
  const { busy, run } = useBatchRunner(onDone);
  return (
    <Modal
      open
      title={t('queue.batch.warningTitle', { count: ids.length })}
      okText={t('queue.batch.warning')}
      confirmLoading={busy}
      okButtonProps={{ disabled: reason.trim() === '' }}
      onCancel={onClose}
      onOk={() => void run(() => call('disputes.batchSetWarning', { ids, level, reason: reason.trim() }), onClose)}
    >
      <Form layout="vertical">
        <Form.Item label={t('case.warning.level')}>
          <Radio.Group value={level} onChange={(e) => setLevel(WARNING_LEVELS.find((w) => w === e.target.value) ?? 'none')} optionType="button">
            {WARNING_LEVELS.map((w) => (
              <Radio.Button key={w} value={w}>
                {warningText(t, w)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('case.warning.reason')} required>
          <Input.TextArea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
