import { createHash, randomBytes } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import sqlite3 from 'sqlite3';
import { z } from 'zod';
import { CoreError } from '../../../shared/contract/errors';
import { AUDIT_KEY_FILE, auditKeyId, auditKeyOf, readAuditKeyFile } from '../audit/auditKey';

/**
 * Online backups of a node: the database copied with `VACUUM INTO` (SQLite writes a consistent,
 * compacted copy from inside the live connection — never a file copy of a database that may be mid-write),
 * checked with `PRAGMA integrity_check` on the copy, plus the attachments (content-addressed files that
 * are never changed once written) and a manifest with the schema, the copy's SHA-256 and the audit chain's
 * head at the moment of the copy (an anchor kept outside the live file).
 *
 *   dataDir/backups/<id>/manifest.json
 *   dataDir/backups/<id>/console.sqlite
 *   dataDir/backups/<id>/attachments/<xx>/<sha256>
 *
 * A backup is written under `<id>.partial` and renamed when complete, so a crash never leaves a
 * half-written backup that looks finished.
 */

export const BACKUPS_DIR = 'backups';
export const BACKUP_DB_FILE = 'console.sqlite';
const MANIFEST = 'manifest.json';
const PARTIAL = '.partial';
/** A `.partial` folder untouched this long is a backup cut off by a crash, not one in progress. */
const PARTIAL_STALE_MS = 6 * 3600_000;
/** A restore asked for from the UI, applied at the next start (before the database is opened). */
export const RESTORE_PENDING_FILE = 'restore-pending.json';
/** Where a restore moves the database it replaces (kept, never deleted by the app). */
export const REPLACED_DIR = 'replaced';

export const BackupReason = z.enum(['manual', 'scheduled', 'before-upgrade', 'cli']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupManifest = z.object({
  format: z.literal(1),
  id: z.string(),
  createdAt: z.string(),
  reason: BackupReason,
  note: z.string().nullable(),
  appVersion: z.string(),
  /** The migrations the copy was made with: a backup with one this app does not know is refused. */
  migrations: z.array(z.string()),
  dbBytes: z.number().int(),
  dbSha256: z.string(),
  attachments: z.number().int(),
  attachmentBytes: z.number().int(),
  integrity: z.literal('ok'),
  /** The audit chain's head inside the copy (null: no entry yet). */
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** Which audit key the chain is under (auditKeyId; not the key): heads are checked only against their own chain. */
  auditKeyId: z.string().nullable().default(null),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export interface BackupOptions {
  dataDir: string;
  now: Date;
  reason: BackupReason;
  note?: string | null;
  appVersion: string;
  /** Migrations this app knows (a copy is checked against them too). */
  knownMigrations: readonly string[];
  /** Also copy the finished backup into this folder (a USB disk, a network share). */
  secondDir?: string | null;
  signal?: AbortSignal;
  progress?: (done: number, total: number) => void;
}

export interface BackupResult {
  manifest: BackupManifest;
  dir: string;
  /** Where the second copy went, or why it failed (the backup itself still counts). */
  secondCopy: { dir: string } | { error: string } | null;
}

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, BACKUPS_DIR);
}

function stamp(d: Date): string {
  // 20211029-090000 in UTC: sorts by time, safe in every file system.
  return d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Read-only access to a copy, with the plain sqlite3 driver (knex would turn on WAL and write to it). */
async function withReadonly<T>(file: string, fn: (all: (sql: string) => Promise<Array<Record<string, unknown>>>) => Promise<T>): Promise<T> {
  const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
    const c = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(c)));
  });
  const all = (sql: string) =>
    new Promise<Array<Record<string, unknown>>>((resolve, reject) => conn.all(sql, (err, rows) => (err ? reject(err) : resolve(rows as Array<Record<string, unknown>>))));
  try {
    return await fn(all);
  } finally {
    await new Promise<void>((resolve) => conn.close(() => resolve()));
  }
}

/**
 * `VACUUM INTO` on a connection of its own, read-only: under WAL it reads a snapshot of what was committed
 * while the node's one connection goes on serving (a backup of a large node takes many seconds; on the
 * node's connection it would hold every call for as long).
 */
