import { gunzipSync, gzipSync } from 'fflate';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SyncTransport } from '../core/index';
import { SYNC_HEADERS, SYNC_PUSH_PATH, type SyncBatch } from '../../shared/contract/sync';
import { appliedAtHub, connect, signPush, replica, startHub, startTownship, type HubNode, type TownshipNode } from '../../tests/support/syncWorld';
import { until } from '../../tests/support/until';



interface Sent {
  url: string;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** The default transport, remembering what it sent (to replay or tamper with it). */
function recording(): { transport: SyncTransport; sent: Sent[] } {
  const sent: Sent[] = [];
  return {
    sent,
    transport: async (url, init) => {
      sent.push({ url, headers: { ...init.headers }, body: init.body });
      return fetch(url, { ...init, body: Buffer.from(init.body) });
    },
  };
}

async function post(hub: HubNode, body: Uint8Array, headers: Record<string, string>) {
  const res = await fetch(hub.url + SYNC_PUSH_PATH, { method: 'POST', headers: { 'content-type': 'application/gzip', ...headers }, body: Buffer.from(body) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; code?: string; message?: string; ackedSeq?: number; applied?: number; skipped?: number } };
}

function signed(creds: { nodeKey: string; secret: string }, batch: unknown, time = Date.now()) {
  const body = gzipSync(new TextEncoder().encode(JSON.stringify(batch)));
  return { body, headers: { [SYNC_HEADERS.node]: creds.nodeKey, [SYNC_HEADERS.time]: String(time), [SYNC_HEADERS.signature]: signPush(creds.secret, time, body) } };
}

const decode = (body: Uint8Array) => JSON.parse(new TextDecoder().decode(gunzipSync(body))) as SyncBatch;

/** The node's rows as stored (generated columns such as warning_rank are derived, not carried). */
async function clientRows(town: TownshipNode, table: string): Promise<Array<Record<string, unknown>>> {
  const cols: Array<{ name: string }> = await town.core.db.raw(`PRAGMA table_info(${table})`);
  return town.core.db(table).orderBy('id').select(cols.map((c) => c.name));
}

/** The hub holds exactly the township's cases, timeline and mediation records, as they are now. */
async function expectConverged(hub: HubNode, town: TownshipNode): Promise<void> {
  const nodeId = (await town.admin('sync.status', {})).nodeId;
  const cases = await replica(hub.core, 'case');
  const local = await clientRows(town, 'disputes');
  expect([...cases.keys()].sort()).toEqual(local.map((c) => String(c.case_no)).sort());
  for (const c of local) expect(cases.get(String(c.case_no))).toEqual(c);
  for (const [entity, table] of [['event', 'dispute_events'], ['mediation', 'dispute_mediation_records']] as const) {
    const held = await replica(hub.core, entity);
    const rows = await clientRows(town, table);
    expect([...held.keys()].sort()).toEqual(rows.map((r) => `${nodeId}:${String(r.id)}`).sort());
    for (const r of rows) expect(held.get(`${nodeId}:${String(r.id)}`)).toEqual(r);
  }
}

async function outboxCount(town: TownshipNode): Promise<number> {
  const r: Array<{ n: number }> = await town.core.db('sync_outbox').count({ n: '*' });
  return Number(r[0]?.n ?? 0);
}

let hub: HubNode;
let towns: TownshipNode[] = [];
beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub.cleanup();
});
afterEach(async () => {
  await Promise.all(towns.map((t) => t.cleanup()));
  towns = [];
  await hub.listen();
  await hub.core.db('sync_replica').del();
  await hub.core.db('sync_conflicts').del();
  await hub.core.db('sync_nodes').del();
});
async function township(opts: Parameters<typeof startTownship>[0] = {}): Promise<TownshipNode> {
  const t = await startTownship(opts);
  towns.push(t);
  return t;
}

