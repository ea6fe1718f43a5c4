import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import type { CoreLog } from '../env';
import { auditedWrite, SYSTEM_ACTOR } from '../audit/auditedWrite';
import { backupsDir, clearPendingRestore, createBackup, listBackups, readPendingRestore, restoreBackup, verifyBackup, type BackupManifest } from './backupFiles';
import { KNOWN_MIGRATIONS, readBackupSettings } from './backupJob';

/**
 * What createCore does around opening the database file: apply a restore an admin asked for, check the
 * file (`quick_check`), and take a verified backup before migrating an older database.
 */

export type AppliedRestore =
  | { applied: true; manifest: BackupManifest; replaced: string | null; requestedBy: string }
  /** The backup no longer passed its check: not applied, the node opens its current database. */
  | { applied: false; backup: string; requestedBy: string; reason: string };

/**
 * A restore asked for in the UI (backup.restore) is applied here, before the file is opened. The backup
 * is checked again; a backup that no longer passes is not applied (the node opens its current database and
 * the log says why).
 */
export async function applyPendingRestore(dataDir: string, dbFileName: string, now: Date, log: CoreLog): Promise<AppliedRestore | null> {
  const pending = readPendingRestore(dataDir);
  if (!pending) return null;
  clearPendingRestore(dataDir);
  try {
    const { manifest, replaced } = await restoreBackup(dataDir, pending.dir, dbFileName, KNOWN_MIGRATIONS, now);
    log.warn(`已从备份 ${manifest.id} 恢复数据库（原数据库保存在 ${replaced ?? '—'}）`);
    return { applied: true, manifest, replaced, requestedBy: pending.requestedBy };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    log.error(`备份恢复未执行：${reason}`);
    return { applied: false, backup: path.basename(pending.dir), requestedBy: pending.requestedBy, reason };
  }
}

/** The newest backup that passes its check (checksum, integrity_check, schema); null: none. */
export async function newestGoodBackup(dataDir: string): Promise<{ id: string; createdAt: string } | null> {
  for (const b of listBackups(backupsDir(dataDir))) {
    if (!b.manifest) continue;
    try {
      await verifyBackup(b.dir, KNOWN_MIGRATIONS, { dataDir });
      return { id: b.manifest.id, createdAt: b.manifest.createdAt };
    } catch {
      // damaged or too new: try the next older one
    }
  }
  return null;
}

async function recoveryHint(dataDir: string): Promise<string> {
  const last = (await newestGoodBackup(dataDir))?.id;
  return last
    ? `请从最近一次完好的备份恢复：node dist/electron/cli.mjs restore --data-dir "${dataDir}" --backup ${last}（原数据库会被移到 replaced/ 文件夹保留）。`
    : `本节点没有可用的备份（${backupsDir(dataDir)}）：请用第二备份目录（U 盘）中的备份恢复：node dist/electron/cli.mjs restore --data-dir "${dataDir}" --backup <备份文件夹路径>。`;
}

/**
 * A file beside the database that exists while a core has it open: still there at the next start means the
 * last run did not close (killed, crashed, power lost).
 */
export const OPEN_MARKER = 'console.sqlite.open';

/** Below this size `quick_check` costs a second or two, so it runs at every start. */
export const ALWAYS_CHECK_BELOW_BYTES = 256 * 1024 * 1024;

/**
 * Whether to run `quick_check` before opening: after a run that did not close, and on any file small enough
 * for it to be quick. A large file after a clean stop is not checked at start (at a million cases it takes
 * ~45 s, all of it before the node answers); the scheduled backup's `integrity_check` reads every page of
 * the same content daily instead.
 */
export function shouldQuickCheck(was: { uncleanStop: boolean; sizeBytes: number }): boolean {
  return was.uncleanStop || was.sizeBytes < ALWAYS_CHECK_BELOW_BYTES;
}

/** What the data folder says about the last run, read before this one marks the file open. */
export function lastRun(dataDir: string, databaseFile: string): { uncleanStop: boolean; sizeBytes: number } {
  return {
    uncleanStop: existsSync(path.join(dataDir, OPEN_MARKER)),
    sizeBytes: statSync(path.join(dataDir, databaseFile), { throwIfNoEntry: false })?.size ?? 0,
  };
}

