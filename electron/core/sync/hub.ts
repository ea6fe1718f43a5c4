import type { Knex } from 'knex';
import { gunzipSync } from 'fflate';
import { SYNC_HEADERS, SyncBatch, type SyncDown, type SyncOp, type SyncPushAnswer, type SYNC_REFUSALS } from '../../../shared/contract/sync';
import { isWithin } from '../../../shared/domain/divisionCodes';
import { auditedWrite, type Audit } from '../audit/auditedWrite';
import type { CoreEnv } from '../env';
import { signatureMatches } from './auth';
import { CONFLICTING_SETS, columnsOfSet, fieldSetOf } from './fieldSets';
import { hlcNode, hlcWall } from './hlc';
import type { SyncSettings } from './settings';

/** What the HTTP route hands the core: the raw body and the request's headers. */
export interface PushRequest {
  body: Uint8Array;
  headers: Record<string, string | string[] | undefined>;
}

export interface PushReply {
  status: number;
  answer: SyncPushAnswer;
}

type RefusalCode = (typeof SYNC_REFUSALS)[number];

/** A batch refused whole: nothing of it is applied. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: RefusalCode,
    message: string,
    readonly hubSeq?: number,
  ) {
    super(message);
  }
}

interface NodeRow {
  node_key: string;
  division_code: string;
  label: string;
  secret: string;
  node_id: string | null;
  last_seq: number;
  down_acked: number;
  revoked: number;
}

interface DownRow {
  id: number;
  kind: string;
  case_no: string;
  payload: string;
}

function toDown(r: DownRow): SyncDown {
  const p = JSON.parse(r.payload) as { answer: string; by: string; at: string };
  return { id: r.id, kind: 'countyAnswer', caseNo: r.case_no, answer: p.answer, by: p.by, at: p.at };
}

interface ReplicaRow {
  entity: string;
  key: string;
  case_no: string | null;
  division_code: string | null;
  origin_node: string;
  data: string;
  versions: string;
  deleted: number;
  last_op: string;
}

type Versions = Record<string, { hlc: string; node: string }>;

/** Largest body a batch may inflate to (a gzip bomb is refused before inflating). */
const MAX_INFLATED = 64 * 1024 * 1024;

