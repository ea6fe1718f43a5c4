/** The queue bench's two ways in: the core's door as a logged-in user, and a raw sqlite3 connection. */
import sqlite3 from 'sqlite3';
import type { Core } from '../../electron/core/index';
import type { QueueView } from '../../shared/contract/disputes/schemas';
import { CONNECTION_PRAGMAS } from './coreInternals';
import { BENCH_PASSWORD } from './queueLedger';

export interface QueryOut {
  rows: Array<{ id: number }>;
  total: number;
}

/** One block of a view through `disputes.query`, as the caller. */
export type QueueCaller = (view: QueueView, startRow: number, rows?: number) => Promise<QueryOut>;

export async function callerFor(core: Core, username: string): Promise<QueueCaller> {
  const login = await core.invoke('session.login', { username, password: BENCH_PASSWORD });
  if (!login.ok) throw new Error(login.error.message);
  const token = (login.value as { token: string }).token;
  return async (view, startRow, rows = 100) => {
    const r = await core.invoke('disputes.query', { ...view, startRow, endRow: startRow + rows }, { token });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as QueryOut;
  };
}

/** The raw floor's connection: the plain driver, with exactly the app's connection settings. */
export function openRaw(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READWRITE, (err) => {
      if (err) return reject(err);
      db.exec(CONNECTION_PRAGMAS, (e) => (e ? reject(e) : resolve(db)));
    });
  });
}

export function rawAll(db: sqlite3.Database, sql: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return new Promise((resolve, reject) => db.all(sql, params, (e, rows: Array<Record<string, unknown>>) => (e ? reject(e) : resolve(rows))));
}

/** The row fetch a person would hand-write: a case with its place, grid, mediator and org names. */
export const ROW_SQL = `SELECT d.*, t.name township_name, v.name village_name, g.name grid_name, p.name mediator_name, o.name org_name
  FROM disputes d LEFT JOIN divisions t ON t.code = d.township_code LEFT JOIN divisions v ON v.code = d.village_code
  LEFT JOIN grids g ON g.id = d.grid_id LEFT JOIN people p ON p.id = d.mediator_id LEFT JOIN mediation_orgs o ON o.id = d.org_id`;
