import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { showFieldErrors } from '../queue/formErrors';

interface Values {
  reason: string;
}

/**
 * Ask for one case's parties in full (disputes.unmask): a permission of its own for a role that sees them
 * masked, with the reason, which the core records in the audit log and the read log.
 */
export function UnmaskDialog({ id, onClose, onDone }: { id: number; onClose(): void; onDone(parties: OutputOf<'disputes.unmask'>['parties']): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      const out = await call('disputes.unmask', { id, reason: v.reason.trim() });
      onDone(out.parties);
    } catch (err) {
      if (!showFieldErrors(form, err, new Set(['reason']))) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('case.unmask.title')}
      okText={t('case.unmask.confirm')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      modalRender={(node) => (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="unmask-form">
          {node}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">{t('case.unmask.notice')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={t('case.unmask.reason')}
        rules={[{ required: true, whitespace: true, min: 4, message: t('case.unmask.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="unmask-reason" />
      </Form.Item>
      {error !== null && <Alert type="error" showIcon title={errorText(error, t, i18n.language)} />}
    </Modal>
  );
}
