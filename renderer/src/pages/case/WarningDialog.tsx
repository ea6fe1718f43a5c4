import { useState } from 'react';
import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { WARNING_LEVELS, type WarningLevel } from '../../../../shared/domain/disputeStatus';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { showFieldErrors } from '../queue/formErrors';
import { warningText } from '../../lib/labels';

interface Values {
  level: WarningLevel;
  reason?: string;
}

/** Change the warning colour by hand, with the reason (it goes on the timeline). */
export function WarningDialog({ detail, onClose, onDone }: { detail: DisputeDetail; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call('disputes.setWarning', { id: detail.id, level: v.level, reason: v.reason?.trim() ?? '' });
      onDone();
    } catch (err) {
      if (!showFieldErrors(form, err, new Set(['level', 'reason']))) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('case.warning.title')}
      okText={t('case.warning.save')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      modalRender={(node) => (
        <Form form={form} layout="vertical" initialValues={{ level: detail.warning }} onFinish={(v) => void submit(v)} data-testid="warning-form">
          {node}
        </Form>
      )}
    >
      <Form.Item name="level" label={t('case.warning.level')}>
        <Radio.Group optionType="button">
          {WARNING_LEVELS.map((w) => (
            <Radio.Button key={w} value={w}>
              {warningText(t, w)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('case.warning.reason')}
        rules={[{ required: true, whitespace: true, message: t('case.form.required', { label: t('case.warning.reason') }) }]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      {error !== null && <Alert type="error" showIcon title={errorText(error, t, i18n.language)} />}
    </Modal>
  );
}
