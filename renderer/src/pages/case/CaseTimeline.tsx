import { useState } from 'react';
import { App, Button, Card, Input, Space, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DisputeDetail } from '../../../../shared/contract';
import { WARNING_LEVELS } from '../../../../shared/domain/disputeStatus';
import { isDisputeStatus, WORKFLOW_ACTIONS, type WorkflowAction } from '../../../../shared/domain/workflow';
import { call } from '../../api/client';
import { errorText } from '../../lib/errorText';
import { useMayCall } from '../../session/sessionContext';
import { statusText, warningText } from '../../lib/labels';
import { chinaMinute } from '../queue/queueFormat';

type Event = DisputeDetail['timeline'][number];

/** Every change on the case (who, when, from, to, note), newest first, and a box to add a note. */
export function CaseTimeline({ detail: d, onChanged }: { detail: DisputeDetail; onChanged(): void }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const events = [...d.timeline].reverse();
  return (
    <Card size="small" title={t('case.timeline.title')} data-testid="case-timeline">
      {may('disputes.addNote') && <AddNote id={d.id} onAdded={onChanged} />}
      <Timeline
        style={{ marginTop: 12 }}
        items={events.map((e) => ({
          key: e.id,
          color: colorOf(e),
          content: <TimelineItem event={e} />,
        }))}
      />
    </Card>
  );
}

function colorOf(e: Event): string {
  if (e.kind === 'warning') return 'orange';
  if (e.toStatus === 'declined' || e.toStatus === 'failed') return 'red';
  if (e.toStatus === 'closed' || e.toStatus === 'agreed') return 'green';
  return 'blue';
}

function TimelineItem({ event: e }: { event: Event }) {
  const { t } = useTranslation();
  const status = (s: string | null) => (s && isDisputeStatus(s) ? statusText(t, s) : (s ?? ''));
  return (
    <div data-testid="timeline-event" data-kind={e.kind}>
      <Typography.Text type="secondary" className="gc-num">
        {chinaMinute(e.at)}
      </Typography.Text>{' '}
      <Typography.Text strong>{e.actorName}</Typography.Text>{' '}
      {kindText(t, e)}
      {e.fromStatus !== e.toStatus && e.toStatus && e.kind !== 'registered' && (
        <Typography.Text>
          {' '}
          {e.fromStatus ? `${status(e.fromStatus)} → ` : ''}
          {status(e.toStatus)}
        </Typography.Text>
      )}
      {e.note && <div style={{ whiteSpace: 'pre-wrap', color: '#434343' }}>{e.note}</div>}
    </div>
  );
}

const OTHER_KINDS = ['registered', 'warning', 'note', 'mediation_record', 'attachment'] as const;
type OtherKind = (typeof OTHER_KINDS)[number];
const isAction = (k: string): k is WorkflowAction => (WORKFLOW_ACTIONS as readonly string[]).includes(k);
const isOther = (k: string): k is OtherKind => (OTHER_KINDS as readonly string[]).includes(k);

/** The core's event kinds are the workflow actions plus a few others; unknown kinds show as they came. */
function kindText(t: TFunction, e: Event): string {
  if (isAction(e.kind)) return t(`case.action.${e.kind}`);
  if (e.kind === 'warning') {
    const level = WARNING_LEVELS.find((w) => w === e.data?.to);
    if (!level) return t('case.timeline.kind.warning');
    // The core marks a colour set below the rules' proposal (an override); the timeline says so.
    const proposed = e.data?.override === 'lowered' ? WARNING_LEVELS.find((w) => w === e.data?.proposed) : undefined;
    const text = t('case.timeline.warningTo', { level: warningText(t, level) });
    return proposed ? text + t('case.timeline.belowProposal', { level: warningText(t, proposed) }) : text;
  }
  if (isOther(e.kind)) return t(`case.timeline.kind.${e.kind}`);
  return e.kind;
}

function AddNote({ id, onAdded }: { id: number; onAdded(): void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    try {
      await call('disputes.addNote', { id, note: note.trim() });
      setNote('');
      onAdded();
    } catch (err) {
      void message.error(errorText(err, t, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input.TextArea
        aria-label={t('case.timeline.note')}
        placeholder={t('case.timeline.notePlaceholder')}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={4000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && note.trim()) void add();
        }}
      />
      <Button loading={busy} disabled={!note.trim()} onClick={() => void add()} data-testid="add-note">
        {t('case.timeline.addNote')}
      </Button>
    </Space.Compact>
  );
}
