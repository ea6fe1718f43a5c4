import { Button, Descriptions, Drawer, List, Skeleton, Space, Tag, Typography } from 'antd';
import { AimOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../../hooks/useCall';
import { useDataChanged } from '../../hooks/useDataChanged';
import { CallError } from '../../components/CallError';
import { formatCount } from '../../lib/format';
import { servicePointCategoryText } from '../../lib/labels';
import type { GridCard } from '../../../../shared/contract/grids';

interface Props {
  gridCode: string | null;
  onClose(): void;
  onLocate(card: GridCard): void;
}

/** The queue, filtered to one grid (the route the queue page reads: #/queue?grid=<gridCode>). */
export function queueLinkForGrid(gridCode: string): string {
  return `/queue?grid=${gridCode}`;
}

function distance(m: number): string {
  return m < 1000 ? `${m} m` : `${(m / 1000).toFixed(1)} km`;
}

/** A grid's card: who looks after it, how many people live there, what is open, who can help nearby. */
export function GridCardDrawer({ gridCode, onClose, onLocate }: Props) {
  const { t } = useTranslation();
  const card = useCall('grids.card', { code: gridCode ?? '', nearbyRadiusM: 2000 }, gridCode !== null);
  useDataChanged(card.reload, ['dispute', 'grid', 'service_point']);
  const c = card.data && card.data.code === gridCode ? card.data : undefined;

  return (
    <Drawer
      open={gridCode !== null}
      onClose={onClose}
      mask={false}
      size={400}
      title={c ? t('map.card.title', { name: c.name }) : t('map.card.loading')}
      extra={
        c && (
          <Button size="small" icon={<AimOutlined />} onClick={() => onLocate(c)}>
            {t('map.card.locate')}
          </Button>
        )
      }
    >
      <div data-testid="grid-card">
      {card.error !== null && card.error !== undefined && !c ? <CallError error={card.error} onRetry={card.reload} /> : null}
      {!c && !card.error && <Skeleton active />}
      {c && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('map.card.code')}>
              <span className="gc-mono" data-testid="grid-card-code">
                {c.code}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('map.card.place')}>
              <span data-testid="grid-card-village">
                {c.countyName} · {c.townshipName} · {c.villageName}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('map.card.workers')}>
              {c.workers.length === 0 ? (
                <Typography.Text type="secondary">{t('map.card.workerCount', { count: c.workerCount })}</Typography.Text>
              ) : (
                <div data-testid="grid-card-workers">
                  {c.workers.map((w, i) => (
                    <div key={i}>
                      {w.name}
                      {w.title ? <Typography.Text type="secondary">{t('format.paren', { text: w.title })}</Typography.Text> : null}{' '}
                      {w.phone && (
                        <span className="gc-mono">
                          <PhoneOutlined /> {w.phone}
                        </span>
                      )}
                    </div>
                  ))}
                </div>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('map.card.households')}>
              <span className="gc-num" data-testid="grid-card-households" data-value={c.households}>
                {formatCount(c.households)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('map.card.population')}>
              <span className="gc-num" data-testid="grid-card-population" data-value={c.population}>
                {formatCount(c.population)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('map.card.wechat')}>
              <span className="gc-num" data-testid="grid-card-wechat">
                {t('map.card.wechatValue', { groups: formatCount(c.wechatGroups), members: formatCount(c.wechatMembers) })}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('map.card.openDisputes')}>
              <Link to={queueLinkForGrid(c.code)} data-testid="grid-card-open-disputes" data-value={c.openDisputes}>
                {t('map.card.openDisputesValue', { count: c.openDisputes })}
              </Link>
              {c.redWarnings > 0 && (
                <Tag color="red" style={{ marginLeft: 8 }}>
                  {t('map.card.redWarnings', { count: c.redWarnings })}
                </Tag>
              )}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Text strong>{t('map.card.nearby', { radius: distance(c.nearbyRadiusM) })}</Typography.Text>
            <List
              size="small"
              data-testid="grid-card-nearby"
              dataSource={c.nearbyPoints}
              locale={{ emptyText: t('map.card.noNearby') }}
              renderItem={(p) => (
                <List.Item key={p.id} extra={<span className="gc-num">{distance(p.distanceM)}</span>}>
                  <List.Item.Meta
                    title={p.name}
                    description={
                      <>
                        {servicePointCategoryText(t, p.category, p.categoryName)}
                        {p.phone ? <span className="gc-mono"> · {p.phone}</span> : null}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </div>
        </Space>
      )}
      </div>
    </Drawer>
  );
}
