import { Card, List, Space, Tag, Typography } from 'antd';
import { PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { useCall } from '../../hooks/useCall';
import { errorText } from '../../lib/errorText';
import { formatCount } from '../../lib/format';
import { servicePointCategoryText } from '../../lib/labels';

/** Metres as a person reads them: 850 米, 2.4 公里. */
export function distanceText(t: (k: 'case.help.metres' | 'case.help.km', o: { n: string }) => string, m: number): string {
  return m < 1000 ? t('case.help.metres', { n: formatCount(m) }) : t('case.help.km', { n: (m / 1000).toFixed(m < 10_000 ? 1 : 0) });
}

/**
 * Who can help here: the nearest committees, legal-service points, counselling rooms and police rooms of
 * the kinds the case's category calls for (the core's directory.whoCanHelp), with distance and phone.
 */
export function WhoCanHelpCard({ detail: d }: { detail: DisputeDetail }) {
  const { t, i18n } = useTranslation();
  const help = useCall('directory.whoCanHelp', { disputeId: d.id, limit: 8 });
  const points = help.data?.points ?? [];
  return (
    <Card size="small" title={t('case.help.title')} data-testid="case-help" loading={help.loading && !help.data}>
      {help.error !== null && !help.data ? (
        <Typography.Text type="secondary">{errorText(help.error, t, i18n.language)}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={points}
          locale={{ emptyText: t('case.help.none') }}
          renderItem={(p) => (
            <List.Item data-testid="case-help-item" extra={<span className="gc-num">{distanceText(t, p.distanceM)}</span>}>
              <Space direction="vertical" size={0}>
                <Space size={6} wrap>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  <Tag style={{ marginInlineEnd: 0 }}>
                    {p.kind === 'mediationOrg' ? t('case.help.committee') : servicePointCategoryText(t, p.category, p.categoryName)}
                  </Tag>
                </Space>
                {p.phone && (
                  <Typography.Text className="gc-mono" copyable>
                    <PhoneOutlined /> {p.phone}
                  </Typography.Text>
                )}
                {p.address && <Typography.Text type="secondary">{p.address}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
