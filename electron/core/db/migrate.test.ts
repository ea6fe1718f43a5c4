import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../index';
import { quietLog } from '../../../tests/support/tempCore';
import { openDatabase } from './connection';
import { MIGRATIONS } from './migrations';
import { migrateToLatest } from './migrate';
import type { Knex } from 'knex';

const dirs: string[] = [];
function freshDir() {
  const d = mkdtempSync(path.join(tmpdir(), 'ggc-mig-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrations', () => {
  it('create the schema in WAL mode with foreign keys on, and are idempotent on reopen', async () => {
    const dir = freshDir();
    const core = await createCore({ dataDir: dir, log: quietLog });
    expect(core.env.schemaVersion).toBe(MIGRATIONS.length);
    const [{ journal_mode }] = (await core.db.raw('PRAGMA journal_mode')) as [{ journal_mode: string }];
    const [{ foreign_keys }] = (await core.db.raw('PRAGMA foreign_keys')) as [{ foreign_keys: number }];
    const [{ timeout }] = (await core.db.raw('PRAGMA busy_timeout')) as [{ timeout: number }];
    expect([journal_mode, foreign_keys, timeout]).toEqual(['wal', 1, 5000]);
    await core.close();
    const again = await createCore({ dataDir: dir, log: quietLog });
    const done = await again.db('knex_migrations').count({ n: '*' }).first();
    expect(Number(done?.n)).toBe(MIGRATIONS.length);
    await again.close();
  });

  it('refuse a database written by a newer version, and leave it untouched', async () => {
    const dir = freshDir();
    const core = await createCore({ dataDir: dir, log: quietLog });
    await core.db('knex_migrations').insert({ name: '9999_from_the_future', batch: 2, migration_time: new Date().toISOString() });
    await core.close();
    await expect(createCore({ dataDir: dir, log: quietLog })).rejects.toMatchObject({ code: 'SCHEMA_TOO_NEW' });
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    const names = (await db('knex_migrations').select('name')).map((r: { name: string }) => r.name);
    expect(names).toContain('9999_from_the_future');
    await db.destroy();
  });

  it('a failing migration rolls back only itself, keeps the ones before, and fails loudly', async () => {
    const dir = freshDir();
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    const broken = [
      { name: '0001_ok', up: async (k: Knex) => void (await k.schema.createTable('a', (t) => t.increments('id'))) },
      {
        name: '0002_broken',
        up: async (k: Knex) => {
          await k.schema.createTable('b', (t) => t.increments('id'));
          await k.raw('THIS IS NOT SQL');
        },
      },
    ];
    await expect(migrateToLatest(db, broken)).rejects.toThrow(/syntax error/);
    expect(await db.schema.hasTable('a')).toBe(true);
    expect(await db.schema.hasTable('b')).toBe(false);
    const names = (await db('knex_migrations').select('name')).map((r: { name: string }) => r.name);
    expect(names).toEqual(['0001_ok']);
    await db.destroy();
  });
});
