import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueueView } from '../../../shared/contract';
import { disputeWorld, type DisputeWorld } from '../../../tests/support/disputeWorld';

/**
 * Every path of the queue engine — plain OFFSET, from the far end, from a cursor, from a ladder rung, and
 * both search plans — must return exactly what a naive ORDER BY … LIMIT/OFFSET returns. The thresholds
 * are shrunk (createCore's queueTuning option) so that 600 cases exercise them all.
 */
const N = 600;
const CATS = ['邻里', '婚姻家庭', '物业'] as const;
const WARN = ['none', 'blue', 'yellow', 'red'] as const;
const STAT = ['registered', 'accepted', 'mediating', 'closed', 'agreed'] as const;

describe('queue engine paths agree with a naive OFFSET query', () => {
  let w: DisputeWorld;
  beforeAll(async () => {
    w = await disputeWorld({ queueTuning: { cursorReach: 40, ladderStep: 25, ladderMinRows: 100, searchWalkSteps: 2000 } });
    const grids: Array<{ id: number; village_code: string; township_code: string; county_code: string }> = await w.core.db('grids').select('id', 'village_code', 'township_code', 'county_code');
    await w.core.db.transaction(async (trx) => {
      for (let i = 0; i < N; i += 100) {
        const rows = Array.from({ length: 100 }, (_x, k) => {
          const n = i + k;
          const g = grids[n % grids.length]!;
          // Many equal registration times, so the id tie-break matters.
          const at = new Date(Date.UTC(2021, 0, 1 + Math.floor(n / 7))).toISOString();
          return {
            case_no: `P-${String((n * 7919) % 100000).padStart(6, '0')}`,
            source: 'walk_in',
            category: CATS[n % 3]!,
            status: STAT[n % 5]!,
            warning: WARN[(n * 3) % 4]!,
            county_code: g.county_code,
            township_code: g.township_code,
            village_code: g.village_code,
            grid_id: g.id,
            summary: n % 4 === 0 ? `宅基地纠纷第${n}号` : `邻里噪音第${n}号`,
            deadline: n % 5 === 0 ? null : `2021-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
            registered_at: at,
            updated_at: new Date(Date.UTC(2021, 5, 1, 0, (n * 37) % 1440)).toISOString(),
          };
        });
        await trx('disputes').insert(rows);
      }
    });
  });
  afterAll(async () => w.cleanup());

  const views: Array<{ name: string; view: QueueView; where: string; order: string }> = [
    { name: 'all, newest first', view: { filter: {}, sort: { field: 'registered_at', dir: 'desc' } }, where: '1', order: 'd.registered_at DESC, d.id DESC' },
    { name: 'all, by case number', view: { filter: {}, sort: { field: 'case_no', dir: 'asc' } }, where: '1', order: 'd.case_no ASC, d.id ASC' },
    { name: 'two categories, by update', view: { filter: { categories: ['邻里', '物业'] }, sort: { field: 'updated_at', dir: 'desc' } }, where: `d.category IN ('邻里', '物业')`, order: 'd.updated_at DESC, d.id DESC' },
    { name: 'open, red first', view: { filter: { statuses: ['registered', 'accepted', 'mediating'] }, sort: { field: 'warning', dir: 'desc' } }, where: `d.status IN ('registered', 'accepted', 'mediating')`, order: 'd.warning_rank DESC, d.id DESC' },
    { name: 'all, by deadline (NULLs)', view: { filter: {}, sort: { field: 'deadline', dir: 'desc' } }, where: '1', order: 'd.deadline DESC, d.id DESC' },
    { name: 'search 宅基地, oldest first', view: { filter: { text: '宅基地' }, sort: { field: 'registered_at', dir: 'asc' } }, where: `d.summary LIKE '%宅基地%'`, order: 'd.registered_at ASC, d.id ASC' },
  ];

  for (const v of views) {
    it(v.name, async () => {
      const expected: number[] = (await w.core.db.raw(`SELECT d.id FROM disputes d WHERE ${v.where} ORDER BY ${v.order}`)).map((r: { id: number }) => r.id);
      const get = async (startRow: number, size: number) => {
        const r = await w.call('director', 'disputes.query', { ...v.view, startRow, endRow: startRow + size });
        expect(r.total).toBe(expected.length);
        return r.rows.map((x) => x.id);
      };
      w.core.node.queue.clear();
      // Cold jumps (plain OFFSET and from the far end), then scrolling (cursors), then jumps on the ladder.
      for (const at of [0, Math.floor(expected.length / 3), expected.length - 13]) expect(await get(at, 10), `cold ${at}`).toEqual(expected.slice(at, at + 10));
      for (let at = 50; at < 200; at += 10) expect(await get(at, 10), `scroll ${at}`).toEqual(expected.slice(at, at + 10));
      await w.core.node.queue.settled();
      for (const at of [7, 77, 131, 260, 333, expected.length - 30]) expect(await get(at, 17), `jump ${at}`).toEqual(expected.slice(at, at + 17));
    });
  }
});
