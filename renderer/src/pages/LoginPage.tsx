import { useEffect, useRef, useState } from 'react';
import { Button, Card, Col, Flex, Form, Row, Space, Tag, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../session/sessionContext';
import { errorText } from '../lib/errorText';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { FullPageSpin } from '../components/FullPageSpin';
import { DemoAccountsPanel } from './login/DemoAccountsPanel';
import { LoginForm, type LoginValues } from './login/LoginForm';
import { StartupProgress } from './login/StartupProgress';

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string' && state.from !== '/login') {
    return state.from;
  }
  return '/dashboard';
}

export function LoginPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { info, infoError, reloadInfo, startup, status, account, sessionLost, idleLocked, login } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const usernameRef = useRef<InputRef>(null);
  const passwordRef = useRef<InputRef>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const [loginError, setLoginError] = useState<unknown>(null);
  // The fields were disabled while the node started (autoFocus did nothing then): focus them once they open.
  const waiting = startup !== null;
  useEffect(() => {
    if (!waiting) usernameRef.current?.focus();
  }, [waiting]);

  // While the node starts, the page shows its progress even for a kept token (checked once it is ready).
  if (status === 'restoring' && !startup) return <FullPageSpin />;
  if (account) return <Navigate to={returnPath(location.state)} replace />;
  // A real node before its first-run setup: nobody can log in yet, the wizard comes first.
  if (info && !info.configured) return <Navigate to="/setup" replace />;

  const onLogin = async ({ username, password }: LoginValues) => {
    await login(username.trim(), password);
    void navigate(returnPath(location.state), { replace: true });
  };

  const demoAccounts = info?.demo ? info.demoAccounts : [];

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Flex justify="flex-end" style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Row gutter={[16, 16]} justify="center" style={{ width: '100%', maxWidth: demoAccounts.length ? 900 : 400 }}>
        <Col xs={24} md={demoAccounts.length ? 11 : 24}>
          <Card>
            <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4 }}>
              {t('app.name')}
            </Typography.Title>
            <Space size={8} wrap style={{ marginBottom: 16 }}>
              <Typography.Text type="secondary" data-testid="login-node">
                {info ? (info.node ? t('login.nodeLabel', { name: info.node.name }) : t('login.noNode')) : t('login.subtitle')}
              </Typography.Text>
              {info?.demo && <Tag color="orange">{t('header.demo')}</Tag>}
            </Space>
            {infoError !== null && (
              <Typography.Paragraph type="danger" role="alert">
                {t('login.infoFailed', { reason: errorText(infoError, t, i18n.language) })}{' '}
                <Button size="small" onClick={reloadInfo}>
                  {t('login.retry')}
                </Button>
              </Typography.Paragraph>
            )}
            {startup && <StartupProgress startup={startup} />}
            <LoginForm
              form={form}
              disabled={startup !== null}
              onLogin={onLogin}
              usernameRef={usernameRef}
              passwordRef={passwordRef}
              submitRef={submitRef}
              notice={idleLocked ? t('login.idleLocked') : sessionLost ? t('login.sessionLost') : undefined}
              error={loginError}
              onError={setLoginError}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }} data-testid="login-version">
              {info ? t('app.version', { version: info.appVersion }) : '\u00a0'}
            </Typography.Paragraph>
          </Card>
        </Col>
        {demoAccounts.length > 0 && (
          <Col xs={24} md={13}>
            <DemoAccountsPanel
              accounts={demoAccounts}
              onPick={(a) => {
                form.setFieldsValue({ username: a.username });
                form.setFields([{ name: 'username', errors: [] }]);
                setLoginError(null);
                // The password is typed (the README gives the demo's): the cursor goes there.
                passwordRef.current?.focus();
              }}
            />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