describe('upward sync over HTTP', () => {
  it('carries every change up exactly once, and the checkpoint follows the hub’s answer', async () => {
    const town = await township();
    await connect(hub, town);
    const before = await appliedAtHub(hub.core);
    await town.round();
    await expectConverged(hub, town);
    const total = await outboxCount(town);
    expect((await appliedAtHub(hub.core)) - before).toBe(total);
    expect(await town.admin('sync.status', {})).toMatchObject({ pending: 0, ackedSeq: total, lastError: null });

    await town.admin('disputes.addNote', { id: 1, note: '上行的备注' });
    await town.admin('disputes.recordMediation', { id: 1, sessionAt: '2021-10-29T10:00:00+08:00', content: '第二次调解' });
    expect((await town.admin('sync.status', {})).pending).toBeGreaterThan(0);
    await town.round();
    await town.round(); // nothing left: sends nothing, applies nothing
    await expectConverged(hub, town);
    expect((await appliedAtHub(hub.core)) - before).toBe(await outboxCount(town));
    const [node] = (await hub.admin('sync.nodes.list', {})).nodes;
    expect(node).toMatchObject({ divisionCode: '999901001000', lastSeq: await outboxCount(town), lastError: null, nodeId: (await town.admin('sync.status', {})).nodeId });
    expect(node?.lastContactAt).not.toBeNull();
  });

  it('takes a repeated batch harmlessly (idempotent by operation id)', async () => {
    const rec = recording();
    const town = await township({ sync: { transport: rec.transport } });
    await connect(hub, town);
    await town.round();
    const applied = await appliedAtHub(hub.core);
    const first = rec.sent[0]!;
    const again = await post(hub, first.body, first.headers);
    expect(again).toMatchObject({ status: 200, body: { ok: true, applied: 0, ackedSeq: await outboxCount(town) } });
    expect(again.body.skipped).toBe(decode(first.body).ops.length);
    expect(await appliedAtHub(hub.core)).toBe(applied);
    await expectConverged(hub, town);
  });

  it('refuses a tampered or malformed batch whole, with a clear error, and applies nothing of it', async () => {
    const rec = recording();
    const town = await township({ sync: { transport: rec.transport } });
    const creds = await connect(hub, town);
    // Capture a batch without letting it through: the hub is down.
    await hub.stop();
    await expect(town.round()).rejects.toThrow(/无法连接上级/);
    await hub.listen();
    const sent = rec.sent[0]!;
    const batch = decode(sent.body);

    // Changed after signing: the signature no longer matches.
    batch.ops[0]!.row.summary = '被篡改的摘要';
    const tampered = gzipSync(new TextEncoder().encode(JSON.stringify(batch)));
    expect(await post(hub, tampered, sent.headers)).toMatchObject({ status: 401, body: { ok: false, code: 'BAD_SIGNATURE' } });

    // Signed, but one operation breaks the contract: the valid ones before it are not applied either.
    const broken = decode(sent.body);
    (broken.ops[broken.ops.length - 1] as { entity: string }).entity = 'grid';
    const res = await post(hub, signed(creds, broken).body, signed(creds, broken).headers);
    expect(res).toMatchObject({ status: 400, body: { ok: false, code: 'MALFORMED' } });
    expect(res.body.message).toMatch(/ops\.\d+\.entity/);

    // Signed and well-formed, but the last operation is another township's case.
    const foreign = decode(sent.body);
    const last = foreign.ops[foreign.ops.length - 1]!;
    foreign.ops.push({ ...last, seq: last.seq + 1, entity: 'case', op: 'upsert', caseNo: 'X-9', row: { ...foreign.ops[0]!.row, case_no: 'X-9', township_code: '999902001000' } });
    const scoped = signed(creds, foreign);
    expect(await post(hub, scoped.body, scoped.headers)).toMatchObject({ status: 403, body: { ok: false, code: 'OUT_OF_SCOPE' } });

    // Not gzip at all.
    const junk = signed(creds, {});
    const raw = new TextEncoder().encode('{"protocol":1}');
    expect(await post(hub, raw, { ...junk.headers, [SYNC_HEADERS.signature]: signPush(creds.secret, Number(junk.headers[SYNC_HEADERS.time]), raw) })).toMatchObject({
      status: 400,
      body: { code: 'MALFORMED' },
    });

    expect(await replica(hub.core, 'case')).toEqual(new Map());
    expect(await replica(hub.core, 'event')).toEqual(new Map());
    const [node] = (await hub.admin('sync.nodes.list', {})).nodes;
    expect(node).toMatchObject({ lastSeq: 0 });
    expect(node?.lastError).toContain('MALFORMED');

    // The genuine batch still goes through afterwards.
    await town.round();
    await expectConverged(hub, town);
  });

  it('refuses requests from the future or the past, operations stamped far ahead, unknown keys and demo nodes', async () => {
    const town = await township();
    const creds = await connect(hub, town);
    const status = await town.admin('sync.status', {});
    const batch = { protocol: 1, nodeId: status.nodeId, demo: false, afterSeq: 0, downAcked: 0, ops: [] };
    const future = signed(creds, batch, Date.now() + 30 * 60_000);
    expect(await post(hub, future.body, future.headers)).toMatchObject({ status: 401, body: { code: 'CLOCK_SKEW' } });
    const stale = signed(creds, batch, Date.now() - 60 * 60_000);
    expect(await post(hub, stale.body, stale.headers)).toMatchObject({ status: 401, body: { code: 'CLOCK_SKEW' } });
    const stranger = signed({ nodeKey: 'n_nobodyatall', secret: creds.secret }, batch);
    expect(await post(hub, stranger.body, stranger.headers)).toMatchObject({ status: 401, body: { code: 'UNKNOWN_NODE' } });
    const demo = signed(creds, { ...batch, demo: true });
    expect(await post(hub, demo.body, demo.headers)).toMatchObject({ status: 403, body: { code: 'DEMO_NODE' } });

    const row = (await town.core.db('sync_outbox').orderBy('seq').first()) as { seq: number; hlc: string; row: string; fields: string; case_no: string; local_id: number };
    const ahead = `${String(Date.now() + 24 * 3600_000).padStart(15, '0')}-000000-${status.nodeId}`;
    const op = { seq: row.seq, hlc: ahead, entity: 'case', op: 'upsert', localId: row.local_id, caseNo: row.case_no, fields: row.fields.split(','), row: JSON.parse(row.row) as unknown };
    const skewed = signed(creds, { ...batch, ops: [op] });
    expect(await post(hub, skewed.body, skewed.headers)).toMatchObject({ status: 400, body: { code: 'CLOCK_SKEW' } });
    expect(await replica(hub.core, 'case')).toEqual(new Map());
  });

  it('refuses a whole batch that reaches outside the node’s subtree, and says so on both sides', async () => {
    const town = await township();
    await connect(hub, town);
    // A case of 乙一镇 in the township's file (a bad import, a copied database): it may not go up.
    await town.core.db('disputes').insert({ case_no: 'T-9', source: 'walk_in', category: '邻里', status: 'registered', county_code: '999902000000', township_code: '999902001000', summary: '外乡镇案件', registered_at: '2021-10-01T00:00:00Z', updated_at: '2021-10-01T00:00:00Z' });
    await expect(town.round()).rejects.toThrow(/OUT_OF_SCOPE/);
    expect(await replica(hub.core, 'case')).toEqual(new Map());
    expect((await town.admin('sync.status', {})).lastError).toContain('辖区');
    expect((await hub.admin('sync.nodes.list', {})).nodes[0]?.lastError).toContain('OUT_OF_SCOPE');
  });

  it('resumes after the answer was lost and the node restarted: nothing twice, nothing missing', async () => {
    let loseAnswer = true;
    const lossy: SyncTransport = async (url, init) => {
      const res = await fetch(url, { ...init, body: Buffer.from(init.body) });
      if (loseAnswer) throw new Error('connection reset (answer lost)');
      return res;
    };
    const town = await township({ sync: { transport: lossy } });
    await connect(hub, town);
    const before = await appliedAtHub(hub.core);
    await expect(town.round()).rejects.toThrow(/answer lost/);
    // The hub committed, the node never heard: its checkpoint has not moved.
    expect((await replica(hub.core, 'case')).size).toBe(2);
    expect(await town.admin('sync.status', {})).toMatchObject({ ackedSeq: 0, lastError: expect.stringContaining('answer lost') as unknown });

    await town.core.close();
    loseAnswer = false;
    const again = await township({ dir: town.dir, sync: { transport: lossy } });
    await again.round();
    expect(await again.admin('sync.status', {})).toMatchObject({ pending: 0, lastError: null });
    expect((await appliedAtHub(hub.core)) - before).toBe(await outboxCount(again));
    await expectConverged(hub, again);
  });

  it('rewinds to where a hub restored from an older backup stands, and resends from there', async () => {
    const town = await township();
    await connect(hub, town);
    await town.round();
    // The hub loses what it had of this node (restored from a backup taken before the first sync).
    await hub.core.db('sync_replica').del();
    await hub.core.db('sync_nodes').update({ last_seq: 0 });
    await town.admin('disputes.addNote', { id: 1, note: '恢复备份之后' });
    await town.round();
    await expectConverged(hub, town);
    expect(await town.admin('sync.status', {})).toMatchObject({ pending: 0, lastError: null });
  });

  it('keeps a workflow disagreement between two nodes for a person; other fields settle by the latest write', async () => {
    const a = await township();
    const b = await township(); // a second desk of the same township, with its own registration
    await connect(hub, a);
    await connect(hub, b);
    await a.round();
    await a.core.db('disputes').where({ case_no: 'T-1' }).update({ status: 'closed', closed_at: '2021-10-29T10:00:00Z' });
    // b writes later by the wall clock (within one millisecond the HLC tie is broken by node id, at random here).
    const afterA = Date.now();
    await until(() => Date.now() > afterA + 1, 1000, 'the next millisecond');
    await b.core.db('disputes').where({ case_no: 'T-1' }).update({ status: 'failed', address: '乙的地址' });
    await a.round();
    await b.round();
    const { conflicts } = await hub.admin('sync.conflicts.list', {});
    const mine = conflicts.filter((c) => c.key === 'T-1' && c.fieldSet === 'workflow');
    expect(mine.length).toBeGreaterThan(0);
    const statuses = mine.flatMap((c) => [c.kept.values.status, c.other.values.status]);
    expect(statuses).toContain('closed');
    expect(statuses).toContain('failed');
    // b wrote last: its address and its status stand in the replica; a's close is kept in the conflict.
    const t1 = (await replica(hub.core, 'case')).get('T-1');
    expect(t1).toMatchObject({ status: 'failed', address: '乙的地址' });
  });

  it('refuses a second node presenting the same registration', async () => {
    const a = await township();
    const b = await township();
    const creds = await connect(hub, a);
    await b.admin('sync.connect', { hubUrl: hub.url, ...creds });
    await a.round();
    await expect(b.round()).rejects.toThrow(/NODE_MISMATCH/);
  });

  it('carries an escalation up to the county and the county’s answer down to the township’s timeline, once', async () => {
    const town = await township();
    await connect(hub, town);
    await town.admin('disputes.transition', { action: 'escalate', id: 1, reason: '涉及跨乡镇土地权属，请县级协调' });
    await town.round();

    const { cases } = await hub.admin('sync.escalations.list', {});
    const up = cases.find((c) => c.caseNo === 'T-1');
    expect(up).toMatchObject({ nodeLabel: '甲一镇综治中心', townshipCode: '999901001000', answered: false });
    expect(up?.timeline.map((e) => e.note)).toContain('涉及跨乡镇土地权属，请县级协调');

    await hub.admin('sync.escalations.answer', { caseNo: 'T-1', answer: '由县国土局牵头，三日内现场勘界' });
    expect((await hub.admin('sync.escalations.list', {})).cases.find((c) => c.caseNo === 'T-1')?.answered).toBe(true);
    await town.round();

    const detail = await town.admin('disputes.detail', { id: 1 });
    expect(detail.status).toBe('mediating'); // back where it was before it went up
    const answers = () => town.core.db('dispute_events').where({ dispute_id: 1, kind: 'countyAnswer' }).select('note', 'actor_name');
    expect(await answers()).toEqual([{ note: '由县国土局牵头，三日内现场勘界', actor_name: 'admin（上级）' }]);

    // The hub sends it again (its record of the node's acknowledgement lost): applied once all the same.
    await hub.core.db('sync_nodes').update({ down_acked: 0 });
    await town.round();
    await town.round();
    expect(await answers()).toHaveLength(1);
    // The answer's effect went up like any change: the county's list is clear and the replica agrees.
    expect((await hub.admin('sync.escalations.list', {})).cases).toEqual([]);
    await expectConverged(hub, town);
  });

  it('rotates a secret (the old one is refused, the node goes on with the new one and its checkpoint) and revokes a node', async () => {
    const town = await township();
    const creds = await connect(hub, town);
    await town.round();
    await town.admin('disputes.addNote', { id: 1, note: '轮换密钥之后' });
    const rotated = await hub.admin('sync.nodes.rotate', { nodeKey: creds.nodeKey });
    expect(rotated.secret).not.toBe(creds.secret);
    await expect(town.round()).rejects.toThrow(/BAD_SIGNATURE/);
    await town.admin('sync.connect', { hubUrl: hub.url, ...rotated });
    await town.round();
    await expectConverged(hub, town);

    await hub.admin('sync.nodes.revoke', { nodeKey: creds.nodeKey });
    await town.admin('disputes.addNote', { id: 1, note: '吊销之后' });
    await expect(town.round()).rejects.toThrow(/UNKNOWN_NODE/);
    expect((await hub.admin('sync.nodes.list', {})).nodes[0]).toMatchObject({ revoked: true });
    expect([...(await replica(hub.core, 'event')).values()].map((e) => e.note)).not.toContain('吊销之后');
  });

  it('runs rounds in the background: sync.now, backing off while the hub is down, catching up when it returns', async () => {
    // One operation per round: draining takes rounds that follow each other at once, not every 5 minutes.
    const town = await township({ sync: { batchSize: 1, maxBatchesPerRound: 1 } });
    await connect(hub, town);
    town.core.node.jobs.schedule.start();
    await hub.stop();
    await town.admin('sync.now', {});
    await until(async () => (await town.admin('sync.status', {})).lastError !== null, 10_000, 'a failed round');
    const task = () => town.core.node.jobs.schedule.status().find((t) => t.name === 'sync.round')!;
    await until(() => task().failures > 0 && !task().running, 10_000, 'the round to be counted as failed');
    expect(task().nextDelayMs).toBeGreaterThan(5 * 60_000); // backing off
    expect((await town.admin('sync.status', {})).pending).toBeGreaterThan(0);

    await hub.listen();
    await town.admin('sync.now', {});
    await until(async () => (await town.admin('sync.status', {})).pending === 0, 10_000, 'the outbox to drain');
    expect(await town.admin('sync.status', {})).toMatchObject({ lastError: null });
    expect(task().failures).toBe(0);
    await expectConverged(hub, town);
  });
});
