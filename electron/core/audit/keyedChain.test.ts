import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { quietLog, seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';
import { createCore, DATABASE_FILE } from '../index';
import { openDatabase, type Db } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { AUDIT_KEY_FILE, readAuditKeyFile } from './auditKey';
import { appendAudit, entryHash, GENESIS_HASH, verifyAuditChain, type AuditRow } from './auditLog';

const dirs: string[] = [];
function freshDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'ggc-key-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * The full-recompute attack, as someone holding only the database file would run it: drop the
 * append-only triggers, delete entries, renumber the rest, recompute every hash and link with the
 * published algorithm (plain SHA-256: the key is not in the file), and rewrite the stored head.
 */
async function fullRecompute(db: Db, deleteSeqs: number[]): Promise<void> {
  await db.raw('DROP TRIGGER IF EXISTS audit_log_no_update');
  await db.raw('DROP TRIGGER IF EXISTS audit_log_no_delete');
  const rows: AuditRow[] = await db('audit_log').orderBy('seq');
  const kept = rows.filter((r) => !deleteSeqs.includes(r.seq));
  await db('audit_log').delete();
  let prev = GENESIS_HASH;
  let seq = 0;
  for (const r of kept) {
    seq += 1;
    const body = { ...r, seq, prev_hash: prev };
    delete (body as Partial<AuditRow>).hash;
    const hash = entryHash(body);
    await db('audit_log').insert({ ...body, hash });
    prev = hash;
  }
  await db('meta').where({ key: 'audit_head' }).update({ value: JSON.stringify({ seq, hash: prev }) });
}

describe('keyed audit chain', () => {
  it('creates the key outside the database at the first start, readable by the owner only', async () => {
    const { core, dir, cleanup } = await tempCore();
    try {
      const key = readAuditKeyFile(dir);
      expect(key?.keyedFrom).toBe(1);
      expect(key?.key.length).toBe(32);
      if (process.platform !== 'win32') expect(statSync(path.join(dir, AUDIT_KEY_FILE)).mode & 0o777).toBe(0o600);
      // Nothing of the key is in the database.
      const metaValues = (await core.db('meta').select('value')).map((r: { value: string }) => r.value).join(' ');
      expect(metaValues).not.toContain(key!.key.toString('hex'));
    } finally {
      await cleanup();
    }
  });

  it('catches the full-recompute attack (entries deleted, every hash recomputed, head rewritten)', async () => {
    const { core, dir } = await tempCore();
    await seedSmallWorld(core);
    const admin = await signIn(core, 'admin');
    for (let i = 1; i <= 5; i++) {
      await admin('accounts.create', { username: `clerk0${i}`, displayName: `职员${i}`, role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    }
    expect((await admin('audit.verify', {})).ok).toBe(true);
    await core.close();

    const db = openDatabase(path.join(dir, DATABASE_FILE));
    await fullRecompute(db, [3, 4]);
    await db.destroy();

    // Control: without the key (a copy of the file alone, its "keyed" mark removed too) the forged chain passes —
    // this is the attack an unkeyed chain could not see.
    const bare = freshDir();
    copyFileSync(path.join(dir, DATABASE_FILE), path.join(bare, DATABASE_FILE));
    const copy = openDatabase(path.join(bare, DATABASE_FILE));
    await copy('meta').where({ key: 'audit_keyed_from' }).delete();
    expect(await verifyAuditChain(copy)).toMatchObject({ ok: true, problems: [] });
    await copy.destroy();

    // The node, with its key: every recomputed entry is refused.
    const again = await createCore({ dataDir: dir, log: quietLog });
    try {
      const verdict = await (await signIn(again, 'admin'))('audit.verify', {});
      expect(verdict.ok).toBe(false);
      expect(verdict.problems[0]).toMatchObject({ seq: 1, kind: 'edited' });
      expect(verdict.problems.filter((p) => p.kind === 'edited').length).toBeGreaterThanOrEqual(verdict.checked - 2);
    } finally {
      await again.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keys an existing unkeyed chain from a marked entry, which pins the entries before it', async () => {
    const dir = freshDir();
    // A database as versions before the keyed chain left it: migrated, three plain SHA-256 entries, no key file.
    const old = openDatabase(path.join(dir, DATABASE_FILE));
    await migrateToLatest(old);
    for (const action of ['test.one', 'test.two', 'test.three']) {
      await old.transaction((trx) => appendAudit(trx, new Date('2021-10-01T00:00:00Z'), { actorId: null, actorName: 'old', action, entity: 'node', entityId: null }));
    }
    const oldRows: AuditRow[] = await old('audit_log').orderBy('seq');
    expect(entryHash(oldRows[0]!)).toBe(oldRows[0]!.hash);
    await old.destroy();

    const core = await createCore({ dataDir: dir, log: quietLog });
    const key = readAuditKeyFile(dir)!;
    expect(key.keyedFrom).toBe(4);
    const marker: AuditRow = await core.db('audit_log').where({ seq: 4 }).first();
    expect(marker).toMatchObject({ action: 'audit.keyed', actor_name: 'system', prev_hash: oldRows[2]!.hash });
    expect(entryHash(marker, key.key)).toBe(marker.hash);
    expect(entryHash(marker)).not.toBe(marker.hash);
    expect(await verifyAuditChain(core.db)).toMatchObject({ ok: true, checked: 4, headSeq: 4 });
    await core.close();

    // Rewriting the unkeyed part and recomputing its plain hashes breaks the marker's keyed link.
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    await db.raw('DROP TRIGGER audit_log_no_update');
    const row: AuditRow = await db('audit_log').where({ seq: 3 }).first();
    const { hash: _h, ...body } = { ...row, action: 'test.forged' };
    await db('audit_log').where({ seq: 3 }).update({ action: 'test.forged', hash: entryHash(body) });
    const verdict = await verifyAuditChain(db);
    await db.destroy();
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toContainEqual(expect.objectContaining({ seq: 4, kind: 'broken_link' }));
  });

  it('refuses to start a keyed node whose key file is gone, saying what to do', async () => {
    const { core, dir } = await tempCore();
    dirs.push(dir);
    await seedSmallWorld(core);
    await core.close();
    rmSync(path.join(dir, AUDIT_KEY_FILE));
    await expect(createCore({ dataDir: dir, log: quietLog })).rejects.toThrow(/audit\.key 缺失/);
  });
});
