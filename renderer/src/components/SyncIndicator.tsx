import { useEffect } from 'react';
import { Button, Space, Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useCall } from '../hooks/useCall';
import { formatChinaDateTime, formatCount } from '../lib/format';
import { useMayCall } from '../session/sessionContext';

const POLL_MS = 30_000;

/**
 * The status bar's sync state (a node connected to a hub): synced, changes waiting, or the last error,
 * with the last success in the tooltip and a button to sync now. Nothing on a node that syncs nowhere.
 */
export function SyncIndicator() {
  const may = useMayCall();
  return may('sync.status') ? <SyncIndicatorInner /> : null;
}

function SyncIndicatorInner() {
  const { t } = useTranslation();
  const status = useCall('sync.status', {});
  const { reload } = status;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const s = status.data;
  if (!s?.connected) return null;

  const [color, icon, label] = s.lastError
    ? (['error', <ExclamationCircleOutlined key="i" />, t('sync.indicator.failed')] as const)
    : s.pending > 0
      ? (['processing', <SyncOutlined key="i" />, t('sync.indicator.pending', { count: s.pending, n: formatCount(s.pending) })] as const)
      : s.lastSuccessAt
        ? (['success', <CheckCircleOutlined key="i" />, t('sync.indicator.ok')] as const)
        : (['default', <CloudSyncOutlined key="i" />, t('sync.indicator.never')] as const);
  const tip = [
    s.lastSuccessAt ? t('sync.indicator.lastSuccess', { at: formatChinaDateTime(s.lastSuccessAt) }) : t('sync.indicator.never'),
    s.lastError ? t('sync.indicator.lastError', { error: s.lastError }) : null,
  ]
    .filter(Boolean)
    .join('\n');

  const syncNow = async () => {
    await call('sync.now', {}).catch(() => undefined);
    window.setTimeout(reload, 1500);
  };

  return (
    <Space size={4} data-testid="sync-indicator" data-state={s.lastError ? 'failed' : s.pending > 0 ? 'pending' : 'ok'}>
      <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>
        <Tag color={color} icon={icon} style={{ marginInlineEnd: 0 }} role="status">
          {label}
        </Tag>
      </Tooltip>
      <Tooltip title={t('sync.indicator.syncNow')}>
        <Button size="small" type="text" icon={<CloudSyncOutlined />} aria-label={t('sync.indicator.syncNow')} onClick={() => void syncNow()} data-testid="sync-now" />
      </Tooltip>
    </Space>
  );
}
