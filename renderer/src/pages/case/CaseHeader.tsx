import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { categoryText, deadlineBasisText, sourceText, statusText, warningText } from '../../lib/labels';
import { chinaDay, WARNING_COLORS } from '../queue/queueFormat';

/** Case number, status, colour and the deadlines that matter today. */
export function CaseHeader({ detail: d }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const dl = d.deadlines;
  return (
    <Flex vertical gap={6}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={1} className="gc-page-title gc-mono" style={{ margin: 0 }} data-testid="case-no">
          {d.caseNo}
        </Typography.Title>
        <Tag color="processing" data-testid="case-status">
          {statusText(t, d.status)}
        </Tag>
        {d.warning !== 'none' && (
          <Tag color={WARNING_COLORS[d.warning]} data-testid="case-warning" title={d.warningReason ?? undefined}>
            {t('case.warningTag', { level: warningText(t, d.warning) })}
          </Tag>
        )}
        {d.overdue && <Tag color="red">{t('case.overdue')}</Tag>}
        {!d.overdue && d.dueSoon && <Tag color="orange">{t('case.dueSoon')}</Tag>}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} data-testid="case-summary-fields">
        <Descriptions.Item label={t('queue.col.category')}>{categoryText(t, d.category)}</Descriptions.Item>
        <Descriptions.Item label={t('queue.col.source')}>{sourceText(t, d.source)}</Descriptions.Item>
        <Descriptions.Item label={t('queue.col.registeredAt')}>{chinaDay(d.registeredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('case.acceptedAt')}>{chinaDay(d.acceptedAt) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.mediationDeadline')}>
          {dl.mediation ? (
            <span data-testid="case-deadline">
              {dl.mediation}
              {dl.daysLeft !== null && (
                <Typography.Text type={dl.daysLeft < 0 ? 'danger' : 'secondary'}>
                  {' '}
                  {dl.daysLeft < 0 ? t('case.daysOver', { count: -dl.daysLeft }) : t('case.daysLeft', { count: dl.daysLeft })}
                </Typography.Text>
              )}
              {dl.basis && <Typography.Text type="secondary">{t('format.paren', { text: deadlineBasisText(t, dl.basis) })}</Typography.Text>}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        {dl.judicialConfirmation && (
          <Descriptions.Item label={t('case.judicialDeadline')}>{dl.judicialConfirmation}</Descriptions.Item>
        )}
        <Descriptions.Item label={t('case.mediator')}>
          {d.mediatorName ? (d.orgName ? t('format.withNote', { name: d.mediatorName, note: d.orgName }) : d.mediatorName) : '—'}
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