async function vacuumInto(db: Knex, target: string): Promise<void> {
  const source = (db.client.config as { connection?: { filename?: string } }).connection?.filename;
  if (!source || source === ':memory:') {
    await db.raw('VACUUM INTO ?', [target]);
    return;
  }
  const conn = await new Promise<sqlite3.Database>((resolve, reject) => {
    const c = new sqlite3.Database(source, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(c)));
  });
  try {
    conn.configure('busyTimeout', 5000);
    await new Promise<void>((resolve, reject) => conn.run('VACUUM INTO ?', [target], (err) => (err ? reject(err) : resolve())));
  } finally {
    await new Promise<void>((resolve) => conn.close(() => resolve()));
  }
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface CopyCheck {
  ok: boolean;
  /** integrity_check's answer (first lines), 'ok' when sound. */
  integrity: string;
  migrations: string[];
  auditHead: BackupManifest['auditHead'];
}

/** `PRAGMA integrity_check` on a database file, with its migrations and audit head. */
export async function checkDatabaseFile(file: string): Promise<CopyCheck> {
  try {
    return await withReadonly(file, async (all) => {
      const rows = await all('PRAGMA integrity_check(20)');
      const integrity = rows.map((r) => String(Object.values(r)[0])).join('; ');
      const ok = integrity === 'ok';
      const migrations = ok ? (await all('SELECT name FROM knex_migrations ORDER BY id')).map((r) => String(r.name)) : [];
      const head = ok ? await all("SELECT value FROM meta WHERE key = 'audit_head'") : [];
      const auditHead = head[0] ? (JSON.parse(String(head[0].value)) as { seq: number; hash: string }) : null;
      return { ok, integrity, migrations, auditHead };
    });
  } catch (err) {
    return { ok: false, integrity: err instanceof Error ? err.message : String(err), migrations: [], auditHead: null };
  }
}

function listFiles(dir: string): Array<{ rel: string; bytes: number }> {
  if (!existsSync(dir)) return [];
  const out: Array<{ rel: string; bytes: number }> = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name.endsWith('.tmp')) continue;
    const full = path.join(e.parentPath, e.name);
    out.push({ rel: path.relative(dir, full), bytes: statSync(full).size });
  }
  return out;
}

/**
 * Make one verified backup of the node. `db` is the node's connection; the copy is made on a read-only
 * connection of its own (vacuumInto), so it never sees half of a transaction and never holds up the node.
 */
