import knexFactory, { type Knex } from 'knex';

export type Db = Knex;

/**
 * Every connection's settings (also used by the benchmarks' raw-SQLite floor, so it runs as the app does):
 * - WAL lets readers (a backup, a second process) proceed during writes; the busy timeout makes a locked
 *   file wait instead of failing at once; foreign keys are off by default in SQLite.
 * - A 64 MiB page cache (SQLite's default is 2 MiB): at a million cases the queue's sort and filter indexes
 *   run to tens of MiB, and a block or a count that finds its pages cached instead of re-reading them from
 *   the OS costs a fraction. 64 MiB is affordable on the office PCs the console runs on (4–8 GiB); it is a
 *   ceiling, not an allocation: a small node never fills it.
 * - `PRAGMA optimize=0x10002` on opening, as SQLite recommends for long-lived connections: it runs ANALYZE
 *   on tables whose statistics are missing or stale, sampling at most ~1000 rows per index
 *   (analysis_limit), so opening a million-case node stays quick. Without sqlite_stat1 the planner
 *   guesses every index equally selective and at a million cases picks wrong ones (a status index plus a
 *   sort over 11k rows instead of the partial index that needs no sort); the statistics follow the data
 *   as it grows, with no ANALYZE step anyone has to remember.
 */
export const CONNECTION_PRAGMAS =
  'PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA analysis_limit = 1000; PRAGMA optimize = 0x10002;';

/**
 * Open the node's SQLite file. knex's sqlite3 client holds ONE connection: a query issued outside an
 * open transaction waits for that transaction to end, so handlers use the transaction they are given.
 */
export function openDatabase(filename: string): Db {
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: SqliteConnection) => void) {
        conn.exec(CONNECTION_PRAGMAS, (err) => done(err, conn));
      },
    },
  });
}

interface SqliteConnection {
  exec(sql: string, cb: (err: Error | null) => void): void;
}
