import type { Knex } from 'knex';

export type SqlValue = string | number | null;

/**
 * Multi-row INSERTs for the demo's ~300,000 rows, with bound parameters. knex's builder turns a multi-row
 * insert into one compound SELECT and fails at about 1,000 rows (docs/architecture.md, "Measured facts"),
 * and preparing a fresh 500-row statement for every chunk costs as much as running it; so the statement for a full chunk is
 * prepared once per table on the transaction's own connection and run again and again (measured here:
 * ~25% less CPU and about half the wall time of `trx.raw` per chunk). Rows per statement stay ≤ 500 and
 * bound values below SQLite's 32,766-variable limit. Table and column names are ours, never input.
 */
interface PreparedStatement {
  run(params: SqlValue[], callback: (err: Error | null) => void): unknown;
  finalize(callback: (err: Error | null) => void): unknown;
}

interface SqliteConnection {
  prepare(sql: string, callback: (err: Error | null) => void): PreparedStatement;
}

function isSqliteConnection(c: unknown): c is SqliteConnection {
  return typeof c === 'object' && c !== null && typeof (c as { prepare?: unknown }).prepare === 'function';
}

/** knex's transaction client hands out the transaction's own connection (knex makeTxClient). */
async function connectionOf(trx: Knex.Transaction): Promise<SqliteConnection | null> {
  const conn: unknown = await trx.client.acquireConnection();
  return isSqliteConnection(conn) ? conn : null;
}

function prepare(conn: SqliteConnection, sql: string): Promise<PreparedStatement> {
  return new Promise((resolve, reject) => {
    const stmt = conn.prepare(sql, (err) => (err ? reject(err) : resolve(stmt)));
  });
}

function run(stmt: PreparedStatement, params: SqlValue[]): Promise<void> {
  return new Promise((resolve, reject) => stmt.run(params, (err) => (err ? reject(err) : resolve())));
}

function finalize(stmt: PreparedStatement): Promise<void> {
  return new Promise((resolve, reject) => stmt.finalize((err) => (err ? reject(err) : resolve())));
}

/** Insert rows given as arrays of values in column order. */
export function insertRows(trx: Knex.Transaction, table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): Promise<void> {
  return insertChunked(trx, table, columns, rows.length, (r, out, at) => {
    const row = rows[r]!;
    if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} values for ${columns.length} columns`);
    for (let c = 0; c < row.length; c++) out[at + c] = row[c]!;
  });
}

/** Insert rows given as objects; only `columns` are read (a missing one is NULL). */
export function insertRecords(trx: Knex.Transaction, table: string, columns: readonly string[], rows: readonly Readonly<Record<string, SqlValue>>[]): Promise<void> {
  return insertChunked(trx, table, columns, rows.length, (r, out, at) => {
    const row = rows[r]!;
    for (let c = 0; c < columns.length; c++) out[at + c] = row[columns[c]!] ?? null;
  });
}

/** The bindings are written straight from the caller's rows into one array per chunk: no copy per row. */
async function insertChunked(
  trx: Knex.Transaction,
  table: string,
  columns: readonly string[],
  count: number,
  fill: (row: number, out: SqlValue[], at: number) => void,
): Promise<void> {
  if (count === 0) return;
  const perRow = columns.length;
  const chunk = Math.max(1, Math.min(500, Math.floor(32_000 / perRow)));
  const head = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
  const tuple = `(${new Array<string>(perRow).fill('?').join(', ')})`;
  const sqlFor = (n: number) => head + new Array<string>(n).fill(tuple).join(', ');
  const bindingsOf = (start: number, n: number) => {
    const bindings = new Array<SqlValue>(n * perRow);
    for (let r = 0; r < n; r++) fill(start + r, bindings, r * perRow);
    return bindings;
  };

  const conn = await connectionOf(trx);
  let start = 0;
  if (conn && count >= chunk) {
    const stmt = await prepare(conn, sqlFor(chunk));
    try {
      for (; start + chunk <= count; start += chunk) await run(stmt, bindingsOf(start, chunk));
    } finally {
      await finalize(stmt);
    }
  }
  for (; start < count; start += chunk) {
    const n = Math.min(chunk, count - start);
    await trx.raw(sqlFor(n), bindingsOf(start, n));
  }
}
