/**
 * The demo generator (issue 1): the whole Yiyang-scale demo written into a fresh node, target ≤ 30 s on
 * this 2-core machine. Reported: the total wall time and each phase's. Baseline, measured in the same run:
 * the floor of the write alone — the same numbers of dispute, party and event rows, with trivial values
 * and no generation logic, written into a fresh node of the same schema (same indexes and triggers) through
 * one plain prepared 500-row INSERT per table on the raw sqlite3 driver, in one transaction.
 *
 * `--size N` runs the generation N times (default 1) and reports medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { createCore, DATABASE_FILE } from '../../electron/core/index';
import { DEMO_PHASES, generateDemo, quietLog, type DemoSummary } from './coreInternals';
import type { BenchResult } from './types';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
};
const seconds = (ms: number) => Math.round(ms / 100) / 10;

async function freshNode(): Promise<{ dir: string; file: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-demo-'));
  const core = await createCore({ dataDir: dir, log: quietLog });
  await core.close();
  return { dir, file: path.join(dir, DATABASE_FILE) };
}

function exec(db: sqlite3.Database, sql: string): Promise<void> {
  return new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())));
}

/** Rows of one table through a single prepared 500-row statement (plus one for the remainder). */
async function writeTable(db: sqlite3.Database, table: string, columns: string[], count: number, valueOf: (row: number) => (string | number | null)[]): Promise<void> {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  const sql = (n: number) => `INSERT INTO ${table} (${columns.join(',')}) VALUES ${new Array(n).fill(tuple).join(',')}`;
  const run = (stmt: sqlite3.Statement, from: number, n: number) =>
    new Promise<void>((resolve, reject) => {
      const bindings: (string | number | null)[] = [];
      for (let r = from; r < from + n; r++) bindings.push(...valueOf(r));
      stmt.run(bindings, (err) => (err ? reject(err) : resolve()));
    });
  const CHUNK = 500;
  const full = db.prepare(sql(CHUNK));
  let start = 0;
  for (; start + CHUNK <= count; start += CHUNK) await run(full, start, CHUNK);
  await new Promise<void>((resolve) => full.finalize(() => resolve()));
  if (start < count) {
    const rest = db.prepare(sql(count - start));
    await run(rest, start, count - start);
    await new Promise<void>((resolve) => rest.finalize(() => resolve()));
  }
}

/** The floor: as many dispute, party and event rows as the demo writes, with trivial values. */
async function writeFloor(counts: DemoSummary['counts']): Promise<number> {
  const { dir, file } = await freshNode();
  const db = new sqlite3.Database(file);
  try {
    await exec(db, 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    const t0 = performance.now();
    await exec(db, 'BEGIN');
    const at = '2021-06-01T02:00:00.000Z';
    await writeTable(db, 'disputes', ['id', 'case_no', 'source', 'category', 'status', 'county_code', 'township_code', 'summary', 'registered_at', 'updated_at'], counts.disputes ?? 0, (i) => [
      i + 1,
      `B-${i}`,
      'walk_in',
      '邻里',
      'closed',
      '439902000000',
      '439902001000',
      '双方因排水沟问题产生纠纷',
      at,
      at,
    ]);
    const disputes = counts.disputes ?? 1;
    await writeTable(db, 'dispute_parties', ['dispute_id', 'side', 'seq', 'name'], counts.disputeParties ?? 0, (i) => [(i % disputes) + 1, i % 2 ? 'respondent' : 'applicant', 1, '王某']);
    await writeTable(db, 'dispute_events', ['dispute_id', 'at', 'actor_name', 'kind', 'to_status'], counts.disputeEvents ?? 0, (i) => [(i % disputes) + 1, at, '张某', 'note', null]);
    await exec(db, 'COMMIT');
    return performance.now() - t0;
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(opts: { size?: string } = {}): Promise<BenchResult[]> {
  const runs = Math.max(1, Number(opts.size ?? 1) || 1);
  const summaries: DemoSummary[] = [];
  const totals: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { dir } = await freshNode();
    try {
      const core = await createCore({ dataDir: dir, log: quietLog });
      const t0 = performance.now();
      summaries.push(await generateDemo(core.db, { seed: 20211029 }));
      totals.push(performance.now() - t0);
      await core.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const counts = summaries[0]!.counts;
  const floors: number[] = [];
  for (let i = 0; i < runs; i++) floors.push(await writeFloor(counts));
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  const floorRows = (counts.disputes ?? 0) + (counts.disputeParties ?? 0) + (counts.disputeEvents ?? 0);

  const results: BenchResult[] = [
    {
      name: `demo generation, total (${rows.toLocaleString('en')} rows)${runs > 1 ? `, median of ${runs}` : ''}`,
      value: seconds(median(totals)),
      unit: 's',
      target: 30,
      better: 'lower',
      samples: runs,
      baseline: { name: `floor: ${floorRows.toLocaleString('en')} dispute/party/event rows, trivial values, one prepared 500-row INSERT each`, value: seconds(median(floors)), samples: floors.length },
    },
  ];
  for (const phase of DEMO_PHASES) {
    results.push({ name: `demo phase: ${phase}`, value: seconds(median(summaries.map((s) => s.timingsMs[phase]))), unit: 's', samples: runs, better: 'lower' });
  }
  const tables = Object.keys(summaries[0]!.insertMs);
  const slowest = tables.sort((a, b) => (summaries[0]!.insertMs[b] ?? 0) - (summaries[0]!.insertMs[a] ?? 0)).slice(0, 3);
  results.push({
    name: 'demo insert phase, slowest tables',
    value: seconds(median(summaries.map((s) => slowest.reduce((sum, t) => sum + (s.insertMs[t] ?? 0), 0)))),
    unit: 's',
    samples: runs,
    better: 'lower',
    note: slowest.map((t) => `${t} ${seconds(summaries[0]!.insertMs[t] ?? 0)} s`).join(', '),
  });
  return results;
}