function header(req: PushRequest, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/**
 * The hub's side of `POST /sync/push`. In order: the registration (key, not revoked), the timestamp
 * (not far in the future, not stale), the HMAC over timestamp and body, the gzip and JSON, the contract's
 * schema, a demo node, the node's identity; then one transaction applies every new operation inside the
 * node's subtree, or nothing. Answers the highest seq committed for the node.
 */
export async function receivePush(db: Knex, env: CoreEnv, settings: SyncSettings, req: PushRequest): Promise<PushReply> {
  let node: NodeRow | undefined;
  try {
    const nodeKey = header(req, SYNC_HEADERS.node);
    node = nodeKey ? await db('sync_nodes').where({ node_key: nodeKey }).first() : undefined;
    if (!node || node.revoked) throw new Refusal(401, 'UNKNOWN_NODE', '未登记或已吊销的节点');
    const time = Number(header(req, SYNC_HEADERS.time));
    const wall = settings.wallNow();
    if (!Number.isSafeInteger(time)) throw new Refusal(401, 'CLOCK_SKEW', '请求缺少时间戳');
    if (time > wall + settings.maxFutureMs) throw new Refusal(401, 'CLOCK_SKEW', '请求时间超前于上级时钟过多，请校准本机时间');
    if (time < wall - settings.maxAgeMs) throw new Refusal(401, 'CLOCK_SKEW', '请求已过期（时间戳过旧），请校准本机时间');
    if (!signatureMatches(node.secret, time, req.body, header(req, SYNC_HEADERS.signature))) {
      throw new Refusal(401, 'BAD_SIGNATURE', '签名不符：批次被篡改或密钥不对');
    }
    const batch = parseBatch(req.body);
    if (batch.demo) throw new Refusal(403, 'DEMO_NODE', '演示数据节点不能向上级同步');
    if (node.node_id && node.node_id !== batch.nodeId) {
      throw new Refusal(409, 'NODE_MISMATCH', '该登记已由另一节点使用（数据库被复制？），请在上级重新登记');
    }
    for (const [i, op] of batch.ops.entries()) {
      if (hlcWall(op.hlc) > wall + settings.maxFutureMs) throw new Refusal(400, 'CLOCK_SKEW', `第 ${i + 1} 项操作的时间超前于上级时钟过多`);
    }
    const registered = node;
    const now = env.clock.now();
    const apply = async (trx: Knex, audit: Audit | null): Promise<SyncPushAnswer> => {
      const fresh: NodeRow = await trx('sync_nodes').where({ node_key: registered.node_key }).first();
      if (batch.afterSeq > fresh.last_seq) {
        throw new Refusal(409, 'CHECKPOINT_AHEAD', `上级只有该节点到第 ${fresh.last_seq} 项的数据（可能从旧备份恢复），请从那里重发`, fresh.last_seq);
      }
      const freshOps = batch.ops.filter((op) => op.seq > fresh.last_seq);
      if (freshOps.length > 0) await applyOps(trx, fresh, batch.nodeId, freshOps, now);
      const ackedSeq = Math.max(fresh.last_seq, batch.ops.at(-1)?.seq ?? batch.afterSeq);
      const downAcked = Math.max(fresh.down_acked, batch.downAcked);
      await trx('sync_nodes')
        .where({ node_key: fresh.node_key })
        .update({ node_id: batch.nodeId, last_seq: ackedSeq, down_acked: downAcked, last_contact_at: now.toISOString(), last_error: null });
      const skipped = batch.ops.length - freshOps.length;
      if (audit) {
        await audit({
          action: 'sync.receive',
          entity: 'sync_node',
          entityId: fresh.node_key,
          detail: { nodeId: batch.nodeId, afterSeq: batch.afterSeq, ackedSeq, applied: freshOps.length, skipped },
        });
      }
      const down: DownRow[] = await trx('sync_downbox').where({ node_key: fresh.node_key }).andWhere('id', '>', downAcked).orderBy('id').limit(100);
      return { ok: true, ackedSeq, applied: freshOps.length, skipped, down: down.map(toDown) };
    };
    // Only a batch with operations the hub lacks is a write worth an audit entry; a repeat or an idle
    // round (nothing to send, asking for answers) only touches the node's bookkeeping.
    const answer = batch.ops.some((op) => op.seq > registered.last_seq)
      ? await auditedWrite(db, now, { id: null, name: `node:${registered.label}` }, 'sync.receive', apply)
      : await db.transaction((trx) => apply(trx, null));
    return { status: 200, answer };
  } catch (err) {
    if (!(err instanceof Refusal)) throw err;
    if (node && !node.revoked) {
      await db('sync_nodes').where({ node_key: node.node_key }).update({ last_error: `${err.code}: ${err.message}`, last_contact_at: env.clock.now().toISOString() });
    }
    return { status: err.status, answer: { ok: false, code: err.code, message: err.message, ...(err.hubSeq !== undefined ? { hubSeq: err.hubSeq } : {}) } };
  }
}

function parseBatch(body: Uint8Array): SyncBatch {
  // gzip's trailer holds the inflated size (mod 2^32): refuse a bomb before inflating it.
  if (body.length < 18 || body[0] !== 0x1f || body[1] !== 0x8b) throw new Refusal(400, 'MALFORMED', '批次不是 gzip 压缩数据');
  const n = body.length;
  const inflated = (body[n - 4]! | (body[n - 3]! << 8) | (body[n - 2]! << 16) | (body[n - 1]! << 24)) >>> 0;
  if (inflated > MAX_INFLATED) throw new Refusal(413, 'MALFORMED', '批次过大');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(body)));
  } catch (err) {
    throw new Refusal(400, 'MALFORMED', `批次无法解压或解析：${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = SyncBatch.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Refusal(400, 'MALFORMED', `批次格式无效：${issue ? `${issue.path.join('.') || '(batch)'}：${issue.message}` : ''}`);
  }
  return parsed.data;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

const CHUNK = 200;

/**
 * Apply a batch's new operations in its transaction; a refusal rolls the whole batch back. The cases the
 * batch touches and the records it already holds are read in a few queries up front, and new timeline
 * records are inserted in chunks, so the cost follows the batch, not the replica.
 */
async function applyOps(trx: Knex, node: NodeRow, nodeId: string, ops: readonly SyncOp[], now: Date): Promise<void> {
  const cases = new Map<string, ReplicaRow>();
  for (const keys of chunks([...new Set(ops.map((o) => o.caseNo))])) {
    const rows: ReplicaRow[] = await trx('sync_replica').where({ entity: 'case' }).whereIn('key', keys);
    for (const r of rows) cases.set(r.key, r);
  }
  const records = new Map<string, ReplicaRow>();
  const recordKey = (op: SyncOp) => `${op.entity}|${nodeId}:${op.localId}`;
  for (const entity of ['event', 'mediation'] as const) {
    const keys = [...new Set(ops.filter((o) => o.entity === entity).map((o) => `${nodeId}:${o.localId}`))];
    for (const part of chunks(keys)) {
      const rows: ReplicaRow[] = await trx('sync_replica').where({ entity }).whereIn('key', part);
      for (const r of rows) records.set(`${entity}|${r.key}`, r);
    }
  }
  const pending: ReplicaRow[] = [];
  const flush = async () => {
    for (const part of chunks(pending.splice(0), 100)) await trx('sync_replica').insert(part);
  };

  for (const op of ops) {
    const opId = `${nodeId}:${op.seq}`;
    const where = `第 ${op.seq} 项（${op.entity} ${op.caseNo}）`;
    const inScope = (code: string | null) => code !== null && /^\d{12}$/.test(code) && isWithin(code, node.division_code);
    const caseRow = cases.get(op.caseNo);
    if (caseRow && !inScope(caseRow.division_code)) throw new Refusal(403, 'OUT_OF_SCOPE', `${where}：该案件不属于本节点辖区`);

    if (op.entity === 'case') {
      if (op.op === 'upsert') {
        if (str(op.row.case_no) !== op.caseNo) throw new Refusal(400, 'MALFORMED', `${where}：案件编号与内容不符`);
        if (!inScope(str(op.row.township_code))) throw new Refusal(403, 'OUT_OF_SCOPE', `${where}：案件所在乡镇不在本节点辖区`);
        cases.set(op.caseNo, await mergeCase(trx, caseRow, nodeId, op, opId, now));
      } else if (caseRow) {
        const versions = JSON.parse(caseRow.versions) as Versions;
        if (Object.values(versions).every((v) => v.hlc < op.hlc)) {
          await trx('sync_replica').where({ entity: 'case', key: op.caseNo }).update({ deleted: 1, last_op: opId });
          caseRow.deleted = 1;
        }
      }
      continue;
    }

    // A timeline event or a mediation record: append-only, merged by union under the writer's own key.
    if (!caseRow) throw new Refusal(400, 'MALFORMED', `${where}：所属案件尚未同步到上级`);
    const key = `${nodeId}:${op.localId}`;
    const existing = records.get(recordKey(op));
    const versions = JSON.stringify({ row: { hlc: op.hlc, node: nodeId } } satisfies Versions);
    if (!existing) {
      const row: ReplicaRow = {
        entity: op.entity,
        key,
        case_no: op.caseNo,
        division_code: caseRow.division_code,
        origin_node: nodeId,
        data: JSON.stringify(op.row),
        versions,
        deleted: op.op === 'delete' ? 1 : 0,
        last_op: opId,
      };
      pending.push(row);
      records.set(recordKey(op), row);
    } else if ((JSON.parse(existing.versions) as Versions).row!.hlc < op.hlc) {
      await flush(); // the row may still be waiting in the buffer
      const patch = { data: op.op === 'delete' ? existing.data : JSON.stringify(op.row), versions, deleted: op.op === 'delete' ? 1 : 0, last_op: opId };
      await trx('sync_replica').where({ entity: op.entity, key }).update(patch);
      Object.assign(existing, patch);
    }
    if (pending.length >= CHUNK) await flush();
  }
  await flush();
}

function chunks<T>(xs: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Per field set: the highest HLC wins the whole set; a workflow disagreement between nodes is kept for a person. */
async function mergeCase(trx: Knex, existing: ReplicaRow | undefined, nodeId: string, op: SyncOp, opId: string, now: Date): Promise<ReplicaRow> {
  const incoming = op.row;
  const touched = new Set(op.fields.map(fieldSetOf));
  if (!existing) {
    const versions: Versions = {};
    for (const set of new Set(Object.keys(incoming).map(fieldSetOf))) versions[set] = { hlc: op.hlc, node: nodeId };
    const row: ReplicaRow = {
      entity: 'case',
      key: op.caseNo,
      case_no: op.caseNo,
      division_code: str(incoming.township_code),
      origin_node: nodeId,
      data: JSON.stringify(incoming),
      versions: JSON.stringify(versions),
      deleted: 0,
      last_op: opId,
    };
    await trx('sync_replica').insert(row);
    return row;
  }
  const data = JSON.parse(existing.data) as Record<string, unknown>;
  const versions = JSON.parse(existing.versions) as Versions;
  for (const set of touched) {
    const cols = columnsOfSet(set, incoming);
    const have = versions[set];
    const theirs = Object.fromEntries(cols.map((c) => [c, incoming[c] ?? null]));
    const ours = Object.fromEntries(cols.map((c) => [c, data[c] ?? null]));
    const differ = cols.some((c) => theirs[c] !== ours[c]);
    const wins = !have || have.hlc < op.hlc;
    if (have && differ && CONFLICTING_SETS.has(set) && hlcNode(have.hlc) !== nodeId) {
      const [kept, other] = wins ? [{ hlc: op.hlc, node: nodeId, values: theirs }, { ...have, values: ours }] : [{ ...have, values: ours }, { hlc: op.hlc, node: nodeId, values: theirs }];
      await trx('sync_conflicts').insert({ entity: 'case', key: op.caseNo, field_set: set, kept: JSON.stringify(kept), other: JSON.stringify(other), created_at: now.toISOString() });
    }
    if (wins) {
      Object.assign(data, theirs);
      versions[set] = { hlc: op.hlc, node: nodeId };
    }
  }
  const patch = { data: JSON.stringify(data), versions: JSON.stringify(versions), division_code: str(data.township_code), last_op: opId };
  await trx('sync_replica').where({ entity: 'case', key: op.caseNo }).update(patch);
  return { ...existing, ...patch };
}
