import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NodeStartup } from '../../../../shared/contract';
import { zhCN } from '../../i18n/zh-CN';

type StartupStep = keyof typeof zhCN.login.startupStep;
const isStep = (step: string): step is StartupStep => Object.hasOwn(zhCN.login.startupStep, step);

/** A first start writes the demo before anyone can log in: how far it is, and which part it is on. */
export function StartupProgress({ startup }: { startup: NodeStartup }) {
  const { t } = useTranslation();
  const failed = startup.state === 'failed';
  const step = startup.step ?? (startup.state === 'opening' ? 'opening' : '');
  return (
    <div role="status" aria-live="polite" data-testid="node-startup" style={{ marginBottom: 16 }}>
      <Typography.Text type={failed ? 'danger' : 'secondary'}>{failed ? t('login.startFailed', { reason: startup.message ?? '' }) : t('login.starting')}</Typography.Text>
      <Progress percent={startup.percent} status={failed ? 'exception' : 'active'} size="small" />
      {!failed && isStep(step) && (
        <Typography.Text type="secondary" data-testid="node-startup-step">
          {t(`login.startupStep.${step}`)}
        </Typography.Text>
      )}
    </div>
  );
}
