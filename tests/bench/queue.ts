/**
 * The queue at a million cases (issue 3, method per issue 8). An aged, Yiyang-shaped ledger
 * (queueLedger.ts) is measured through the core's one door (`disputes.query`) on the app's own connection
 * settings (connection.ts: its page cache and `PRAGMA optimize` on open; the bench adds none), reopened
 * after the load as the app would be the next morning. The ledger is cached between runs (queueLedger.ts).
 *
 * Views: the first block, the middle and the far end of five filtered+sorted views with their total,
 * cold (the engine's caches dropped and its background work stopped before each sample); the cursor
 * ladder's build time; a jump right after opening, before the ladder exists, and once it does; scrolling.
 * Search (queueSearch.ts): no hits, terms around the planner's switch point, terms clustered in one
 * month, search with filters, as the director and as a mediator.
 *
 * Baselines, timed alone (the engine quiesced first, never beside app work): naive LIMIT/OFFSET +
 * count(*) through knex, and the raw SQLite floor (keyset + count on the plain sqlite3 driver with the
 * app's connection settings). Percentiles come from ≥ 50 samples; the naive baseline (up to seconds per
 * query) is the median of fewer, and says how many.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type sqlite3 from 'sqlite3';
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/index';
import { OPEN_STATUSES_SQL } from '../../shared/domain/disputeStatus';
import type { QueueView } from '../../shared/contract/disputes/schemas';
import type { BenchResult } from './types';
import { p95, percentile, round as roundTo, time } from './stats';
import { coldQueue, fixedClock, quietLog, queueWorkSettled } from './coreInternals';
import { BENCH_TODAY_ISO, loadWorld, prepareLedger, rng, type World } from './queueLedger';
import { measureSearch } from './queueSearch';
import { callerFor, openRaw, rawAll, ROW_SQL, type QueryOut, type QueueCaller } from './queueCalls';

const round = (x: number) => roundTo(x, 2);
const SAMPLES = 50;
const NAIVE_SAMPLES = 7;
const LADDER_SAMPLES = 3;
/** A block at scroll speed: one frame, so rows never show blank while the grid scrolls. */
const BLOCK_TARGET_MS = 50;

interface ViewCase {
  name: string;
  view: QueueView;
  /** The WHERE / ORDER BY a person would hand-write for the raw floor and the naive baseline. */
  where: string;
  order: string;
  keyCol: string;
}

function viewsOf(world: World): ViewCase[] {
  const bigTownship = world.townships[0]!.code;
  const county = world.counties[1]!;
  const open = ['registered', 'accepted', 'assigned', 'mediating', 'escalated'] as const;
  return [
    { name: 'all cases, newest first', view: { filter: {}, sort: { field: 'registered_at', dir: 'desc' } }, where: '1', order: 'd.registered_at DESC, d.id DESC', keyCol: 'registered_at' },
    {
      name: 'open cases of the largest township by deadline',
      view: { filter: { statuses: [...open], townshipCode: bigTownship }, sort: { field: 'deadline', dir: 'asc' } },
      where: `d.status IN ${OPEN_STATUSES_SQL} AND d.township_code = '${bigTownship}'`,
      order: 'd.deadline ASC, d.id ASC',
      keyCol: 'deadline',
    },
    {
      name: 'one county, 邻里 + 婚姻家庭, newest first',
      view: { filter: { countyCode: county, categories: ['邻里', '婚姻家庭'] }, sort: { field: 'registered_at', dir: 'desc' } },
      where: `d.county_code = '${county}' AND d.category IN ('邻里', '婚姻家庭')`,
      order: 'd.registered_at DESC, d.id DESC',
      keyCol: 'registered_at',
    },
    { name: 'open cases, red warnings first', view: { filter: { statuses: [...open] }, sort: { field: 'warning', dir: 'desc' } }, where: `d.status IN ${OPEN_STATUSES_SQL}`, order: 'd.warning_rank DESC, d.id DESC', keyCol: 'warning_rank' },
    { name: 'recently updated cases', view: { filter: {}, sort: { field: 'updated_at', dir: 'desc' } }, where: '1', order: 'd.updated_at DESC, d.id DESC', keyCol: 'updated_at' },
  ];
}

