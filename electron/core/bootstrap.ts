import path from 'node:path';
import type { AuditVerifyResult } from '../../shared/contract/audit';
import type { Core } from './index';
import { DATABASE_FILE, nodeClock } from './index';
import type { CoreLog } from './env';
import { verifyAuditChain } from './audit/auditLog';
import { backupAnchors } from './backup/anchors';
import { auditedWrite, SYSTEM_ACTOR } from './audit/auditedWrite';
import { applyRetention, backupsDir, createBackup, listBackups, resolveBackup, verifyBackup, writePendingRestore } from './backup/backupFiles';
import { KNOWN_MIGRATIONS, readBackupSettings } from './backup/backupJob';
import { DEFAULT_DEMO_SEED, generateDemo, type DemoOptions, type DemoPhase, type DemoSummary } from './demo/generateDemo';
import { DemoWorkerUnavailable, generateDemoInWorker } from './demo/demoInWorker';

/**
 * The node's life outside user calls, for the shells (electron/main) and the CLI (electron/server): first
 * start, demo data, starting background work, checking the audit chain. With core/index.ts, the only
 * part of the core they may import (eslint.config.js).
 */

export { DEFAULT_DEMO_SEED };

/** True when the node has no divisions yet: a first start. */
export async function isEmptyNode(core: Core): Promise<boolean> {
  const row = await core.db('divisions').first('code');
  return !row;
}

export interface NodeDataOptions {
  /** The built demo worker (dist/electron/demoWorker.mjs): the demo is computed off the thread that serves. */
  demoWorker?: string;
  /**
   * False for a real node (a packaged app, `serve --setup` / `--no-demo`): an empty node stays empty and
   * UNCONFIGURED, answering only system.* and setup.* until the first-run wizard completes. Default true:
   * `npm start` from the repository opens the demo.
   */
  demo?: boolean;
}

/**
 * First start: a node with no data gets the demo (`npm start` on a fresh machine opens a console with a
 * realistic demo). A real installation imports its divisions instead; first-run setup for that arrives
 * with the install work.
 *
 * Call it without waiting, then serve: until it settles the core answers system.status (with the demo's
 * progress) and refuses every other handler with NODE_STARTING. The door closes synchronously, before
 * the first request can arrive.
 */
export async function ensureNodeData(core: Core, log: CoreLog = core.env.log, opts: NodeDataOptions = {}): Promise<void> {
  core.startup.begin('opening');
  try {
    if (!(await isEmptyNode(core)) || opts.demo === false) {
      if (opts.demo === false && (await isEmptyNode(core))) log.info('空数据库：等待首次设置向导（不生成演示数据）');
      core.startup.ready();
      return;
    }
    core.startup.begin('generating');
    const started = Date.now();
    log.info('空数据库：正在生成演示数据（首次启动）…');
    await writeDemo(core, log, opts, (phase, percent) => core.startup.progress(phase, percent));
    if (!core.clockFixedByCaller) core.env.clock = await nodeClock(core.db);
    log.info(`演示数据已生成，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒`);
    core.startup.ready();
  } catch (err) {
    core.startup.failed(err instanceof Error ? err.message : String(err));
    throw err;
  }
}

/** In the worker where there is one; on this thread when run from sources (tests) or the worker cannot load. */
async function writeDemo(core: Core, log: CoreLog, opts: NodeDataOptions, onProgress: (phase: DemoPhase, percent: number) => void): Promise<void> {
  if (opts.demoWorker) {
    try {
      await generateDemoInWorker(opts.demoWorker, { dbFile: path.join(core.env.dataDir, DATABASE_FILE), seed: DEFAULT_DEMO_SEED }, onProgress);
      return;
    } catch (err) {
      if (!(err instanceof DemoWorkerUnavailable)) throw err;
      log.warn('demo worker unavailable: generating on the main thread', { reason: err.message });
    }
  }
  await generateDemo(core.db, { seed: DEFAULT_DEMO_SEED, onProgress });
}

/** Generate the demo into an empty node (the CLI's `demo` command). */
export async function generateDemoData(core: Core, opts: DemoOptions): Promise<DemoSummary> {
  return generateDemo(core.db, opts);
}

/**
 * Start the node's periodic work (jobs service): map caches warmed at once, so the first screens are
 * fast; the search catch-up and job retention on their schedules. Call it once the node holds its data.
 */
