import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Select, Space, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { SetupDivision } from '../../../../shared/contract';
import { passwordProblem, USERNAME_MESSAGE, USERNAME_PATTERN } from '../../../../shared/domain/passwordRules';
import { call, CoreError } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { useSession } from '../../session/sessionContext';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { FullPageSpin } from '../../components/FullPageSpin';

const LEVELS = ['province', 'city', 'county', 'township'] as const;
type Level = (typeof LEVELS)[number];

interface AdminValues {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
}

/** The children of each picked level, fetched as the picks go down (province → … → villages). */
function useDivisionLists(picked: Partial<Record<Level, string>>) {
  const { t, i18n } = useTranslation();
  const [lists, setLists] = useState<Partial<Record<Level | 'village', SetupDivision[]>>>({});
  const [error, setError] = useState<string | null>(null);
  const parents: Array<[Level | 'village', string | null | undefined]> = [
    ['province', null],
    ['city', picked.province],
    ['county', picked.city],
    ['township', picked.county],
    ['village', picked.township],
  ];
  const key = parents.map(([, p]) => p ?? '').join('/');
  useEffect(() => {
    let live = true;
    for (const [level, parentCode] of parents) {
      if (parentCode === undefined) continue;
      call('setup.divisions', { parentCode }).then(
        ({ divisions }) => live && setLists((l) => ({ ...l, [level]: divisions })),
        (err: unknown) => live && setError(t('setup.loadFailed', { reason: errorText(err, t, i18n.language) })),
      );
    }
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names every parent
  }, [key]);
  return { lists, error };
}

/**
 * First-run setup of a real node: which township it is (from China's division list), the first admin, an
 * empty start. One call completes it (setup.complete, one audited transaction) or leaves the node as it was.
 */
