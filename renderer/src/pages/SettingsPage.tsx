import { Col, Row, Skeleton } from 'antd';
import { useAccount, useSession } from '../session/sessionContext';
import { CallError } from '../components/CallError';
import { SystemInfoCard } from './settings/SystemInfoCard';
import { AccountCard } from './settings/AccountCard';
import { AuditVerifyCard } from './settings/AuditVerifyCard';
import { AuditLogCard } from './settings/AuditLogCard';

/** System information, the account, and (admin / director) the audit log. The core enforces the roles. */
export function SettingsPage() {
  const { info, infoError, reloadInfo } = useSession();
  const account = useAccount();
  const canReadAudit = account.role === 'admin' || account.role === 'director';

  return (
    <div data-testid="settings-page">
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          {info ? <SystemInfoCard info={info} /> : infoError ? <CallError error={infoError} onRetry={reloadInfo} /> : <Skeleton active />}
        </Col>
        <Col xs={24} lg={12}>
          <AccountCard account={account} />
        </Col>
        {account.role === 'admin' && (
          <Col span={24}>
            <AuditVerifyCard />
          </Col>
        )}
        {canReadAudit && (
          <Col span={24}>
            <AuditLogCard />
          </Col>
        )}
      </Row>
    </div>
  );
}
