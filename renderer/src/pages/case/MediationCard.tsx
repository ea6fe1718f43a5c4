import { Card, Descriptions, Empty, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { chinaDay, chinaMinute } from '../queue/queueFormat';

/** 调解记录, the agreement (人民调解法 Art. 29 content) and the follow-up visits. */
export function MediationCard({ detail: d }: { detail: DisputeDetail }) {
  const { t } = useTranslation();
  const a = d.agreement;
  return (
    <Card size="small" title={t('case.mediation.title')} data-testid="case-mediation">
      {d.mediationRecords.length === 0 && !a && d.followUps.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.mediation.none')} />
      )}
      {d.mediationRecords.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('case.mediation.records', { count: d.mediationRecords.length })}</Typography.Text>}
          dataSource={d.mediationRecords}
          renderItem={(r) => (
            <List.Item data-testid="mediation-record">
              <List.Item.Meta
                title={`${chinaMinute(r.sessionAt)}${r.place ? ` · ${r.place}` : ''} · ${r.recordedBy}`}
                description={
                  <>
                    {r.participants && <div>{t('format.labelled', { label: t('case.record.participants'), value: r.participants })}</div>}
                    <div style={{ whiteSpace: 'pre-wrap' }}>{r.content}</div>
                    {r.result && <div>{t('format.labelled', { label: t('case.record.result'), value: r.result })}</div>}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {a && (
        <Descriptions size="small" bordered column={1} title={t('case.mediation.agreement')} data-testid="case-agreement" style={{ marginTop: 8 }}>
          <Descriptions.Item label={t('case.form.facts')}>{a.facts}</Descriptions.Item>
          <Descriptions.Item label={t('case.form.issues')}>{a.issues}</Descriptions.Item>
          {a.responsibilities && <Descriptions.Item label={t('case.form.responsibilities')}>{a.responsibilities}</Descriptions.Item>}
          <Descriptions.Item label={t('case.form.content')}>{a.content}</Descriptions.Item>
          <Descriptions.Item label={t('case.form.performanceMethod')}>{a.performanceMethod}</Descriptions.Item>
          {a.performanceDeadline && <Descriptions.Item label={t('case.form.performanceDeadline')}>{a.performanceDeadline}</Descriptions.Item>}
          <Descriptions.Item label={t('case.mediation.agreedAt')}>{chinaDay(a.agreedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('case.judicialDeadline')}>{a.judicialConfirmationDeadline}</Descriptions.Item>
        </Descriptions>
      )}
      {d.followUps.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 8 }}
          header={<Typography.Text strong>{t('case.mediation.followUps')}</Typography.Text>}
          dataSource={d.followUps}
          renderItem={(f) => (
            <List.Item data-testid="follow-up">
              {chinaDay(f.visitedAt)} · {f.byName} ·{' '}
              {f.performed
                ? t('case.followUp.summary', {
                    method: f.method ? t(`case.followUp.${f.method === 'visit' || f.method === 'phone' ? f.method : 'other'}`) : '',
                    satisfaction: f.satisfaction ? t(`case.followUp.s${f.satisfaction === 1 ? 1 : f.satisfaction === 2 ? 2 : 3}`) : '',
                  })
                : t('case.followUp.notPerformed')}
              {f.note ? ` · ${f.note}` : ''}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
