/**
 * Start-up: from opening the node's database to the first screen's data (divisions.tree with counts) on
 * the demo. Baseline: the raw floor — the same file opened with the plain sqlite3 driver and the count
 * queries run directly, without migrations check, dispatcher or roll-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { createCore, DATABASE_FILE } from '../../electron/core/index';
import { generateDemo } from '../../electron/core/demo/generateDemo';
import { DEMO_PASSWORD } from '../../electron/core/demo/demoAccounts';
import { quietLog } from '../support/tempCore';
import type { BenchResult } from './types';
import { percentile, round } from './stats';


function rawFloor(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => {
      if (err) return reject(err);
      db.all(
        `SELECT (SELECT count(*) FROM divisions) d, (SELECT count(*) FROM grids) g, (SELECT count(*) FROM service_points) s,
                (SELECT count(*) FROM disputes WHERE status IN ('registered','accepted','assigned','mediating','escalated')) o`,
        (e) => {
          const ms = performance.now() - t0;
          db.close(() => (e ? reject(e) : resolve(ms)));
        },
      );
    });
  });
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ggc-bench-startup-'));
  try {
    const seedCore = await createCore({ dataDir: dir, log: quietLog });
    await generateDemo(seedCore.db, { seed: 20211029 });
    await seedCore.close();

    const toTree: number[] = [];
    const floors: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      const core = await createCore({ dataDir: dir, log: quietLog });
      const login = await core.invoke('session.login', { username: 'director', password: DEMO_PASSWORD });
      if (!login.ok) throw new Error(login.error.message);
      const tree = await core.invoke('divisions.tree', {}, { token: (login.value as { token: string }).token });
      if (!tree.ok) throw new Error(tree.error.message);
      toTree.push(performance.now() - t0);
      await core.close();
      floors.push(await rawFloor(path.join(dir, DATABASE_FILE)));
    }
    return [
      {
        name: 'open node + login + division tree with counts (demo), median of 7',
        value: round(percentile(toTree, 50)),
        unit: 'ms',
        target: 1000,
        better: 'lower',
        baseline: { name: 'raw sqlite3 open + the four counts', value: round(percentile(floors, 50)) },
        note: 'includes one scrypt password check (~50 ms by design)',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
