import { afterEach, describe, expect, it } from 'vitest';
import { attemptAs } from '../../../tests/support/call';
import { loginAs } from '../../../tests/support/tempCore';
import { startTownship, type TownshipNode } from '../../../tests/support/syncWorld';
import { getMeta, setMeta } from '../meta';

interface OutboxRow {
  seq: number;
  entity: string;
  op: string;
  local_id: number;
  case_no: string;
  row: string;
  fields: string;
  hlc: string;
}

const outbox = async (town: TownshipNode): Promise<OutboxRow[]> => town.core.db('sync_outbox').orderBy('seq');
const HUB = { hubUrl: 'http://127.0.0.1:5460', nodeKey: 'n_testtesttest', secret: 'x'.repeat(64) };

let towns: TownshipNode[] = [];
afterEach(async () => {
  await Promise.all(towns.map((t) => t.cleanup()));
  towns = [];
});
async function township(): Promise<TownshipNode> {
  const t = await startTownship();
  towns.push(t);
  return t;
}

describe('sync outbox', () => {
  it('gives the node a UUID at first start and keeps it across a restart', async () => {
    const town = await township();
    const id = await getMeta(town.core.db, 'node_id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await town.core.close();
    const again = await startTownship({ dir: town.dir });
    towns.push(again);
    expect(await getMeta(again.core.db, 'node_id')).toBe(id);
  });

  it('records nothing until connected; connecting records every existing row in the same transaction', async () => {
    const town = await township();
    await town.admin('disputes.addNote', { id: 1, note: '连接前的备注' });
    expect(await outbox(town)).toEqual([]);

    const { recorded } = await town.admin('sync.connect', HUB);
    const rows = await outbox(town);
    const cases = await town.core.db('disputes').count({ n: '*' });
    const events = await town.core.db('dispute_events').count({ n: '*' });
    expect(recorded).toBe(Number(cases[0]!.n) + Number(events[0]!.n));
    expect(rows).toHaveLength(recorded);
    expect(rows.filter((r) => r.entity === 'case').map((r) => r.case_no).sort()).toEqual(['T-1', 'T-2']);
    expect(rows.find((r) => r.entity === 'event')).toMatchObject({ case_no: 'T-1', op: 'upsert' });
    expect(await town.admin('sync.status', {})).toMatchObject({ connected: true, hubUrl: HUB.hubUrl, pending: recorded, ackedSeq: 0, lastSuccessAt: null });
  });

  it('records each change of a case, its timeline and its mediation records with the changed columns and a rising HLC', async () => {
    const town = await township();
    await town.admin('sync.connect', HUB);
    const before = (await outbox(town)).length;
    await town.admin('disputes.addNote', { id: 1, note: '同步测试备注' });
    await town.admin('disputes.recordMediation', { id: 1, sessionAt: '2021-10-29T10:00:00+08:00', content: '双方到场，陈述事实' });
    await town.admin('disputes.setWarning', { id: 1, level: 'yellow', reason: '双方情绪激动' });
    const rows = (await outbox(town)).slice(before);

    const note = rows.find((r) => r.entity === 'event' && (JSON.parse(r.row) as { note: string }).note === '同步测试备注');
    expect(note).toMatchObject({ op: 'upsert', case_no: 'T-1' });
    expect(rows.some((r) => r.entity === 'mediation' && (JSON.parse(r.row) as { content: string }).content === '双方到场，陈述事实')).toBe(true);
    const warning = rows.find((r) => r.entity === 'case' && r.fields.split(',').includes('warning'));
    expect(warning?.fields.split(',')).not.toContain('summary'); // only what changed
    expect(JSON.parse(warning!.row)).toMatchObject({ case_no: 'T-1', warning: 'yellow' });

    const hlcs = rows.map((r) => r.hlc);
    expect(hlcs.every((h) => /^\d{15}-\d{6}$/.test(h))).toBe(true);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(hlcs.length);
  });

  it('records nothing of a write that rolls back', async () => {
    const town = await township();
    await town.admin('sync.connect', HUB);
    const before = (await outbox(town)).length;
    // A closed case refuses a warning change: the handler fails inside its transaction.
    const res = await attemptAs(town.core, await loginAs(town.core, 'admin'), 'disputes.setWarning', { id: 2, level: 'red', reason: '已结案仍试图修改' });
    expect(res.ok).toBe(false);
    await expect(
      town.core.db.transaction(async (trx) => {
        await trx('disputes').where({ id: 1 }).update({ summary: '会回滚的修改' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await outbox(town)).toHaveLength(before);
  });

  it('refuses to connect a demo node', async () => {
    const town = await township();
    await setMeta(town.core.db, 'demo', '1');
    const res = await attemptAs(town.core, await loginAs(town.core, 'admin'), 'sync.connect', HUB);
    expect(res).toMatchObject({ ok: false, code: 'CONFLICT' });
    expect(res.message).toContain('演示');
    expect(await outbox(town)).toEqual([]);
    expect(await town.core.db('sync_client').count({ n: '*' })).toEqual([{ n: 0 }]);
  });
});
