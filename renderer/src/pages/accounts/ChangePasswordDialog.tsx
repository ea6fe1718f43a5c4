import { useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../../../../shared/domain/passwordRules';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { showFieldError } from './fieldErrors';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/**
 * Change one's own password, the current one required. `forced`: logged in with a one-time password, the
 * dialog cannot be dismissed (the core refuses everything else until it is changed).
 */
export function ChangePasswordDialog({ open, forced, username, onDone, onCancel }: { open: boolean; forced: boolean; username: string; onDone(): void; onCancel(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setFailure(null);
    try {
      await call('session.changePassword', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('accounts.changed'));
      form.resetFields();
      onDone();
    } catch (err) {
      if (!showFieldError(form, err, t, i18n.language, ['currentPassword', 'newPassword'])) setFailure(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={forced ? t('accounts.mustChangeTitle') : t('accounts.changeTitle')}
      okText={t('accounts.save')}
      cancelText={t('accounts.cancel')}
      confirmLoading={busy}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      cancelButtonProps={{ style: forced ? { display: 'none' } : {} }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      data-testid="change-password"
    >
      {forced && <Alert type="warning" showIcon title={t('accounts.mustChangeText')} style={{ marginBottom: 12 }} />}
      {failure !== null && <Alert type="error" showIcon role="alert" title={errorText(failure, t, i18n.language)} style={{ marginBottom: 12 }} />}
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)} data-testid="change-password-form">
        <Form.Item label={t('accounts.currentPassword')} name="currentPassword" rules={[{ required: true, message: t('accounts.required') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Form.Item
          label={t('accounts.newPassword')}
          name="newPassword"
          extra={t('accounts.passwordHelp')}
          rules={[
            { required: true, message: t('accounts.required') },
            {
              validator: async (_, value: string | undefined) => {
                const problem = value ? passwordProblem(value, username) : null;
                if (problem) throw new Error(i18n.language === 'zh-CN' ? problem : t('accounts.passwordHelp'));
              },
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label={t('accounts.confirmPassword')}
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('accounts.required') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('accounts.confirmMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
