import { useState } from 'react';
import { Alert, Button, Card, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { formatCount } from '../../lib/format';

type VerifyResult = OutputOf<'audit.verify'>;
type Problem = VerifyResult['problems'][number];

/** Admin only: recompute the audit log's hash chain and list what does not add up. */
export function AuditVerifyCard() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await call('audit.verify', {}));
    } catch (err) {
      setResult(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('settings.auditVerify')} data-testid="settings-audit-verify">
      <Typography.Paragraph type="secondary">{t('settings.auditVerifyHint')}</Typography.Paragraph>
      <Button type="primary" icon={<SafetyCertificateOutlined />} loading={busy} onClick={() => void run()} data-testid="audit-verify-run">
        {t('settings.auditVerifyRun')}
      </Button>
      <div role="status" aria-live="polite" style={{ marginTop: 12 }} data-testid="audit-verify-result">
        {error !== null && <CallError error={error} />}
        {result?.ok && (
          <Alert type="success" showIcon data-ok="true" title={t('settings.auditVerifyOk', { checked: formatCount(result.checked), headSeq: String(result.headSeq) })} />
        )}
        {result && !result.ok && (
          <>
            <Alert
              type="error"
              showIcon
              data-ok="false"
              title={t('settings.auditVerifyBad', { count: result.problems.length, checked: formatCount(result.checked), headSeq: String(result.headSeq) })}
              style={{ marginBottom: 8 }}
            />
            <Table<Problem>
              size="small"
              rowKey={(p) => `${p.seq}-${p.kind}`}
              dataSource={result.problems}
              pagination={result.problems.length > 20 ? { pageSize: 20, size: 'small' } : false}
              columns={[
                { key: 'seq', title: t('settings.auditCol.seq'), dataIndex: 'seq', width: 80, align: 'right' },
                { key: 'kind', title: t('settings.auditCol.problem'), width: 110, render: (_, p) => t(`settings.problemKind.${p.kind}`) },
                { key: 'message', title: t('settings.auditCol.detail'), dataIndex: 'message' },
              ]}
            />
          </>
        )}
      </div>
    </Card>
  );
}
