/**
 * The bench runner (docs/architecture.md, "Benchmarks"): every suite builds its own seeded
 * data, returns results with a target and a baseline measured in the same run, and gets a JSON file in
 * tests/bench/results/<suite>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchResult, BenchSuite } from './types';

const SUITES: Record<string, () => Promise<BenchSuite>> = {
  demo: () => import('./demo'),
  startup: () => import('./startup'),
  queue: () => import('./queue'),
  map: () => import('./mapPayload'),
  queueUi: () => import('./queueUi'),
  mapUi: () => import('./mapUi'),
};

const { values } = parseArgs({ options: { only: { type: 'string' }, size: { type: 'string' } } });
const names = values.only ? values.only.split(',') : Object.keys(SUITES);
const unknown = names.filter((n) => !SUITES[n]);
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` };
const outDir = path.resolve('tests/bench/results');
mkdirSync(outDir, { recursive: true });
let failures = 0;

for (const name of names) {
  console.log(`\n━━ bench: ${name} ━━`);
  const suite = await SUITES[name]!();
  const results: BenchResult[] = (await suite.run({ ...(values.size ? { size: values.size } : {}) })).map((r) => ({
    ...r,
    pass: r.target === undefined ? undefined : r.better === 'lower' ? r.value <= r.target : r.value >= r.target,
  }));
  for (const r of results) {
    const mark = r.pass === undefined ? ' ' : r.pass ? '✓' : '✗';
    const base = r.baseline ? `   baseline ${r.baseline.name}: ${r.baseline.value} ${r.unit}` : '';
    console.log(`${mark} ${r.name}: ${r.value} ${r.unit}${r.target !== undefined ? ` (target ${r.better === 'lower' ? '≤' : '≥'} ${r.target})` : ''}${base}`);
    if (r.pass === false) failures += 1;
  }
  const file = path.join(outDir, `${name}.json`);
  writeFileSync(file, JSON.stringify({ suite: name, when: new Date().toISOString(), machine, results }, null, 2));
  console.log(`→ ${path.relative(process.cwd(), file)}`);
}
process.exit(failures > 0 ? 1 : 0);