export async function run(opts: { size?: string }): Promise<BenchResult[]> {
  const size = Number(opts.size ?? 1_000_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-queue-'));
  const results: BenchResult[] = [];
  let core: Core | null = null;
  let raw: sqlite3.Database | null = null;
  try {
    const { built } = await prepareLedger(size, dir);
    if (built) {
      results.push({ name: `build: insert ${size} cases + parties in arrival order, indexes maintained`, value: round(built.insertMs / 1000), unit: 's', samples: 1, better: 'lower' });
      results.push({ name: `build: age a quarter of them (updates in random order)`, value: round(built.ageMs / 1000), unit: 's', samples: 1, better: 'lower' });
      results.push({ name: `build: quick-search index over ${size} cases (JS bigram tokens → FTS5)`, value: round(built.indexMs / 1000), unit: 's', samples: 1, better: 'lower' });
    }
    // The app opening the node afterwards: its own settings; PRAGMA optimize finds the new data.
    const t0 = performance.now();
    core = await createCore({ dataDir: dir, clock: fixedClock(BENCH_TODAY_ISO), log: quietLog });
    results.push({ name: `open the node after the load (migrations check + PRAGMA optimize), ${size} cases`, value: round(performance.now() - t0), unit: 'ms', samples: 1, better: 'lower' });
    const world = await loadWorld(core.db);
    const stats: Array<{ n: number }> = await core.db.raw("SELECT count(*) AS n FROM sqlite_master WHERE name = 'sqlite_stat1'");
    if (!stats[0]?.n) console.warn('no sqlite_stat1 after opening: the planner runs without statistics');

    const director = await callerFor(core, 'bench_director');
    raw = await openRaw(path.join(dir, DATABASE_FILE));
    const rand = rng(7);
    for (const v of viewsOf(world)) results.push(...(await measureView(core, director, raw, v, size, rand)));
    results.push(...(await measureSearch(core, raw, size)));
    return results;
  } finally {
    if (raw) await new Promise<void>((r) => raw!.close(() => r()));
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureView(core: Core, call: QueueCaller, raw: sqlite3.Database, v: ViewCase, size: number, rand: () => number): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  await coldQueue(core);
  const total = (await call(v.view, 0)).total;
  const last = Math.max(0, total - 100);
  const spots: Record<string, () => number> = {
    'first screen': () => Math.floor(rand() * Math.min(1000, last)),
    middle: () => Math.floor(total / 2 + (rand() - 0.5) * total * 0.1),
    'far end': () => Math.max(0, last - Math.floor(rand() * Math.min(1000, last))),
  };
  for (const [depth, at] of Object.entries(spots)) {
    const cold: number[] = [];
    const floor: number[] = [];
    const naive: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const pos = at();
      await coldQueue(core);
      cold.push(await time(() => call(v.view, pos)));
      // Baselines only with the engine quiet (the cold call may have started a ladder).
      await coldQueue(core);
      if (i < NAIVE_SAMPLES && depth !== 'first screen') {
        naive.push(await time(() => core.db.raw(`${ROW_SQL} WHERE ${v.where} ORDER BY ${v.order} LIMIT 100 OFFSET ?`, [pos]).then(() => core.db.raw(`SELECT count(*) n FROM disputes d WHERE ${v.where}`))));
      }
      // Raw floor: the best hand-written query, knowing the key of the row before the block (keyset).
      const prev = pos > 0 ? (await rawAll(raw, `SELECT d.id, d.${v.keyCol} k FROM disputes d WHERE ${v.where} ORDER BY ${v.order} LIMIT 1 OFFSET ?`, [pos - 1]))[0] : undefined;
      const desc = v.order.includes('DESC');
      floor.push(
        await time(async () => {
          if (prev && prev.k !== null) await rawAll(raw, `${ROW_SQL} WHERE ${v.where} AND (d.${v.keyCol}, d.id) ${desc ? '<' : '>'} (?, ?) ORDER BY ${v.order} LIMIT 100`, [prev.k, prev.id]);
          else await rawAll(raw, `${ROW_SQL} WHERE ${v.where} ORDER BY ${v.order} LIMIT 100 OFFSET ?`, [pos]);
          await rawAll(raw, `SELECT count(*) n FROM disputes d WHERE ${v.where}`, []);
        }),
      );
    }
    results.push({
      name: `block p95, ${size} cases, ${v.name} (${total} rows), ${depth}, cold, with total`,
      value: round(p95(cold)),
      unit: 'ms',
      samples: cold.length,
      target: BLOCK_TARGET_MS,
      better: 'lower',
      ...(naive.length ? { baseline: { name: 'naive LIMIT/OFFSET + count(*), median', value: round(percentile(naive, 50)), samples: naive.length } } : {}),
      note: `p50 ${round(percentile(cold, 50))} ms; raw SQLite floor (keyset + count, plain sqlite3, app's settings) p95 ${round(p95(floor))} ms over ${floor.length}`,
    });
  }

  // The ladder: how long it takes to build after a view opens (in the background), and what a jump
  // costs before it exists — dragging the scrollbar right after the view opens.
  const ladder: number[] = [];
  for (let i = 0; i < LADDER_SAMPLES; i++) {
    await coldQueue(core);
    await call(v.view, 0);
    ladder.push(await time(() => queueWorkSettled(core)));
  }
  const firstJumps: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await coldQueue(core);
    await call(v.view, 0);
    firstJumps.push(await time(() => call(v.view, Math.floor(rand() * last))));
  }
  results.push({ name: `${v.name}: cursor ladder built in the background after opening, median`, value: round(percentile(ladder, 50)), unit: 'ms', samples: ladder.length, better: 'lower', note: `max ${round(Math.max(...ladder))} ms` });
  results.push({ name: `block p95, ${v.name}, first jump to any depth right after opening (no ladder yet)`, value: round(p95(firstJumps)), unit: 'ms', samples: firstJumps.length, target: BLOCK_TARGET_MS, better: 'lower', note: `p50 ${round(percentile(firstJumps, 50))} ms` });

  // Jumps once the ladder is built, checked against the naive OFFSET query for the first few.
  await coldQueue(core);
  await call(v.view, 0);
  await queueWorkSettled(core);
  const jumps: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const pos = Math.floor(rand() * last);
    let got: QueryOut | undefined;
    jumps.push(await time(async () => (got = await call(v.view, pos))));
    if (i < 3) {
      const naiveIds: Array<{ id: number }> = await core.db.raw(`SELECT d.id FROM disputes d WHERE ${v.where} ORDER BY ${v.order} LIMIT 100 OFFSET ?`, [pos]);
      if (JSON.stringify(naiveIds.map((r) => r.id)) !== JSON.stringify(got?.rows.map((r) => r.id))) throw new Error(`block at ${pos} of "${v.name}" differs from the naive OFFSET query`);
    }
  }
  results.push({ name: `block p95, ${v.name}, jump to any depth once the ladder is built`, value: round(p95(jumps)), unit: 'ms', samples: jumps.length, target: BLOCK_TARGET_MS, better: 'lower', note: `p50 ${round(percentile(jumps, 50))} ms` });

  // Scrolling: successive blocks from the middle, caches warm.
  const warm: number[] = [];
  let pos = Math.floor(total / 2);
  await call(v.view, pos);
  for (let i = 0; i < SAMPLES && pos + 200 <= total; i++) {
    pos += 100;
    warm.push(await time(() => call(v.view, pos)));
  }
  if (warm.length >= 50) results.push({ name: `block p95, ${v.name}, scrolling (warm)`, value: round(p95(warm)), unit: 'ms', samples: warm.length, target: BLOCK_TARGET_MS, better: 'lower' });
  return results;
}
