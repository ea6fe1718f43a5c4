/**
 * The 成绩单 at a million cases (issue 11): `stats.overview` for the whole city over a year, through the
 * core's one door as the director, on the queue bench's aged ledger (queueLedger.ts, cached between runs),
 * reopened with the app's own settings. Also the 排查情况表 for a quarter and the director's 工作台.
 *
 * The whole months of a range are read from the rollups (migration 0011, backfilled when the ledger is
 * first opened by this version: part of "open the node").
 *
 * Baseline, in the same run: the naive way — one GROUP BY over the cases table (NOT INDEXED: a scan, the
 * registration year tested per row), for the category breakdown alone.
 *
 * STATS_BENCH_LEDGER=<file> uses an existing ledger file instead (a copy of it is opened: the app's
 * migrations then add this version's indexes to it, as an upgrade would).
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore, DATABASE_FILE, type Core } from '../../electron/core/index';
import type { BenchResult } from './types';
import { p95, percentile, round, time } from './stats';
import { fixedClock, quietLog } from './coreInternals';
import { BENCH_PASSWORD, BENCH_TODAY_ISO, prepareLedger } from './queueLedger';

const SAMPLES = 50;
const NAIVE_SAMPLES = 7;
/** The figure: any figure set for the city over a year on the 1M-case database. */
const TARGET_MS = 1000;

async function login(core: Core, username: string): Promise<string> {
  const r = await core.invoke('session.login', { username, password: BENCH_PASSWORD });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { token: string }).token;
}

export async function run(opts: { size?: string }): Promise<BenchResult[]> {
  const size = Number(opts.size ?? 1_000_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-stats-'));
  const results: BenchResult[] = [];
  let core: Core | null = null;
  try {
    const given = process.env.STATS_BENCH_LEDGER;
    if (given) copyFileSync(given, path.join(dir, DATABASE_FILE));
    else await prepareLedger(size, dir);
    const t0 = performance.now();
    core = await createCore({ dataDir: dir, clock: fixedClock(BENCH_TODAY_ISO), log: quietLog });
    results.push({ name: `open the node (migrations, incl. the statistics indexes when new)`, value: round(performance.now() - t0), unit: 'ms', samples: 1, better: 'lower' });
    const cases: Array<{ n: number; lo: string; hi: string }> = await core.db.raw('SELECT count(*) n, min(registered_at) lo, max(registered_at) hi FROM disputes');
    const n = Number(cases[0]!.n);
    const year = String(cases[0]!.hi).slice(0, 4) > '2020' ? '2020' : String(cases[0]!.hi).slice(0, 4);
    const token = await login(core, 'bench_director');
    const call = async (name: string, input: unknown) => {
      const r = await core!.invoke(name, input, { token });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
      return r.value;
    };

    const overview = { from: `${year}-01-01`, to: `${year}-12-31`, granularity: 'month' };
    const first = (await call('stats.overview', overview)) as { totals: { registered: number } };
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await time(() => call('stats.overview', overview)));

    // The naive baseline: one GROUP BY scanning the table, for one of the breakdowns only.
    const naive: number[] = [];
    for (let i = 0; i < NAIVE_SAMPLES; i++) {
      naive.push(
        await time(() =>
          core!.db.raw(
            `SELECT category, count(*) registered, sum(outcome IS NOT NULL) handled, sum(outcome = 'agreement') successful
               FROM disputes NOT INDEXED WHERE strftime('%Y', registered_at, '+8 hours') = ? GROUP BY category`,
            [year],
          ),
        ),
      );
    }
    results.push({
      name: `stats.overview: the city over ${year} (${first.totals.registered} of ${n} cases), every figure set, p95`,
      value: round(p95(samples)),
      unit: 'ms',
      samples: samples.length,
      target: TARGET_MS,
      better: 'lower',
      baseline: { name: 'naive GROUP BY category over the table (scan), median', value: round(percentile(naive, 50)), samples: naive.length },
      note: 'Whole months come from the rollups of migration 0011 (backfilled while opening the node). The bench ledger has no outcomes (handled/successful are 0 there); with outcomes only failed cases add rollup rows (one per referral).',
    });

    // The 工作台's own range: the year to a day in October (whole months from the rollups, the rest of
    // October and the comparison periods' partial months from the cases).
    const ytd = { from: `${year}-01-01`, to: `${year}-10-20`, granularity: 'month' };
    const ytdSamples: number[] = [];
    for (let i = 0; i < SAMPLES; i++) ytdSamples.push(await time(() => call('stats.overview', ytd)));
    results.push({
      name: `stats.overview: the city, ${ytd.from} to ${ytd.to} (the 工作台's year to date: partial months too), p95`,
      value: round(p95(ytdSamples)),
      unit: 'ms',
      samples: ytdSamples.length,
      target: TARGET_MS,
      better: 'lower',
    });

    const table: number[] = [];
    for (let i = 0; i < SAMPLES; i++) table.push(await time(() => call('stats.sweepTable', { year: Number(year), quarter: 1 + (i % 4) })));
    results.push({ name: `stats.sweepTable: 排查情况表 for a quarter of ${year}, the city, p95`, value: round(p95(table)), unit: 'ms', samples: table.length, target: TARGET_MS, better: 'lower' });

    const bench: number[] = [];
    for (let i = 0; i < SAMPLES; i++) bench.push(await time(() => call('stats.workbench', {})));
    results.push({ name: `stats.workbench: the director's 工作台 (counts through the queue's SQL, township ranking), p95`, value: round(p95(bench)), unit: 'ms', samples: bench.length, target: TARGET_MS, better: 'lower' });
    return results;
  } finally {
    await core?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
