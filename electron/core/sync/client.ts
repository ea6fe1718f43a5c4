import type { Knex } from 'knex';
import { gzipSync } from 'fflate';
import { SYNC_HEADERS, SYNC_PUSH_PATH, SyncPushAnswer, type SyncBatch, type SyncOp, type SyncStatus } from '../../../shared/contract/sync';
import { getMeta } from '../meta';
import { signPush } from './auth';
import { applyDown } from './down';
import { wireHlc } from './hlc';
import type { SyncSettings } from './settings';

interface ClientRow {
  hub_url: string;
  node_key: string;
  secret: string;
  acked_seq: number;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
}

interface OutboxRow {
  seq: number;
  entity: SyncOp['entity'];
  op: SyncOp['op'];
  local_id: number;
  case_no: string | null;
  row: string;
  fields: string;
  hlc: string;
}

export async function nodeId(db: Knex): Promise<string> {
  const id = await getMeta(db, 'node_id');
  if (!id) throw new Error('node_id missing from meta (migration 0010)');
  return id;
}

export async function syncStatus(db: Knex): Promise<SyncStatus> {
  const cfg: ClientRow | undefined = await db('sync_client').where({ id: 1 }).first();
  const acked = cfg?.acked_seq ?? 0;
  const pending: Array<{ n: number }> = await db('sync_outbox').where('seq', '>', acked).count({ n: '*' });
  return {
    connected: Boolean(cfg),
    hubUrl: cfg?.hub_url ?? null,
    nodeId: await nodeId(db),
    lastSuccessAt: cfg?.last_success_at ?? null,
    lastAttemptAt: cfg?.last_attempt_at ?? null,
    lastError: cfg?.last_error ?? null,
    pending: Number(pending[0]?.n ?? 0),
    ackedSeq: acked,
  };
}

/** Sync bookkeeping (attempts, checkpoint, last error): the node's own state, not a user's data change. */
async function note(db: Knex, patch: Partial<ClientRow>): Promise<void> {
  await db('sync_client').where({ id: 1 }).update(patch);
}

export class SyncError extends Error {}

/**
 * One sync round of a client node: push the outbox after the checkpoint in batches until nothing is left
 * (or the round's limit). The checkpoint moves only to what the hub answered it committed, after the
 * answer arrived: an answer lost on the way means the batch is sent again, and the hub skips what it has.
 * Throws when the link or the hub fails (the schedule backs off); the error is kept for sync.status.
 */
export async function syncRound(db: Knex, settings: SyncSettings, now: () => Date, signal: AbortSignal): Promise<{ pushed: number; more: boolean }> {
  const cfg: ClientRow | undefined = await db('sync_client').where({ id: 1 }).first();
  if (!cfg) return { pushed: 0, more: false };
  const id = await nodeId(db);
  const demo = (await getMeta(db, 'demo')) === '1';
  let acked = cfg.acked_seq;
  let pushed = 0;
  let more = false;
  await note(db, { last_attempt_at: now().toISOString() });
  try {
    for (let n = 0; ; n++) {
      signal.throwIfAborted();
      const rows: OutboxRow[] = await db('sync_outbox').where('seq', '>', acked).orderBy('seq').limit(settings.batchSize);
      // Nothing to send still asks once per round: the hub's answers to escalations come back this way.
      if (rows.length === 0 && n > 0) break;
      if (n === settings.maxBatchesPerRound) {
        more = true; // the round's share is done; the next round follows at once
        break;
      }
      const { down_seq: downAcked }: { down_seq: number } = await db('sync_client').where({ id: 1 }).first('down_seq');
      const batch: SyncBatch = { protocol: 1, nodeId: id, demo, afterSeq: acked, downAcked, ops: rows.map((r) => toOp(r, id)) };
      const answer = await push(cfg, settings, batch, signal);
      if (answer.ok) {
        // Only now, after the hub said it committed: never a checkpoint ahead of the data.
        acked = answer.ackedSeq;
        pushed += answer.applied;
        await note(db, { acked_seq: acked });
        if (answer.down.length > 0) await applyDown(db, answer.down, now());
      } else if (answer.code === 'CHECKPOINT_AHEAD' && answer.hubSeq !== undefined && answer.hubSeq < acked) {
        // The hub came back from an older backup: resend from where it stands (the outbox still has it).
        acked = answer.hubSeq;
        await note(db, { acked_seq: acked });
      } else {
        throw new SyncError(answer.ok ? '上级应答异常' : `上级拒绝（${answer.code}）：${answer.message}`);
      }
    }
    await note(db, { last_success_at: now().toISOString(), last_error: null });
    return { pushed, more };
  } catch (err) {
    const message = err instanceof SyncError ? err.message : `无法连接上级：${err instanceof Error ? err.message : String(err)}`;
    await note(db, { last_error: message });
    throw new SyncError(message);
  }
}

function toOp(r: OutboxRow, id: string): SyncOp {
  return {
    seq: r.seq,
    hlc: wireHlc(r.hlc, id),
    entity: r.entity,
    op: r.op,
    localId: r.local_id,
    caseNo: r.case_no ?? '',
    fields: r.fields ? r.fields.split(',') : [],
    row: JSON.parse(r.row) as SyncOp['row'],
  };
}

async function push(cfg: ClientRow, settings: SyncSettings, batch: SyncBatch, signal: AbortSignal): Promise<SyncPushAnswer> {
  const body = gzipSync(new TextEncoder().encode(JSON.stringify(batch)));
  const time = settings.wallNow();
  const res = await settings.transport(new URL(SYNC_PUSH_PATH, cfg.hub_url).toString(), {
    method: 'POST',
    headers: {
      'content-type': 'application/gzip',
      [SYNC_HEADERS.node]: cfg.node_key,
      [SYNC_HEADERS.time]: String(time),
      [SYNC_HEADERS.signature]: signPush(cfg.secret, time, body),
    },
    body,
    signal: AbortSignal.any([signal, AbortSignal.timeout(settings.requestTimeoutMs)]),
  });
  const parsed = SyncPushAnswer.safeParse(await res.json());
  if (!parsed.success) throw new SyncError(`上级应答格式无效（HTTP ${res.status}）`);
  return parsed.data;
}
