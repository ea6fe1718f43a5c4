import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import type { WorkflowAction } from '../../../../shared/domain/workflow';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { showFieldErrors } from '../queue/formErrors';
import { TransitionFields } from './TransitionFields';
import { transitionInput, type TransitionValues } from './transitionInput';

const FORM_FIELDS = new Set([
  'note', 'reason', 'answer', 'orgId', 'mediatorId', 'facts', 'issues', 'responsibilities', 'content',
  'performanceMethod', 'performanceDeadline', 'referral', 'referralBody', 'performed', 'visitedAt', 'method', 'satisfaction',
]);

interface Props {
  detail: DisputeDetail;
  action: WorkflowAction;
  onClose(): void;
  onDone(): void;
}

/** One workflow step's form; the core checks it again and its field messages land on the fields. */
export function TransitionDialog({ detail, action, onClose, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<TransitionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: TransitionValues) => {
    // One step, one call: a second press while the first is on its way would only meet a CONFLICT.
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await call('disputes.transition', transitionInput(action, detail.id, values));
      onDone();
    } catch (err) {
      if (!showFieldErrors(form, err, FORM_FIELDS)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={action === 'reachAgreement' ? 760 : 560}
      title={t('case.dialogTitle', { action: t(`case.action.${action}`), caseNo: detail.caseNo })}
      okText={t(`case.action.${action}`)}
      okButtonProps={{ danger: action === 'decline' || action === 'fail' }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      modalRender={(node) => (
        <Form
          form={form}
          layout="vertical"
          data-testid={`transition-form-${action}`}
          initialValues={initialValues(action, detail)}
          onFinish={(v) => void submit(v)}
        >
          {node}
        </Form>
      )}
    >
      <TransitionFields action={action} detail={detail} />
      {error !== null && <Alert type="error" showIcon role="alert" title={errorText(error, t, i18n.language)} />}
    </Modal>
  );
}

function initialValues(action: WorkflowAction, d: DisputeDetail): TransitionValues {
  switch (action) {
    case 'reachAgreement':
      return { facts: d.summary };
    case 'followUp':
      return { performed: true, method: 'phone', satisfaction: 3 };
    case 'fail':
      return { referral: 'litigation' };
    default:
      return {};
  }
}
