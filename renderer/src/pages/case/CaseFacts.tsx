import { Card, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { formatCount } from '../../lib/format';
import { outcomeText, referralText } from '../../lib/labels';
import { chinaDay, formatYuan } from '../queue/queueFormat';

/** What the dispute is about and where: summary, place, amount, people, warning reason, outcome. */
export function CaseFacts({ detail: d }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const place = [d.townshipName, d.villageName, d.gridName].filter(Boolean).join(' / ');
  return (
    <Card size="small" title={t('case.facts')} data-testid="case-facts">
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('case.summary')} span={2}>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{d.summary}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.col.place')} span={2}>
          {place || '—'}
          {d.address ? t('format.paren', { text: d.address }) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('queue.col.amount')}>{formatYuan(d.amountYuan, t) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('queue.col.people')}>{formatCount(d.peopleInvolved)}</Descriptions.Item>
        {d.warningReason && (
          <Descriptions.Item label={t('case.warning.reason')} span={2}>
            {d.warningReason}
          </Descriptions.Item>
        )}
        {d.outcome && (
          <Descriptions.Item label={t('case.outcome')} span={2}>
            {outcomeText(t, d.outcome)}
          </Descriptions.Item>
        )}
        {d.referral && (
          <Descriptions.Item label={t('case.referral')} span={2}>
            {referralText(t, d.referral)}
          </Descriptions.Item>
        )}
        {d.concludedAt && <Descriptions.Item label={t('case.concludedAt')}>{chinaDay(d.concludedAt)}</Descriptions.Item>}
        {d.closedAt && <Descriptions.Item label={t('case.closedAt')}>{chinaDay(d.closedAt)}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}