export function startBackgroundWork(core: Core): void {
  core.node.jobs.schedule.start();
}

/** Walk the hash-chained audit log and hold it to the heads exported with the backups (the CLI's `audit-verify`). */
export async function verifyAudit(core: Core): Promise<AuditVerifyResult> {
  return verifyAuditChain(core.db, { anchors: await backupAnchors(core.db, core.env.dataDir) });
}

/** A backup from the command line (`cli.mjs backup`): verified, kept by the node's retention policy, audited. */
export async function backupNode(core: Core, note: string | null): Promise<{ id: string; dir: string; secondCopy: string | null }> {
  const settings = await readBackupSettings(core.db);
  const now = core.env.clock.now();
  const result = await createBackup(core.db, {
    dataDir: core.env.dataDir,
    now,
    reason: 'cli',
    note,
    appVersion: core.env.appVersion,
    knownMigrations: KNOWN_MIGRATIONS,
    secondDir: settings.secondDir,
  });
  const removed = applyRetention(backupsDir(core.env.dataDir), settings, now);
  await auditedWrite(core.db, now, SYSTEM_ACTOR, 'backup.created', async (_trx, audit) => {
    await audit({ action: 'backup.created', entity: 'backup', entityId: result.manifest.id, detail: { reason: 'cli', auditHead: result.manifest.auditHead, secondCopy: result.secondCopy, removed: removed.map((d) => path.basename(d)) } });
  });
  const second = result.secondCopy && 'dir' in result.secondCopy ? result.secondCopy.dir : null;
  if (result.secondCopy && 'error' in result.secondCopy) core.env.log.warn(`第二备份目录复制失败：${result.secondCopy.error}`);
  return { id: result.manifest.id, dir: result.dir, secondCopy: second };
}

/** The node's backups, newest first (`cli.mjs backups`), without opening the database. */
export function listNodeBackups(dataDir: string): Array<{ id: string; createdAt: string; reason: string; dbBytes: number; attachments: number; auditHeadSeq: number | null } | { id: string; problem: string }> {
  return listBackups(backupsDir(dataDir)).map((b) =>
    b.manifest
      ? { id: b.manifest.id, createdAt: b.manifest.createdAt, reason: b.manifest.reason, dbBytes: b.manifest.dbBytes, attachments: b.manifest.attachments, auditHeadSeq: b.manifest.auditHead?.seq ?? null }
      : { id: path.basename(b.dir), problem: b.problem ?? '' },
  );
}

/**
 * Restore a backup (`cli.mjs restore`; the node must be stopped): the backup — an id under the node's
 * backups folder or a folder path, e.g. on a USB disk — is checked (checksum, integrity_check, not newer
 * than this program), then applied the way a restore asked for in the UI is: at the opening of the node,
 * which keeps the replaced database in replaced/ and records the restore in the audit log.
 */
export async function restoreNode(dataDir: string, idOrPath: string, requestedBy: string, openCore: () => Promise<Core>): Promise<{ id: string; replaced: string | null }> {
  const id = await requestRestore(dataDir, idOrPath, requestedBy);
  const core = await openCore();
  try {
    const entry: { detail: string } | undefined = await core.db('audit_log').where({ action: 'backup.restored', entity_id: id }).orderBy('seq', 'desc').first('detail');
    if (!entry) throw new Error(`备份 ${id} 未能恢复（详见上面的日志）`);
    return { id, replaced: (JSON.parse(entry.detail) as { replaced: string | null }).replaced };
  } finally {
    await core.close();
  }
}

/** The newest backup that passes its check (the desktop offers it when the database is damaged). */
export { newestGoodBackup } from './backup/openChecks';

/**
 * Ask for a restore at the next opening without opening the node (the desktop's answer to a damaged
 * database: it cannot open the node to ask through the UI). The backup is checked first.
 */
export async function requestRestore(dataDir: string, idOrPath: string, requestedBy: string): Promise<string> {
  const dir = resolveBackup(dataDir, idOrPath);
  const manifest = await verifyBackup(dir, KNOWN_MIGRATIONS, { dataDir });
  writePendingRestore(dataDir, { dir, requestedAt: new Date().toISOString(), requestedBy });
  return manifest.id;
}
