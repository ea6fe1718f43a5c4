import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { attemptAs } from '../../../tests/support/call';
import { loginAs, quietLog, seedSmallWorld, signIn, tempCore } from '../../../tests/support/tempCore';
import { until } from '../../../tests/support/until';
import { fixedClock } from '../clock';
import { createCore, DATABASE_FILE, type Core } from '../index';
import { openDatabase } from '../db/connection';
import { verifyAuditChain } from '../audit/auditLog';
import { applyRetention, BACKUP_DB_FILE, backupsDir, createBackup, listBackups, readManifest, REPLACED_DIR } from './backupFiles';
import { KNOWN_MIGRATIONS } from './backupJob';
import { backupNode, listNodeBackups, newestGoodBackup, requestRestore, restoreNode } from '../bootstrap';
import { AUDIT_KEY_FILE, createAuditKeyFile } from '../audit/auditKey';

const dirs: string[] = [];
function freshDir(prefix = 'ggc-bk-'): string {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Run SQL on a file with the plain driver (as someone with the file would), outside any core. */
function execOn(file: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (err) => {
      if (err) return reject(err);
      db.exec(sql, (e) => db.close(() => (e ? reject(e) : resolve())));
    });
  });
}

async function backupNow(core: Core, note?: string): Promise<string> {
  const admin = await signIn(core, 'admin');
  const job = await admin('backup.create', note ? { note } : {});
  await until(async () => (await admin('jobs.get', { jobId: job.jobId })).state !== 'running', 20_000, 'backup job');
  expect(await admin('jobs.get', { jobId: job.jobId })).toMatchObject({ state: 'done', done: 4, total: 4 });
  // The id from the job's own audit entry (backups made at the same fixed test time sort by their random suffix).
  const entry: { entity_id: string } = await core.db('audit_log').where({ action: 'backup.created' }).orderBy('seq', 'desc').first('entity_id');
  expect((await admin('backup.list', {})).backups.map((b) => b.id)).toContain(entry.entity_id);
  return entry.entity_id;
}

async function world(): Promise<{ core: Core; dir: string; disputeId: number }> {
  const { core, dir } = await tempCore();
  dirs.push(dir);
  await seedSmallWorld(core);
  const row: { id: number } = await core.db('disputes').where({ case_no: 'T-1' }).first('id');
  return { core, dir, disputeId: row.id };
}

