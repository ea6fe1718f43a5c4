import knexFactory, { type Knex } from 'knex';

export type Db = Knex;

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
        // WAL lets readers (a backup, a second process) proceed during writes; the busy timeout makes a
        // locked file wait instead of failing at once; foreign keys are off by default in SQLite.
        conn.exec(
          'PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;',
          (err) => done(err, conn),
        );
      },
    },
  });
}

interface SqliteConnection {
  exec(sql: string, cb: (err: Error | null) => void): void;
}
