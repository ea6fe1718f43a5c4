/**
 * The bench runner (docs/architecture.md, "Benchmarks"): every suite builds its own seeded
 * data, returns results with a target and a baseline measured in the same run, and gets a JSON file in
 * tests/bench/results/<suite>.json.
 *
 * A suite that throws fails the run (exit 1) and leaves no JSON behind: its file from an earlier run is
 * deleted before it starts, so a stale figure can never pass for a fresh one. Each file records the
 * machine's load average before and after the suite (the machine may be shared).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResult, BenchSuite } from './types';
import { round } from './stats';

const SUITES: Record<string, () => Promise<BenchSuite>> = {
  demo: () => import('./demo'),
  startup: () => import('./startup'),
  queue: () => import('./queue'),
  map: () => import('./mapPayload'),
  queueUi: () => import('./queueUi'),
  mapUi: () => import('./mapUi'),
  wallUi: () => import('./wallUi'),
  stats: () => import('./statsFigures'),
  sync: () => import('./sync'),
};

/** A target this many times the measured value says nothing a user would notice: flagged for tightening. */
const LOOSE_TARGET_FACTOR = 30;

const { values } = parseArgs({ options: { only: { type: 'string' }, size: { type: 'string' } } });
const names = values.only ? values.only.split(',') : Object.keys(SUITES);
const unknown = names.filter((n) => !SUITES[n]);
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
const load = () => os.loadavg().map((x) => round(x, 2));
const outDir = path.resolve('tests/bench/results');
mkdirSync(outDir, { recursive: true });
let failures = 0;
const crashed: string[] = [];

function check(r: BenchResult): BenchResult {
  if (!Number.isFinite(r.value)) throw new Error(`"${r.name}" is not a number (${r.value})`);
  if (!(r.samples >= 1)) throw new Error(`"${r.name}" names no sample count`);
  const pass = r.target === undefined ? undefined : r.better === 'lower' ? r.value <= r.target : r.value >= r.target;
  return { ...r, pass };
}

for (const name of names) {
  console.log(`\n━━ bench: ${name} ━━`);
  const file = path.join(outDir, `${name}.json`);
  rmSync(file, { force: true });
  const before = load();
  const started = performance.now();
  let results: BenchResult[];
  try {
    const suite = await SUITES[name]!();
    results = (await suite.run({ ...(values.size ? { size: values.size } : {}) })).map(check);
  } catch (err) {
    crashed.push(name);
    console.error(`✗ suite ${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    continue;
  }
  for (const r of results) {
    const mark = r.pass === undefined ? ' ' : r.pass ? '✓' : '✗';
    const base = r.baseline ? `   baseline ${r.baseline.name}: ${r.baseline.value} ${r.unit} (n=${r.baseline.samples})` : '';
    const loose = r.target !== undefined && r.better === 'lower' && r.value > 0 && r.target >= LOOSE_TARGET_FACTOR * r.value ? `   ⚠ target ≥ ${LOOSE_TARGET_FACTOR}× the value` : '';
    console.log(`${mark} ${r.name}: ${r.value} ${r.unit} (n=${r.samples})${r.target !== undefined ? ` (target ${r.better === 'lower' ? '≤' : '≥'} ${r.target})` : ''}${base}${loose}`);
    if (r.pass === false) failures += 1;
  }
  const after = load();
  const seconds = round((performance.now() - started) / 1000);
  writeFileSync(file, JSON.stringify({ suite: name, when: new Date().toISOString(), seconds, machine: { ...machine, loadavgBefore: before, loadavgAfter: after }, results }, null, 2));
  console.log(`→ ${path.relative(process.cwd(), file)} (${seconds} s; load average before ${before.join(' ')}, after ${after.join(' ')})`);
}
if (crashed.length) console.error(`\nsuites that failed to run: ${crashed.join(', ')}`);
process.exit(failures > 0 || crashed.length > 0 ? 1 : 0);
