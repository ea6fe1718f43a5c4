import { useEffect, useState } from 'react';
import { App, Button, Card, Form, InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useCall } from '../../hooks/useCall';
import { errorText } from '../../lib/errorText';

interface Values {
  sessionHours: number;
  idleLockMinutes: number;
}

/** Session length and the idle lock of shared office PCs (admin). */
export function SessionPolicyCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const policy = useCall('session.policy', {});
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  const save = async (v: Values) => {
    setBusy(true);
    try {
      await call('session.setPolicy', v);
      void message.success(t('accounts.saved'));
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('accounts.policyTitle')} style={{ maxWidth: 720 }}>
      <Form<Values> form={form} layout="inline" onFinish={(v) => void save(v)} data-testid="session-policy">
        <Space wrap>
          <Form.Item label={t('accounts.sessionHours')} name="sessionHours" rules={[{ required: true }]}>
            <InputNumber min={1} max={72} precision={0} />
          </Form.Item>
          <Form.Item label={t('accounts.idleLockMinutes')} name="idleLockMinutes" rules={[{ required: true }]}>
            <InputNumber min={0} max={240} precision={0} />
          </Form.Item>
          <Button htmlType="submit" loading={busy}>
            {t('accounts.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