describe('backups', () => {
  it('round trip: backup with attachments, later changes, restore at the next start — the backup state is back, verified', async () => {
    const { core, dir, disputeId } = await world();
    const admin = await signIn(core, 'admin');
    const content = Buffer.from('调解协议书扫描件 — 原件');
    const { attachmentId, sha256 } = await admin('disputes.addAttachment', { id: disputeId, fileName: '协议.pdf', mime: 'application/pdf', contentBase64: content.toString('base64') });

    const id = await backupNow(core, '测试备份');
    const folder = path.join(backupsDir(dir), id);
    const manifest = readManifest(folder)!;
    expect(manifest).toMatchObject({ reason: 'manual', note: '测试备份', integrity: 'ok', attachments: 1, migrations: [...KNOWN_MIGRATIONS] });
    expect(manifest.auditHead?.seq).toBeGreaterThan(0);
    expect(existsSync(path.join(folder, 'attachments', sha256.slice(0, 2), sha256))).toBe(true);
    // The copy is a database of its own in rollback mode (VACUUM INTO), not a copy of the live WAL pair.
    expect(readdirSync(folder).sort()).toEqual(['attachments', BACKUP_DB_FILE, 'manifest.json']);

    // After the backup: a new account, and the attachment files lost.
    await admin('accounts.create', { username: 'afterbackup', displayName: '备份后', role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    // A later backup: its audit head lies beyond what the restored chain holds.
    const later = await backupNow(core);
    expect(await admin('backup.restore', { id })).toEqual({ id, restartRequired: true });
    expect((await admin('backup.list', {})).pendingRestore).toBe(id);
    await core.close();
    rmSync(path.join(dir, 'attachments'), { recursive: true, force: true });

    const restored = await createCore({ dataDir: dir, clock: fixedClock('2021-10-29T10:00:00+08:00'), log: quietLog });
    try {
      expect(await restored.db('accounts').where({ username: 'afterbackup' }).first()).toBeUndefined();
      const again = await signIn(restored, 'admin');
      const file = await again('disputes.getAttachment', { attachmentId });
      expect(Buffer.from(file.contentBase64, 'base64').equals(content)).toBe(true);
      const entry: { detail: string } = await restored.db('audit_log').where({ action: 'backup.restored' }).first('detail');
      expect(JSON.parse(entry.detail)).toMatchObject({ requestedBy: 'admin', superseded: [later] });
      // The chain verifies against the heads of the backups it still reaches; the later one no longer counts.
      expect(await again('audit.verify', {})).toMatchObject({ ok: true, problems: [] });
      expect((await again('backup.list', {})).pendingRestore).toBeNull();
      // The database it replaced is kept, not deleted.
      const kept = readdirSync(path.join(dir, REPLACED_DIR));
      expect(kept).toHaveLength(1);
      expect(existsSync(path.join(dir, REPLACED_DIR, kept[0]!, DATABASE_FILE))).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses a backup whose file was changed, one that fails integrity_check, and one made by a newer version', async () => {
    const { core, dir } = await world();
    const admin = await loginAs(core, 'admin');
    const id = await backupNow(core);
    const folder = path.join(backupsDir(dir), id);
    const dbFile = path.join(folder, BACKUP_DB_FILE);
    const manifestFile = path.join(folder, 'manifest.json');
    const original = readFileSync(dbFile);
    const withSha = async () => {
      const { createHash } = await import('node:crypto');
      const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { dbSha256: string };
      m.dbSha256 = createHash('sha256').update(readFileSync(dbFile)).digest('hex');
      writeFileSync(manifestFile, JSON.stringify(m));
    };

    // 1. Changed after it was made: the checksum no longer matches.
    const flipped = Buffer.from(original);
    flipped[flipped.length - 100] = flipped[flipped.length - 100]! ^ 0xff;
    writeFileSync(dbFile, flipped);
    expect(await attemptAs(core, admin, 'backup.restore', { id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/校验值不符/) });

    // 2. Damaged pages, checksum updated to match: integrity_check refuses it.
    const damaged = Buffer.from(original);
    const pageSize = damaged.readUInt16BE(16);
    for (let p = 2; p * pageSize < damaged.length; p += 2) damaged.fill(0x5a, p * pageSize, p * pageSize + 64);
    writeFileSync(dbFile, damaged);
    await withSha();
    expect(await attemptAs(core, admin, 'backup.restore', { id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/完整性检查/) });

    // 3. A sound copy from a newer version (a migration this program does not know).
    writeFileSync(dbFile, original);
    await execOn(dbFile, "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('9999_from_the_future', 9, '2030-01-01')");
    await withSha();
    expect(await attemptAs(core, admin, 'backup.restore', { id })).toMatchObject({ ok: false, code: 'SCHEMA_TOO_NEW', message: expect.stringMatching(/较新版本/) });

    expect((await attemptAs(core, admin, 'backup.list', {})).ok).toBe(true);
    expect(existsSync(path.join(dir, 'restore-pending.json'))).toBe(false);
    await core.close();
  });

  it('a restore whose backup is damaged before the next start is not applied, and the audit log says why', async () => {
    const { core, dir } = await world();
    const admin = await signIn(core, 'admin');
    const id = await backupNow(core);
    await admin('accounts.create', { username: 'afterbackup', displayName: '备份后', role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    await admin('backup.restore', { id });
    await core.close();
    const dbFile = path.join(backupsDir(dir), id, BACKUP_DB_FILE);
    const bytes = readFileSync(dbFile);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(dbFile, bytes);

    const again = await createCore({ dataDir: dir, log: quietLog });
    try {
      expect(await again.db('accounts').where({ username: 'afterbackup' }).first()).toBeDefined();
      const entry: { entity_id: string; detail: string } = await again.db('audit_log').where({ action: 'backup.restoreFailed' }).first('entity_id', 'detail');
      expect(entry.entity_id).toBe(id);
      expect(JSON.parse(entry.detail)).toMatchObject({ requestedBy: 'admin', reason: expect.stringMatching(/校验值不符/) });
      expect((await (await signIn(again, 'admin'))('backup.list', {})).pendingRestore).toBeNull();
    } finally {
      await again.close();
    }
  });

  it('is for the admin only, and names backups by id only', async () => {
    const { core } = await world();
    for (const who of ['director', 'dispatcher', 'leader', 'wall']) {
      const token = await loginAs(core, who);
      expect(await attemptAs(core, token, 'backup.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await attemptAs(core, token, 'backup.create', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    // A backup is named by its id only: no way out of the backups folder.
    const admin = await loginAs(core, 'admin');
    for (const id of ['..', '../..', '/etc', '.hidden']) expect(await attemptAs(core, admin, 'backup.restore', { id })).toMatchObject({ ok: false, code: 'INVALID_INPUT', field: 'id' });
    expect(await attemptAs(core, admin, 'backup.restore', { id: 'no-such-backup' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await core.close();
  });

  it('keeps backups by the retention policy (count and age; the newest always) and copies each to the second folder', async () => {
    const { core, dir } = await world();
    const second = freshDir('ggc-usb-');
    const admin = await signIn(core, 'admin');
    expect(await attemptAs(core, await loginAs(core, 'admin'), 'backup.saveSettings', { everyHours: 24, keep: 3, maxAgeDays: 10, secondDir: 'relative/usb' })).toMatchObject({ ok: false, field: 'secondDir' });
    await admin('backup.saveSettings', { everyHours: 24, keep: 3, maxAgeDays: 10, secondDir: second });

    const days = ['2021-10-01', '2021-10-20', '2021-10-25', '2021-10-27', '2021-10-28'];
    for (const day of days) {
      await createBackup(core.db, { dataDir: dir, now: new Date(`${day}T01:00:00Z`), reason: 'scheduled', appVersion: '0.1.0', knownMigrations: KNOWN_MIGRATIONS });
    }
    expect(listBackups(backupsDir(dir))).toHaveLength(5);
    const removed = applyRetention(backupsDir(dir), { keep: 3, maxAgeDays: 10 }, new Date('2021-10-29T01:00:00Z'));
    expect(removed).toHaveLength(2);
    expect(listBackups(backupsDir(dir)).map((b) => b.manifest!.createdAt.slice(0, 10))).toEqual(['2021-10-28', '2021-10-27', '2021-10-25']);
    // A backup being written next to this one is left alone; the leftover of one cut off by a crash goes.
    mkdirSync(path.join(backupsDir(dir), 'inprogress.partial'));
    mkdirSync(path.join(backupsDir(dir), 'crashed.partial'));
    utimesSync(path.join(backupsDir(dir), 'crashed.partial'), new Date(Date.now() - 7 * 3600_000), new Date(Date.now() - 7 * 3600_000));
    applyRetention(backupsDir(dir), { keep: 3, maxAgeDays: 10 }, new Date('2021-10-29T01:00:00Z'));
    expect(readdirSync(backupsDir(dir)).filter((n) => n.endsWith('.partial'))).toEqual(['inprogress.partial']);
    // Age alone: everything older than 10 days goes, but never the newest.
    expect(applyRetention(backupsDir(dir), { keep: 10, maxAgeDays: 1 }, new Date('2022-06-01T00:00:00Z'))).toHaveLength(2);
    expect(listBackups(backupsDir(dir))).toHaveLength(1);

    // Through the job: the second folder gets a verified copy, and the audit entry says so.
    const id = await backupNow(core);
    expect(readManifest(path.join(second, id))?.id).toBe(id);
    const entry: { detail: string } = await core.db('audit_log').where({ action: 'backup.created', entity_id: id }).first('detail');
    expect(JSON.parse(entry.detail)).toMatchObject({ reason: 'manual', secondCopy: { dir: path.join(second, id) } });
    await core.close();
  });

  it('the scheduled task backs up when the newest backup is older than the interval, and not otherwise', async () => {
    const { core, dir } = await world();
    const status = () => core.node.jobs.schedule.status().find((s) => s.name === 'backup.scheduled')!;
    core.node.jobs.schedule.runNow('backup.scheduled');
    await until(() => status().runs === 1, 20_000, 'first scheduled run');
    expect(listBackups(backupsDir(dir)).map((b) => b.manifest?.reason)).toEqual(['scheduled']);
    core.node.jobs.schedule.runNow('backup.scheduled');
    await until(() => status().runs === 2, 20_000, 'second scheduled run');
    expect(listBackups(backupsDir(dir))).toHaveLength(1);
    expect(status().failures).toBe(0);
    await core.close();
  });

  it('a truncated tail with the head rewritten passes the chain alone, and is caught by the head exported with a backup', async () => {
    const { core, dir } = await world();
    const admin = await signIn(core, 'admin');
    for (let i = 1; i <= 3; i++) await admin('accounts.create', { username: `clerk${i}`, displayName: `职员${i}`, role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    const id = await backupNow(core);
    const head = readManifest(path.join(backupsDir(dir), id))!.auditHead!;
    await core.close();

    // Someone with the file (no key needed): cut the last entries and point the stored head at the new last one.
    const db = openDatabase(path.join(dir, DATABASE_FILE));
    await db.raw('DROP TRIGGER audit_log_no_delete');
    await db('audit_log').where('seq', '>', head.seq - 3).delete();
    const last: { seq: number; hash: string } = await db('audit_log').orderBy('seq', 'desc').first('seq', 'hash');
    await db('meta').where({ key: 'audit_head' }).update({ value: JSON.stringify(last) });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, problems: [] });
    await db.destroy();

    const again = await createCore({ dataDir: dir, log: quietLog });
    try {
      const verdict = await (await signIn(again, 'admin'))('audit.verify', {});
      expect(verdict.ok).toBe(false);
      expect(verdict.problems).toContainEqual(expect.objectContaining({ kind: 'truncated', message: expect.stringContaining(id) }));
    } finally {
      await again.close();
    }
  });
});

describe('opening the database', () => {
  it('refuses a damaged file with the way back: the last good backup and the command that restores it', async () => {
    const { core, dir } = await world();
    const id = await backupNow(core);
    // Enough rows that the file has pages to damage.
    await core.db.raw("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO meta (key, value) SELECT 'pad' || i, hex(randomblob(64)) FROM n");
    await core.close();
    const file = path.join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let p = 3; p * pageSize < bytes.length; p += 3) bytes.fill(0xa5, p * pageSize + 8, p * pageSize + 200);
    writeFileSync(file, bytes);

    const err = await createCore({ dataDir: dir, log: quietLog }).then(
      async (c) => {
        await c.close();
        return null;
      },
      (e: unknown) => e as { code?: string; message: string },
    );
    expect(err).toMatchObject({ code: 'DATABASE_CORRUPT' });
    expect(err!.message).toContain(`restore --data-dir "${dir}" --backup ${id}`);

    // The way back works, as the desktop offers it: the newest backup that passes its check (a newer,
    // damaged one is passed over), asked for without opening the node, applied at the next start.
    const damagedId = '20991231-000000-manual-bad';
    mkdirSync(path.join(backupsDir(dir), damagedId));
    writeFileSync(path.join(backupsDir(dir), damagedId, 'manifest.json'), JSON.stringify({ ...readManifest(path.join(backupsDir(dir), id)), id: damagedId, createdAt: '2099-12-31T00:00:00.000Z' }));
    writeFileSync(path.join(backupsDir(dir), damagedId, BACKUP_DB_FILE), 'not a database');
    expect(await newestGoodBackup(dir)).toMatchObject({ id });
    expect(await requestRestore(dir, id, 'desktop')).toBe(id);
    const healed = await createCore({ dataDir: dir, log: quietLog });
    expect(await healed.db('accounts').count({ n: '*' }).first()).toEqual({ n: 7 });
    await healed.close();
  });
});

describe('restoring from the command line', () => {
  it('backs up from the command line, verified and audited as the system, and lists it', async () => {
    const { core, dir } = await world();
    const { id, secondCopy } = await backupNode(core, '手工备份');
    expect(secondCopy).toBeNull();
    expect(readManifest(path.join(backupsDir(dir), id))).toMatchObject({ reason: 'cli', note: '手工备份', integrity: 'ok' });
    expect(listNodeBackups(dir)).toEqual([expect.objectContaining({ id, reason: 'cli' })]);
    const entry: { actor_name: string } = await core.db('audit_log').where({ action: 'backup.created', entity_id: id }).first('actor_name');
    expect(entry.actor_name).toBe('system');
    await core.close();
  });

  it('restores a copy on the second folder (a USB disk) by its folder path, with the node stopped', async () => {
    const { core, dir } = await world();
    const usb = freshDir('ggc-usb-');
    const admin = await signIn(core, 'admin');
    await admin('backup.saveSettings', { everyHours: 24, keep: 14, maxAgeDays: 90, secondDir: usb });
    const id = await backupNow(core);
    await admin('accounts.create', { username: 'afterbackup', displayName: '备份后', role: 'dispatcher', divisionCode: '999901001000', password: 'long-enough-pass-1' });
    await core.close();
    // The node's own backups are gone (a dead disk); the USB copy remains.
    rmSync(backupsDir(dir), { recursive: true, force: true });

    const result = await restoreNode(dir, path.join(usb, id), 'cli', () => createCore({ dataDir: dir, log: quietLog }));
    expect(result.id).toBe(id);
    expect(result.replaced).toContain(REPLACED_DIR);
    const again = await createCore({ dataDir: dir, log: quietLog });
    try {
      expect(await again.db('accounts').where({ username: 'afterbackup' }).first()).toBeUndefined();
      expect(await (await signIn(again, 'admin'))('audit.verify', {})).toMatchObject({ ok: true });
    } finally {
      await again.close();
    }
    await expect(restoreNode(dir, path.join(usb, 'no-such'), 'cli', () => createCore({ dataDir: dir, log: quietLog }))).rejects.toThrow(/manifest\.json/);
  });
});

describe('backups of another audit chain', () => {
  it('are not restored over a node whose key differs (the chain could no longer be verified), nor offered for recovery', async () => {
    const { core, dir } = await world();
    const id = await backupNow(core);
    // As after a reset of the data folder: a new key (the old one kept aside).
    rmSync(path.join(dir, AUDIT_KEY_FILE));
    createAuditKeyFile(dir, 1, new Date());
    const admin = await loginAs(core, 'admin');
    expect(await attemptAs(core, admin, 'backup.restore', { id })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringMatching(/另一个密钥/) });
    expect(await newestGoodBackup(dir)).toBeNull();
    await core.close();
  });
});

describe('a backup does not hold up the node', () => {
  it('completes while a write transaction holds the node\'s one connection, and copies only what was committed', async () => {
    const { core, dir } = await world();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inTransaction!: () => void;
    const started = new Promise<void>((r) => (inTransaction = r));
    const writing = core.db.transaction(async (trx) => {
      await trx('meta').insert({ key: 'uncommitted', value: 'x' });
      inTransaction();
      await held;
    });
    await started;
    // On the node's connection this would wait for the transaction forever (the transaction waits for the backup).
    const { manifest, dir: folder } = await createBackup(core.db, { dataDir: dir, now: new Date('2021-10-29T01:00:00Z'), reason: 'manual', appVersion: '0.1.0', knownMigrations: KNOWN_MIGRATIONS });
    release();
    await writing;
    expect(manifest.integrity).toBe('ok');
    const copy = openDatabase(path.join(folder, BACKUP_DB_FILE));
    expect(await copy('meta').where({ key: 'uncommitted' }).first()).toBeUndefined();
    expect(Number((await copy('accounts').count({ n: '*' }).first())?.n)).toBe(7);
    await copy.destroy();
    await core.close();
  });
});
