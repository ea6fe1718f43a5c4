import { Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccount, useMayCall, useSession } from '../session/sessionContext';
import { CallError } from '../components/CallError';
import { SystemInfoCard } from './settings/SystemInfoCard';
import { AccountCard } from './settings/AccountCard';
import { AuditVerifyCard } from './settings/AuditVerifyCard';
import { AuditLogCard } from './settings/AuditLogCard';
import { BackupCard } from './settings/BackupCard';
import { ReadLogCard } from './settings/ReadLogCard';
import { WallTokensCard } from './settings/WallTokensCard';
import { SyncClientCard } from './settings/SyncClientCard';
import { SyncHubCard } from './settings/SyncHubCard';
import { SyncEscalationsCard } from './settings/SyncEscalationsCard';

/** System information, the account, and (for the roles the contract lets in) the audit log. The core enforces the roles. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { info, infoError, reloadInfo } = useSession();
  const account = useAccount();
  const may = useMayCall();

  return (
    <div data-testid="settings-page">
      <Typography.Title level={1} className="gc-page-title" style={{ marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          {info ? <SystemInfoCard info={info} /> : infoError ? <CallError error={infoError} onRetry={reloadInfo} /> : <Skeleton active />}
        </Col>
        <Col xs={24} lg={12}>
          <AccountCard account={account} />
        </Col>
        {may('audit.verify') && (
          <Col span={24}>
            <AuditVerifyCard />
          </Col>
        )}
        {may('walls.createToken') && (
          <Col span={24}>
            <WallTokensCard />
          </Col>
        )}
        {may('sync.connect') && (
          <Col xs={24} lg={12}>
            <SyncClientCard demo={info?.demo ?? false} />
          </Col>
        )}
        {may('sync.nodes.register') && (
          <Col xs={24} lg={12}>
            <SyncHubCard />
          </Col>
        )}
        {may('sync.escalations.list') && (
          <Col span={24}>
            <SyncEscalationsCard />
          </Col>
        )}
        {may('audit.list') && (
          <Col span={24}>
            <AuditLogCard />
          </Col>
        )}
        {may('backup.list') && (
          <Col span={24}>
            <BackupCard />
          </Col>
        )}
        {may('audit.reads') && (
          <Col span={24}>
            <ReadLogCard />
          </Col>
        )}
      </Row>
    </div>
  );
}
