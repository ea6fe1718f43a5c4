import path from 'node:path';
import type { Knex } from 'knex';
import { z } from 'zod';
import { BackupSettings, DEFAULT_BACKUP_SETTINGS } from '../../../shared/contract/backup';
import { MIGRATIONS } from '../db/migrations';
import { getMeta, setMeta } from '../meta';
import { defineJobKind, definePeriodicTask, type WorkContext } from '../jobs/jobKinds';
import { applyRetention, backupsDir, createBackup, listBackups, type BackupReason, type BackupResult } from './backupFiles';

export const KNOWN_MIGRATIONS: readonly string[] = MIGRATIONS.map((m) => m.name);

export async function readBackupSettings(db: Knex): Promise<BackupSettings> {
  const raw = await getMeta(db, 'backup_settings');
  if (!raw) return DEFAULT_BACKUP_SETTINGS;
  const parsed = BackupSettings.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : DEFAULT_BACKUP_SETTINGS;
}

export async function writeBackupSettings(trx: Knex, settings: BackupSettings): Promise<void> {
  await setMeta(trx, 'backup_settings', JSON.stringify(settings));
}

/**
 * One backup as background work: copy, verify, second copy, retention — then the audit entry
 * (`backup.created`, with the audit head the copy holds) in a write of its own.
 */
async function runBackup(ctx: WorkContext, reason: BackupReason, note: string | null, progress?: (done: number, total: number) => void): Promise<BackupResult> {
  const settings = await readBackupSettings(ctx.db);
  const result = await createBackup(ctx.db, {
    dataDir: ctx.env.dataDir,
    now: ctx.now(),
    reason,
    note,
    appVersion: ctx.env.appVersion,
    knownMigrations: KNOWN_MIGRATIONS,
    secondDir: settings.secondDir,
    signal: ctx.signal,
    progress,
  });
  const policy = { keep: settings.keep, maxAgeDays: settings.maxAgeDays };
  const removed = applyRetention(backupsDir(ctx.env.dataDir), policy, ctx.now());
  if (settings.secondDir && result.secondCopy && 'dir' in result.secondCopy) removed.push(...applyRetention(settings.secondDir, policy, ctx.now()));
  if (result.secondCopy && 'error' in result.secondCopy) ctx.env.log.warn('backup: second copy failed', { error: result.secondCopy.error });
  await ctx.write('backup.created', async (_trx, audit) => {
    await audit({
      action: 'backup.created',
      entity: 'backup',
      entityId: result.manifest.id,
      detail: {
        reason,
        dbBytes: result.manifest.dbBytes,
        attachments: result.manifest.attachments,
        auditHead: result.manifest.auditHead,
        secondCopy: result.secondCopy,
        removed: removed.map((d) => path.basename(d)),
      },
    });
  });
  return result;
}

export const backupJob = defineJobKind({
  kind: 'backup.create',
  input: z.object({ note: z.string().nullable() }),
  run: async ({ note }, ctx) => {
    await runBackup(ctx, 'manual', note, (done, total) => ctx.progress(done, total));
  },
});

/** Hourly look: a scheduled backup when the newest one is older than the configured interval. */
export const SCHEDULED_BACKUP = definePeriodicTask({
  name: 'backup.scheduled',
  everyMs: 3600_000,
  firstRunMs: 5 * 60_000,
  run: async (ctx) => {
    const settings = await readBackupSettings(ctx.db);
    if (settings.everyHours === 0) return;
    const newest = listBackups(backupsDir(ctx.env.dataDir)).find((b) => b.manifest)?.manifest;
    const due = !newest || ctx.now().getTime() - Date.parse(newest.createdAt) >= settings.everyHours * 3600_000;
    if (due) await runBackup(ctx, 'scheduled', null);
  },
});
