import { useState } from 'react';
import { Button, Card, Input, List, Space, Tag, Timeline, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { WORKFLOW_ACTIONS, type WorkflowAction } from '../../../../shared/domain/workflow';
import { call } from '../../api/client';
import { CallError } from '../../components/CallError';
import { useCall } from '../../hooks/useCall';
import { formatChinaDateTime } from '../../lib/format';

type Escalated = OutputOf<'sync.escalations.list'>['cases'][number];
const isAction = (k: string | null): k is WorkflowAction => k !== null && (WORKFLOW_ACTIONS as readonly string[]).includes(k);

/** A hub's leads: the cases the nodes below escalated, with their timelines, and the answer that goes back down. */
export function SyncEscalationsCard() {
  const { t } = useTranslation();
  const list = useCall('sync.escalations.list', {});
  return (
    <Card size="small" title={t('sync.escalations.title')} data-testid="settings-sync-escalations">
      <Typography.Paragraph type="secondary">{t('sync.escalations.hint')}</Typography.Paragraph>
      {list.error !== null && <CallError error={list.error} onRetry={list.reload} />}
      <List<Escalated>
        loading={list.loading}
        dataSource={list.data?.cases ?? []}
        locale={{ emptyText: t('sync.escalations.empty') }}
        renderItem={(c) => <EscalatedItem key={c.caseNo} c={c} onAnswered={list.reload} />}
      />
    </Card>
  );
}

function EscalatedItem({ c, onAnswered }: { c: Escalated; onAnswered: () => void }) {
  const { t } = useTranslation();
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('sync.escalations.answer', { caseNo: c.caseNo, answer });
      setAnswer('');
      onAnswered();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item data-testid={`escalated-${c.caseNo}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong>{c.caseNo}</Typography.Text>
          <Tag>{c.nodeLabel}</Tag>
          {c.answered && <Tag color="blue">{t('sync.escalations.answered')}</Tag>}
        </Space>
        <Typography.Text>{c.summary}</Typography.Text>
        <Timeline
          items={c.timeline.map((e, i) => ({
            key: i,
            content: (
              <Typography.Text>
                <Typography.Text type="secondary">{e.at ? formatChinaDateTime(e.at) : ''}</Typography.Text> {e.actorName ?? ''}{' '}
                {isAction(e.kind) ? <Tag style={{ marginInlineEnd: 4 }}>{t(`case.action.${e.kind}`)}</Tag> : null}
                {e.note ?? ''}
              </Typography.Text>
            ),
          }))}
        />
        {!c.answered && (
          <Space.Compact block>
            <Input.TextArea value={answer} onChange={(e) => setAnswer(e.target.value)} placeholder={t('sync.escalations.answer')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
            <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={!answer.trim()} onClick={() => void send()}>
              {t('sync.escalations.send')}
            </Button>
          </Space.Compact>
        )}
        {error !== null && <CallError error={error} />}
      </Space>
    </List.Item>
  );
}