export function markOpen(dataDir: string, at: Date): void {
  writeFileSync(path.join(dataDir, OPEN_MARKER), `${at.toISOString()} pid ${process.pid}\n`);
}

export function markClosed(dataDir: string): void {
  rmSync(path.join(dataDir, OPEN_MARKER), { force: true });
}

/**
 * `PRAGMA quick_check` at start (see shouldQuickCheck): a damaged file (a disk fault, a copy taken mid-write) is refused
 * with the way back — restore the last good backup — instead of running on and spreading the damage.
 */
export async function checkOnOpen(db: Knex, dataDir: string): Promise<void> {
  let answer: string;
  try {
    const rows = (await db.raw('PRAGMA quick_check(10)')) as Array<Record<string, unknown>>;
    answer = rows.map((r) => String(Object.values(r)[0])).join('; ');
  } catch (err) {
    answer = err instanceof Error ? err.message : String(err);
  }
  if (answer !== 'ok') {
    throw new CoreError('DATABASE_CORRUPT', `数据库文件已损坏（${path.join(dataDir, 'console.sqlite')}：${answer.slice(0, 300)}）。${await recoveryHint(dataDir)}`);
  }
}

/** Migrations this app would apply to an existing database (none for a fresh file). */
export async function pendingMigrations(db: Knex): Promise<string[]> {
  if (!(await db.schema.hasTable('knex_migrations'))) return [];
  const done = new Set(((await db('knex_migrations').select('name')) as Array<{ name: string }>).map((r) => r.name));
  if (done.size === 0) return [];
  // A newer database is refused by migrateToLatest with its own message; nothing to back up for it.
  if ([...done].some((m) => !KNOWN_MIGRATIONS.includes(m))) return [];
  return KNOWN_MIGRATIONS.filter((m) => !done.has(m));
}

/** Before migrating an older database: a verified backup, so an upgrade can always be undone. */
export async function backupBeforeUpgrade(db: Knex, dataDir: string, now: Date, appVersion: string, log: CoreLog): Promise<BackupManifest | null> {
  const pending = await pendingMigrations(db);
  if (pending.length === 0) return null;
  const { manifest } = await createBackup(db, { dataDir, now, reason: 'before-upgrade', note: `升级前（待执行迁移：${pending.join(', ')}）`, appVersion, knownMigrations: KNOWN_MIGRATIONS });
  log.info(`升级前已备份数据库：${manifest.id}`);
  return manifest;
}

/**
 * The restored database gets its own record of the restore (the request was audited in the database it
 * replaced, which is kept in replaced/). Backups made after the restored one hold audit heads (further
 * along the chain) that this chain no longer reaches: they are named here, in a keyed entry, so audit.verify stops holding the chain to
 * them — and only to them.
 */
export async function recordRestore(db: Knex, now: Date, restored: AppliedRestore, dataDir: string): Promise<void> {
  if (!restored.applied) {
    // Said where the admin looks (the audit log), not only in the process's log.
    await auditedWrite(db, now, SYSTEM_ACTOR, 'backup.restoreFailed', async (_trx, audit) => {
      await audit({ action: 'backup.restoreFailed', entity: 'backup', entityId: restored.backup, detail: { requestedBy: restored.requestedBy, reason: restored.reason } });
    });
    return;
  }
  const manifest = restored.manifest;
  const { secondDir } = await readBackupSettings(db);
  const superseded = [...new Set([backupsDir(dataDir), ...(secondDir ? [secondDir] : [])].flatMap((root) =>
    listBackups(root)
      .filter((b) => b.manifest && (b.manifest.auditHead?.seq ?? 0) > (manifest.auditHead?.seq ?? 0))
      .map((b) => b.manifest!.id),
  ))];
  await auditedWrite(db, now, SYSTEM_ACTOR, 'backup.restored', async (_trx, audit) => {
    await audit({
      action: 'backup.restored',
      entity: 'backup',
      entityId: manifest.id,
      detail: { requestedBy: restored.requestedBy, createdAt: manifest.createdAt, replaced: restored.replaced, superseded },
    });
  });
}
