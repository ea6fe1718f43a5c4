import { useState, type RefObject } from 'react';
import { Alert, Button, Form, Input, type FormInstance, type InputRef } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { CoreError } from '../../api/client';
import { errorText } from '../../lib/errorText';

export interface LoginValues {
  username: string;
  password: string;
}

interface Props {
  form: FormInstance<LoginValues>;
  onLogin: (values: LoginValues) => Promise<void>;
  usernameRef: RefObject<InputRef | null>;
  passwordRef: RefObject<InputRef | null>;
  submitRef: RefObject<HTMLButtonElement | null>;
  notice?: string | undefined;
  /** Until the node is ready (a first start writes the demo): every field and the button. */
  disabled?: boolean;
  /** The last refusal from the core (kept by the page so picking a demo account can clear it). */
  error: unknown;
  onError: (error: unknown) => void;
}

/** Username and password; Enter in either field submits. The core's refusal is shown above the form. */
export function LoginForm({ form, onLogin, usernameRef, passwordRef, submitRef, notice, disabled = false, error, onError }: Props) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    onError(null);
    try {
      await onLogin(values);
    } catch (err) {
      onError(err);
      if (err instanceof CoreError && err.code === 'INVALID_INPUT' && (err.field === 'username' || err.field === 'password')) {
        form.setFields([{ name: err.field, errors: [errorText(err, t, i18n.language)] }]);
      } else if (err instanceof CoreError && err.code === 'BAD_CREDENTIALS') {
        form.setFieldValue('password', '');
        passwordRef.current?.focus();
      }
      setBusy(false);
    }
  };

  return (
    <Form<LoginValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      disabled={disabled}
      onFinish={(v) => void onFinish(v)}
      onValuesChange={() => onError(null)}
      aria-label={t('login.title')}
      data-testid="login-form"
    >
      {error !== null ? (
        <Alert type="error" showIcon role="alert" data-testid="login-error" title={errorText(error, t, i18n.language)} style={{ marginBottom: 12 }} />
      ) : notice ? (
        <Alert type="warning" showIcon role="status" title={notice} style={{ marginBottom: 12 }} />
      ) : null}
      <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
        <Input ref={usernameRef} prefix={<UserOutlined />} autoFocus autoComplete="username" spellCheck={false} autoCapitalize="off" />
      </Form.Item>
      <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
        <Input.Password ref={passwordRef} prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button ref={submitRef} type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
        {t('login.submit')}
      </Button>
    </Form>
  );
}
