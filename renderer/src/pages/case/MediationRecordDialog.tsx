import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { useSession } from '../../session/sessionContext';
import { showFieldErrors } from '../queue/formErrors';

interface Values {
  sessionAt?: Dayjs;
  place?: string;
  participants?: string;
  content?: string;
  result?: string;
}

const FIELDS = new Set(['sessionAt', 'place', 'participants', 'content', 'result']);

/** One mediation session (调解记录): when, where, who, what was said, the result. */
export function MediationRecordDialog({ id, onClose, onDone }: { id: number; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The core's today (the demo pins it), at the current time of day.
  const today = useSession().info?.today;
  const now = today ? dayjs(`${today}T${dayjs().format('HH:mm')}`) : dayjs();

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    try {
      await call('disputes.recordMediation', {
        id,
        sessionAt: (v.sessionAt ?? now).toISOString(),
        place: v.place?.trim() || undefined,
        participants: v.participants?.trim() || undefined,
        content: v.content?.trim() ?? '',
        result: v.result?.trim() || undefined,
      });
      onDone();
    } catch (err) {
      if (!showFieldErrors(form, err, FIELDS)) setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={t('case.record.title')}
      okText={t('case.record.save')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      modalRender={(node) => (
        <Form form={form} layout="vertical" initialValues={{ sessionAt: now }} onFinish={(v) => void submit(v)} data-testid="record-form">
          {node}
        </Form>
      )}
    >
      <Form.Item name="sessionAt" label={t('case.record.sessionAt')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
      </Form.Item>
      <Form.Item name="place" label={t('case.record.place')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="participants" label={t('case.record.participants')}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('case.record.content')}
        rules={[{ required: true, whitespace: true, message: t('case.form.required', { label: t('case.record.content') }) }]}
      >
        <Input.TextArea rows={5} maxLength={8000} showCount />
      </Form.Item>
      <Form.Item name="result" label={t('case.record.result')}>
        <Input maxLength={1000} />
      </Form.Item>
      {error !== null && <Alert type="error" showIcon title={errorText(error, t, i18n.language)} />}
    </Modal>
  );
}
