import path from 'node:path';
import { CoreError } from '../../../shared/contract/errors';
import type { DomainImpls } from '../context';
import { backupsDir, clearPendingRestore, listBackups, readPendingRestore, verifyBackup, writePendingRestore } from './backupFiles';
import { backupJob, KNOWN_MIGRATIONS, readBackupSettings, writeBackupSettings } from './backupJob';

export const backupImpls: DomainImpls<'backup'> = {
  'backup.list': async (_input, ctx) => {
    const backups = listBackups(backupsDir(ctx.env.dataDir)).flatMap((b) =>
      b.manifest
        ? [
            {
              id: b.manifest.id,
              createdAt: b.manifest.createdAt,
              reason: b.manifest.reason,
              note: b.manifest.note,
              appVersion: b.manifest.appVersion,
              schemaVersion: b.manifest.migrations.length,
              dbBytes: b.manifest.dbBytes,
              attachments: b.manifest.attachments,
              auditHeadSeq: b.manifest.auditHead?.seq ?? null,
            },
          ]
        : [],
    );
    const pending = readPendingRestore(ctx.env.dataDir);
    return { backups, settings: await readBackupSettings(ctx.db), pendingRestore: pending ? path.basename(pending.dir) : null };
  },

  'backup.create': async ({ note }, ctx) => {
    const job = await ctx.jobs.start(backupJob, { note: note ?? null }, { total: 4 });
    await ctx.audit({ action: 'backup.start', entity: 'job', entityId: job.jobId, detail: { note: note ?? null } });
    return job;
  },

  'backup.saveSettings': async (settings, ctx) => {
    if (settings.secondDir !== null && !path.isAbsolute(settings.secondDir)) {
      throw new CoreError('INVALID_INPUT', '输入有误：secondDir：第二备份目录须为绝对路径（如 E:\\备份 或 /media/usb/备份）', { field: 'secondDir' });
    }
    const before = await readBackupSettings(ctx.db);
    await writeBackupSettings(ctx.db, settings);
    await ctx.audit({ action: 'backup.settings', entity: 'node', entityId: null, detail: { before, after: settings } });
    return settings;
  },

  'backup.restore': async ({ id }, ctx) => {
    const dir = path.join(backupsDir(ctx.env.dataDir), id);
    // Checked now, so a bad backup is refused to the person who asked; checked again before it is applied.
    const manifest = await verifyBackup(dir, KNOWN_MIGRATIONS, { dataDir: ctx.env.dataDir });
    await ctx.audit({ action: 'backup.restoreRequested', entity: 'backup', entityId: id, detail: { createdAt: manifest.createdAt, auditHead: manifest.auditHead } });
    // Last, so a failure before it rolls the audit entry back and leaves nothing pending.
    writePendingRestore(ctx.env.dataDir, { dir, requestedAt: ctx.now.toISOString(), requestedBy: ctx.account.username });
    return { id, restartRequired: true as const };
  },

  'backup.cancelRestore': async (_input, ctx) => {
    const pending = readPendingRestore(ctx.env.dataDir);
    clearPendingRestore(ctx.env.dataDir);
    await ctx.audit({ action: 'backup.restoreCancelled', entity: 'backup', entityId: pending ? path.basename(pending.dir) : null });
    return { cancelled: pending !== null };
  },
};
