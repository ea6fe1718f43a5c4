import { Alert, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WARNING_LEVELS, type WarningLevel } from '../../../../../shared/domain/disputeStatus';
import { proposeWarning, warningOverride, type WarningProposal } from '../../../../../shared/domain/warningRules';
import { warningFactorText, warningText } from '../../../lib/labels';
import { WARNING_COLORS } from '../queueFormat';
import type { IntakeValues } from './intakeValues';

/** The rules' colour for what has been typed so far (the same rules the core applies). */
export function useProposedWarning(): WarningProposal {
  const v = Form.useWatch<IntakeValues | undefined>([]);
  if (!v?.category) return { level: 'none', reasons: [], factors: [] };
  return proposeWarning({
    category: v.category,
    summary: v.summary ?? '',
    peopleInvolved: v.peopleInvolved ?? 1,
    amountYuan: v.amountYuan ?? undefined,
    repeatVisits: v.repeatVisits ?? 0,
  });
}

/**
 * The proposed colour with its reasons; the clerk may pick another, and must then say why. Whether a reason
 * is needed is the core's rule (warningOverride), applied here too so the field appears when it will be asked for.
 */
export function WarningField({ proposal }: { proposal: WarningProposal }) {
  const { t } = useTranslation();
  const chosen = Form.useWatch<WarningLevel | undefined>('warning');
  const level = chosen ?? proposal.level;
  const overridden = chosen !== undefined && warningOverride(proposal.level, chosen) !== null;
  return (
    <>
      <Alert
        type={proposal.level === 'red' ? 'error' : proposal.level === 'none' ? 'info' : 'warning'}
        showIcon
        data-testid="intake-warning-proposal"
        data-level={proposal.level}
        style={{ marginBottom: 8 }}
        title={
          <Space wrap>
            {t('intake.warning.proposed')}
            <Tag color={WARNING_COLORS[proposal.level]}>{warningText(t, proposal.level)}</Tag>
            <Typography.Text type="secondary">{proposal.factors.map((f) => warningFactorText(t, f)).join(t('intake.warning.reasonJoin')) || t('intake.warning.noReason')}</Typography.Text>
          </Space>
        }
      />
      <Form.Item label={t('intake.warning.level')} name="warning" getValueProps={() => ({ value: level })}>
        <Radio.Group optionType="button" buttonStyle="solid">
          {WARNING_LEVELS.map((w) => (
            <Radio.Button key={w} value={w}>
              {warningText(t, w)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {overridden && (
        <Form.Item
          name="warningReason"
          label={t('intake.warning.reason')}
          rules={[{ required: true, whitespace: true, message: t('intake.warning.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      )}
    </>
  );
}
