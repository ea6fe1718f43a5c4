import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, quietLog, seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';
import { createCore, DATABASE_FILE, type Core } from '../index';
import { openDatabase } from '../db/connection';
import { entryHash, verifyAuditChain, type AuditRow } from './auditLog';
import { readAuditKeyFile } from './auditKey';
import type { Db } from '../db/connection';

let core: Core;
let dir: string;
let removeDir: () => Promise<void>;

beforeEach(async () => {
  let cleanup: () => Promise<void>;
  ({ core, dir, cleanup } = await tempCore());
  // tempCore's cleanup closes the core it made; tamper() replaces that core, so close whichever is live.
  removeDir = async () => {
    await core.close().catch(() => {});
    await cleanup();
  };
  await seedSmallWorld(core);
  // A few real writes through the dispatcher: logins, account creations.
  const admin = await signIn(core, 'admin');
  for (let i = 1; i <= 4; i++) {
    await admin('accounts.create', { username: `clerk0${i}`, displayName: `职员${i}`, role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass1' });
  }
});
afterEach(async () => removeDir());

/** Tamper as someone with the file in hand would: drop the append-only triggers first. */
async function tamper(edit: string | ((db: Db) => Promise<void>)) {
  await core.close();
  const db = openDatabase(path.join(dir, DATABASE_FILE));
  await db.raw('DROP TRIGGER audit_log_no_update');
  await db.raw('DROP TRIGGER audit_log_no_delete');
  if (typeof edit === 'string') await db.raw(edit);
  else await edit(db);
  const result = await verifyAuditChain(db);
  await db.destroy();
  // Reopen so cleanup() closes a live core.
  core = await createCore({ dataDir: dir, log: quietLog });
  return result;
}

describe('audit log', () => {
  it('records every write and verifies clean', async () => {
    const result = await verifyAuditChain(core.db);
    expect(result).toMatchObject({ ok: true, checked: 6, headSeq: 6, problems: [] });
  });

  it('is append-only for the application', async () => {
    await expect(core.db('audit_log').where({ seq: 2 }).update({ actor_name: 'someone else' })).rejects.toThrow(/append-only/);
    await expect(core.db('audit_log').where({ seq: 2 }).delete()).rejects.toThrow(/append-only/);
  });

  it('catches an edited entry', async () => {
    const r = await tamper(`UPDATE audit_log SET detail = '{"username":"clerk09"}' WHERE seq = 3`);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
  });

  it('catches an entry whose stored hash alone was overwritten', async () => {
    const r = await tamper(`UPDATE audit_log SET hash = '${'f'.repeat(64)}' WHERE seq = 3`);
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
  });

  it('catches an edited entry whose hash was recomputed without the key', async () => {
    const r = await tamper(async (db) => {
      // Someone with the database file only: new content, the plain SHA-256 recomputed over it.
      const row: AuditRow = await db('audit_log').where({ seq: 3 }).first();
      const { hash: original, ...body } = { ...row, detail: '{"username":"clerk09"}' };
      const forged = entryHash(body);
      expect(forged).not.toBe(original);
      await db('audit_log').where({ seq: 3 }).update({ detail: body.detail, hash: forged });
    });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: 'edited' }));
  });

  it('catches an edited entry even when its hash was recomputed with the key (the next link breaks)', async () => {
    const key = readAuditKeyFile(dir)!.key;
    const r = await tamper(async (db) => {
      // A forger who also holds the key file: new content, and the keyed hash recomputed over it, so
      // entry 3 is self-consistent; only entry 4's prev_hash still names the original.
      const row: AuditRow = await db('audit_log').where({ seq: 3 }).first();
      const { hash: original, ...body } = { ...row, detail: '{"username":"clerk09"}' };
      const forged = entryHash(body, key);
      expect(forged).not.toBe(original);
      await db('audit_log').where({ seq: 3 }).update({ detail: body.detail, hash: forged });
    });
    expect(r.ok).toBe(false);
    // Exactly one problem, and it is the broken link after the forged entry (not an "edited" hash).
    expect(r.problems).toEqual([expect.objectContaining({ seq: 4, kind: 'broken_link' })]);
  });

  it('catches a deleted entry in the middle', async () => {
    const r = await tamper('DELETE FROM audit_log WHERE seq = 4');
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ seq: 4, kind: 'missing' }));
  });

  it('catches a removed tail', async () => {
    const r = await tamper('DELETE FROM audit_log WHERE seq >= 5');
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'truncated' }));
  });

  it('is reachable as audit.verify for the admin only', async () => {
    const admin = await loginAs(core, 'admin');
    const director = await loginAs(core, 'director');
    expect(await core.invoke('audit.verify', {}, { token: admin })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await core.invoke('audit.verify', {}, { token: director })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