export async function createBackup(db: Knex, opts: BackupOptions): Promise<BackupResult> {
  const root = backupsDir(opts.dataDir);
  mkdirSync(root, { recursive: true });
  const id = `${stamp(opts.now)}-${opts.reason}-${randomBytes(3).toString('hex')}`;
  const work = path.join(root, id + PARTIAL);
  mkdirSync(work, { recursive: true });
  const total = 4;
  try {
    const dbFile = path.join(work, BACKUP_DB_FILE);
    await vacuumInto(db, dbFile);
    opts.progress?.(1, total);
    opts.signal?.throwIfAborted();

    const check = await checkDatabaseFile(dbFile);
    if (!check.ok) throw new CoreError('INTERNAL', `备份副本未通过完整性检查：${check.integrity}`);
    const unknown = check.migrations.filter((m) => !opts.knownMigrations.includes(m));
    if (unknown.length > 0) throw new CoreError('SCHEMA_TOO_NEW', `备份副本含本程序不认识的迁移：${unknown.join(', ')}`);
    opts.progress?.(2, total);
    opts.signal?.throwIfAborted();

    // After the copy: every attachment the copy references was written (then renamed) before its row committed.
    const source = path.join(opts.dataDir, 'attachments');
    const files = listFiles(source);
    if (files.length > 0) cpSync(source, path.join(work, 'attachments'), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
    opts.progress?.(3, total);
    opts.signal?.throwIfAborted();

    const manifest: BackupManifest = {
      format: 1,
      id,
      createdAt: opts.now.toISOString(),
      reason: opts.reason,
      note: opts.note ?? null,
      appVersion: opts.appVersion,
      migrations: check.migrations,
      dbBytes: statSync(dbFile).size,
      dbSha256: await sha256File(dbFile),
      attachments: files.length,
      attachmentBytes: files.reduce((s, f) => s + f.bytes, 0),
      integrity: 'ok',
      auditHead: check.auditHead,
      auditKeyId: (() => {
        const key = auditKeyOf(db);
        return key ? auditKeyId(key) : null;
      })(),
    };
    writeFileSync(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2));
    const dir = path.join(root, id);
    renameSync(work, dir);
    opts.progress?.(4, total);

    let secondCopy: BackupResult['secondCopy'] = null;
    if (opts.secondDir) {
      try {
        const target = path.join(opts.secondDir, id);
        cpSync(dir, target + PARTIAL, { recursive: true });
        renameSync(target + PARTIAL, target);
        secondCopy = { dir: target };
      } catch (err) {
        secondCopy = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    return { manifest, dir, secondCopy };
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

export interface BackupEntry {
  dir: string;
  manifest: BackupManifest | null;
  /** Why the folder is not a usable backup (no or unreadable manifest). */
  problem: string | null;
}

export function readManifest(dir: string): BackupManifest | null {
  try {
    return BackupManifest.parse(JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')));
  } catch {
    return null;
  }
}

/** The finished backups in a folder, newest first (half-written `.partial` folders are skipped). */
export function listBackups(root: string): BackupEntry[] {
  if (!existsSync(root)) return [];
  const out: BackupEntry[] = [];
  for (const e of readdirSync(root, { withFileTypes: true })) {
    if (!e.isDirectory() || e.name.endsWith(PARTIAL)) continue;
    const dir = path.join(root, e.name);
    const manifest = readManifest(dir);
    out.push({ dir, manifest, problem: manifest ? null : '缺少或无法读取 manifest.json' });
  }
  return out.sort((a, b) => (b.manifest?.createdAt ?? '').localeCompare(a.manifest?.createdAt ?? '') || b.dir.localeCompare(a.dir));
}

export interface RetentionPolicy {
  /** Keep at most this many backups (the newest). */
  keep: number;
  /** Remove backups older than this many days (0: no age limit). */
  maxAgeDays: number;
}

/** Remove backups beyond the policy; the newest backup is always kept. Returns the removed folders. */
export function applyRetention(root: string, policy: RetentionPolicy, now: Date): string[] {
  const removed: string[] = [];
  const backups = listBackups(root).filter((b) => b.manifest);
  backups.forEach((b, i) => {
    if (i === 0) return;
    const ageDays = (now.getTime() - Date.parse(b.manifest!.createdAt)) / 86_400_000;
    if (i >= policy.keep || (policy.maxAgeDays > 0 && ageDays > policy.maxAgeDays)) {
      rmSync(b.dir, { recursive: true, force: true });
      removed.push(b.dir);
    }
  });
  // Leftovers of a backup cut off by a crash (old enough not to be one still being written next to this one).
  if (existsSync(root)) {
    for (const e of readdirSync(root)) {
      const full = path.join(root, e);
      if (e.endsWith(PARTIAL) && Date.now() - statSync(full).mtimeMs > PARTIAL_STALE_MS) rmSync(full, { recursive: true, force: true });
    }
  }
  return removed;
}

/**
 * Check a backup before restoring it: its manifest, the copy's SHA-256 (unchanged since it was made),
 * `integrity_check`, and its schema (a backup made by a newer version is refused). Throws a CoreError a
 * person can read; returns the manifest when the backup may be restored.
 */
export async function verifyBackup(dir: string, knownMigrations: readonly string[], opts: { dataDir?: string } = {}): Promise<BackupManifest> {
  const manifest = readManifest(dir);
  if (!manifest) throw new CoreError('NOT_FOUND', `不是有效的备份（${dir} 缺少 manifest.json）`);
  if (opts.dataDir) sameAuditChain(opts.dataDir, manifest);
  const dbFile = path.join(dir, BACKUP_DB_FILE);
  if (!existsSync(dbFile)) throw new CoreError('NOT_FOUND', `备份 ${manifest.id} 缺少数据库文件`);
  if ((await sha256File(dbFile)) !== manifest.dbSha256) throw new CoreError('CONFLICT', `备份 ${manifest.id} 的数据库文件已被改动或损坏（校验值不符），不能恢复`);
  const check = await checkDatabaseFile(dbFile);
  if (!check.ok) throw new CoreError('CONFLICT', `备份 ${manifest.id} 未通过完整性检查（${check.integrity}），不能恢复`);
  const unknown = check.migrations.filter((m) => !knownMigrations.includes(m));
  if (unknown.length > 0) {
    throw new CoreError('SCHEMA_TOO_NEW', `备份 ${manifest.id} 由较新版本的程序生成（含未知迁移 ${unknown.join(', ')}），请先升级程序再恢复`);
  }
  for (const f of listFiles(path.join(dir, 'attachments'))) {
    const name = path.basename(f.rel);
    if ((await sha256File(path.join(dir, 'attachments', f.rel))) !== name) throw new CoreError('CONFLICT', `备份 ${manifest.id} 中的附件 ${name} 已损坏，不能恢复`);
  }
  return manifest;
}

/**
 * A backup's audit chain must be the node's (same key): restored under another key every keyed entry
 * would fail verification. The case is a data folder reset for a fresh database after the backup was made
 * (the old key is kept in replaced/): put that key back as audit.key, then restore.
 */
function sameAuditChain(dataDir: string, manifest: BackupManifest): void {
  const key = readAuditKeyFile(dataDir);
  if (!key || !manifest.auditKeyId) return;
  if (auditKeyId(key) !== manifest.auditKeyId) {
    throw new CoreError(
      'CONFLICT',
      `备份 ${manifest.id} 的审计日志使用另一个密钥（编号 ${manifest.auditKeyId}，本节点为 ${auditKeyId(key)}）：恢复后审计链将无法校验。如确需恢复，请先把该备份对应的 ${AUDIT_KEY_FILE}（重置数据时保存在 replaced 文件夹）放回数据目录。`,
    );
  }
}

/** A backup named by id (under the node's backups folder) or by a folder path (a USB disk). */
export function resolveBackup(dataDir: string, idOrPath: string): string {
  const byId = path.join(backupsDir(dataDir), idOrPath);
  if (/^[\w.-]+$/.test(idOrPath) && existsSync(byId)) return byId;
  return path.resolve(idOrPath);
}

const DB_SUFFIXES = ['', '-wal', '-shm'];

/**
 * Replace the node's database with a verified backup. The node must not be running (the CLI's `restore`,
 * or createCore before it opens the file). The replaced database is moved to dataDir/replaced/, never
 * deleted; attachments missing from the node are copied back (existing ones are identical by name).
 */
export async function restoreBackup(dataDir: string, dir: string, dbFileName: string, knownMigrations: readonly string[], now: Date): Promise<{ manifest: BackupManifest; replaced: string | null }> {
  const manifest = await verifyBackup(dir, knownMigrations, { dataDir });
  const live = path.join(dataDir, dbFileName);
  let replaced: string | null = null;
  if (existsSync(live)) {
    const keep = path.join(dataDir, REPLACED_DIR, `${stamp(now)}-before-restore`);
    mkdirSync(keep, { recursive: true });
    for (const s of DB_SUFFIXES) if (existsSync(live + s)) renameSync(live + s, path.join(keep, dbFileName + s));
    replaced = keep;
  }
  const incoming = `${live}.restoring`;
  cpSync(path.join(dir, BACKUP_DB_FILE), incoming);
  renameSync(incoming, live);
  const attachments = path.join(dir, 'attachments');
  if (existsSync(attachments)) cpSync(attachments, path.join(dataDir, 'attachments'), { recursive: true, force: false, errorOnExist: false });
  return { manifest, replaced };
}

export const RestorePending = z.object({ dir: z.string(), requestedAt: z.string(), requestedBy: z.string() });
export type RestorePending = z.infer<typeof RestorePending>;

export function readPendingRestore(dataDir: string): RestorePending | null {
  const file = path.join(dataDir, RESTORE_PENDING_FILE);
  if (!existsSync(file)) return null;
  try {
    return RestorePending.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

export function writePendingRestore(dataDir: string, pending: RestorePending): void {
  writeFileSync(path.join(dataDir, RESTORE_PENDING_FILE), JSON.stringify(pending, null, 2));
}

export function clearPendingRestore(dataDir: string): void {
  rmSync(path.join(dataDir, RESTORE_PENDING_FILE), { force: true });
}