export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { info, reloadInfo } = useSession();
  const [step, setStep] = useState(0);
  const [picked, setPicked] = useState<Partial<Record<Level, string>>>({});
  const { lists, error: listError } = useDivisionLists(picked);
  const [form] = Form.useForm<AdminValues>();
  const [admin, setAdmin] = useState<AdminValues | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState<{ township: string; villages: number; username: string } | null>(null);

  if (!info) return <FullPageSpin />;
  if (info.configured && !done) return <Navigate to="/login" replace />;

  const nameOf = (level: Level) => lists[level]?.find((d) => d.code === picked[level])?.name ?? '';
  const pick = (level: Level, code: string) => {
    const next: Partial<Record<Level, string>> = {};
    for (const l of LEVELS) {
      if (l === level) {
        next[l] = code;
        break;
      }
      next[l] = picked[l];
    }
    setPicked(next);
  };
  const villages = picked.township ? lists.village : undefined;

  const finish = async () => {
    if (!admin || !picked.township) return;
    setBusy(true);
    setFailure(null);
    try {
      const res = await call('setup.complete', {
        townshipCode: picked.township,
        admin: { username: admin.username, displayName: admin.displayName, password: admin.password },
        start: 'empty',
      });
      setDone({ township: nameOf('township'), villages: res.villages, username: res.account.username });
      reloadInfo();
    } catch (err) {
      setFailure(err);
      // A field the core refused sends the user back to the step that has it.
      if (err instanceof CoreError && err.field?.startsWith('admin.')) {
        setStep(1);
        const field = err.field.slice('admin.'.length) as keyof AdminValues;
        form.setFields([{ name: field, errors: [errorText(err, t, i18n.language).replace(/^输入有误：[^：]+：/, '')] }]);
      } else if (err instanceof CoreError && err.field === 'townshipCode') {
        setStep(0);
      }
    } finally {
      setBusy(false);
    }
  };

  const stepDivision = (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {LEVELS.map((level, i) => (
        <Flex key={level} align="center" gap={12}>
          <Typography.Text style={{ width: 160 }}>{t(`setup.${level}`)}</Typography.Text>
          <Select
            style={{ flex: 1 }}
            data-testid={`setup-${level}`}
            aria-label={t(`setup.${level}`)}
            placeholder={t('setup.pick')}
            disabled={i > 0 && !picked[LEVELS[i - 1]!]}
            value={picked[level]}
            onChange={(code: string) => pick(level, code)}
            showSearch={{ optionFilterProp: 'label' }}
            loading={i > 0 && Boolean(picked[LEVELS[i - 1]!]) && !lists[level]}
            options={(i === 0 || picked[LEVELS[i - 1]!] ? (lists[level] ?? []) : []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Flex>
      ))}
      {villages && (
        <div data-testid="setup-villages">
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {villages.length ? t('setup.villages', { count: villages.length }) : t('setup.noVillages')}
          </Typography.Paragraph>
          <Flex wrap gap={4} style={{ maxHeight: 160, overflow: 'auto' }}>
            {villages.map((v) => (
              <Tag key={v.code}>{v.name}</Tag>
            ))}
          </Flex>
        </div>
      )}
      <Flex justify="flex-end">
        <Button type="primary" disabled={!picked.township} onClick={() => setStep(1)} data-testid="setup-next">
          {picked.township ? t('setup.next') : t('setup.pickTownship')}
        </Button>
      </Flex>
    </Space>
  );

  const stepAdmin = (
    <Form<AdminValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      data-testid="setup-admin"
      onFinish={(v) => {
        setAdmin(v);
        setStep(2);
      }}
    >
      <Form.Item
        label={t('setup.username')}
        name="username"
        extra={t('setup.usernameHelp')}
        rules={[
          { required: true, message: t('setup.required') },
          { pattern: USERNAME_PATTERN, message: i18n.language === 'zh-CN' ? USERNAME_MESSAGE : t('setup.usernameHelp') },
        ]}
      >
        <Input autoComplete="off" spellCheck={false} autoCapitalize="off" />
      </Form.Item>
      <Form.Item label={t('setup.displayName')} name="displayName" extra={t('setup.displayNameHelp')} rules={[{ required: true, whitespace: true, message: t('setup.required') }]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        label={t('setup.password')}
        name="password"
        extra={t('setup.passwordHelp')}
        dependencies={['username']}
        rules={[
          { required: true, message: t('setup.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              const problem = value ? passwordProblem(value, getFieldValue('username') as string | undefined) : null;
              if (problem) throw new Error(i18n.language === 'zh-CN' ? problem : t('setup.passwordHelp'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('setup.confirm')}
        name="confirm"
        dependencies={['password']}
        rules={[
          { required: true, message: t('setup.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: string | undefined) => {
              if (value && value !== getFieldValue('password')) throw new Error(t('setup.confirmMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Flex justify="space-between">
        <Button onClick={() => setStep(0)}>{t('setup.back')}</Button>
        <Button type="primary" htmlType="submit" data-testid="setup-admin-next">
          {t('setup.next')}
        </Button>
      </Flex>
    </Form>
  );

  const chain = LEVELS.map(nameOf).filter(Boolean).join(' / ');
  const stepStart = (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Radio.Group value="empty">
        <Radio value="empty" data-testid="setup-start-empty">
          <Typography.Text strong>{t('setup.startEmpty')}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{t('setup.startEmptyHelp')}</Typography.Text>
        </Radio>
      </Radio.Group>
      <Alert type="info" showIcon title={t('setup.demoNote')} />
      {admin && (
        <Typography.Paragraph data-testid="setup-summary" style={{ marginBottom: 0 }}>
          {t('setup.summary', { chain, name: admin.displayName, username: admin.username })}
        </Typography.Paragraph>
      )}
      {failure !== null && <Alert type="error" showIcon role="alert" data-testid="setup-error" title={errorText(failure, t, i18n.language)} />}
      <Flex justify="space-between">
        <Button onClick={() => setStep(1)} disabled={busy}>
          {t('setup.back')}
        </Button>
        <Button type="primary" loading={busy} onClick={() => void finish()} data-testid="setup-finish">
          {t('setup.finish')}
        </Button>
      </Flex>
    </Space>
  );

  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Flex justify="flex-end" style={{ position: 'fixed', top: 12, right: 16 }}>
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: 760, marginTop: 32 }} data-testid="setup-wizard">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('app.name')} · {t('setup.title')}
        </Typography.Title>
        {done ? (
          <Result
            status="success"
            title={t('setup.doneTitle')}
            subTitle={t('setup.doneText', { ...done, villages: String(done.villages) })}
            data-testid="setup-done"
            extra={
              <Button type="primary" onClick={() => void navigate('/login', { replace: true })} data-testid="setup-to-login">
                {t('setup.toLogin')}
              </Button>
            }
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
            <Steps current={step} style={{ marginBottom: 24 }} items={[{ title: t('setup.stepDivision') }, { title: t('setup.stepAdmin') }, { title: t('setup.stepStart') }]} />
            {listError && <Alert type="error" showIcon title={listError} style={{ marginBottom: 12 }} />}
            <div hidden={step !== 0}>{stepDivision}</div>
            <div hidden={step !== 1}>{stepAdmin}</div>
            <div hidden={step !== 2}>{stepStart}</div>
          </>
        )}
      </Card>
    </Flex>
  );
}
