import { Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { transportKind } from '../../api/client';
import { formatDate } from '../../lib/format';
import { levelLabel } from '../../lib/labels';
import type { SystemInfo } from '../../session/sessionContext';

export function SystemInfoCard({ info }: { info: SystemInfo }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('settings.system')} data-testid="settings-system">
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'appVersion', label: t('settings.appVersion'), children: info.appVersion },
          { key: 'schemaVersion', label: t('settings.schemaVersion'), children: info.schemaVersion },
          {
            key: 'node',
            label: t('settings.node'),
            children: info.node ? t('format.withNote', { name: info.node.name, note: levelLabel(t, info.node.level) }) : t('header.noNode'),
          },
          { key: 'nodeCode', label: t('settings.nodeCode'), children: <span className="gc-mono">{info.node?.code ?? '—'}</span> },
          { key: 'today', label: t('settings.today'), children: formatDate(info.today, t('format.date')) },
          {
            key: 'mode',
            label: t('settings.mode'),
            children: info.demo ? <Tag color="orange">{t('settings.modeDemo')}</Tag> : t('settings.modeNormal'),
          },
          {
            key: 'transport',
            label: t('settings.transport'),
            children: transportKind === 'desktop' ? t('settings.transportDesktop') : t('settings.transportBrowser'),
          },
        ]}
      />
    </Card>
  );
}
