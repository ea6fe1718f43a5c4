import { z } from 'zod';
import { handler } from './define';
import { Job } from './jobs';
import { ADMIN_ONLY } from './roles';

/**
 * Backups of the node (admin only): online copies of the database (`VACUUM INTO`, checked with
 * `integrity_check`) with the attachments and the audit chain's head, kept by a retention policy,
 * optionally copied to a second folder; restored at the next start (a running node never swaps its
 * own database), or from the command line (`cli.mjs restore`).
 */

export const BackupSettings = z
  .object({
    /** Hours between scheduled backups; 0 turns the schedule off. */
    everyHours: z.number().int().min(0).max(24 * 30),
    /** Keep at most this many backups. */
    keep: z.number().int().min(1).max(365),
    /** Remove backups older than this many days (0: no age limit). */
    maxAgeDays: z.number().int().min(0).max(3650),
    /** Also copy each backup into this folder (a USB disk, a share); null: none. */
    secondDir: z.string().trim().min(1).max(500).nullable(),
  })
  .strict();
export type BackupSettings = z.infer<typeof BackupSettings>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { everyHours: 24, keep: 14, maxAgeDays: 90, secondDir: null };

export const BackupInfo = z.object({
  id: z.string(),
  createdAt: z.string(),
  reason: z.string(),
  note: z.string().nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  dbBytes: z.number().int(),
  attachments: z.number().int(),
  auditHeadSeq: z.number().int().nullable(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

const BackupId = z.string().regex(/^[\w-][\w.-]{0,99}$/, '备份编号格式不正确');

export const backupHandlers = {
  'backup.list': handler({
    summary: 'The backups of this node, newest first, with the settings and any restore waiting for the next start.',
    input: z.object({}).strict(),
    output: z.object({
      backups: z.array(BackupInfo),
      settings: BackupSettings,
      pendingRestore: z.string().nullable(),
    }),
    access: ADMIN_ONLY,
    writes: false,
  }),
  'backup.create': handler({
    summary: 'Start a backup now (a background job; its end is audited as backup.created).',
    input: z.object({ note: z.string().trim().max(200).optional() }).strict(),
    output: Job,
    access: ADMIN_ONLY,
    writes: true,
  }),
  'backup.saveSettings': handler({
    summary: 'Change the backup schedule, retention and second folder.',
    input: BackupSettings,
    output: BackupSettings,
    access: ADMIN_ONLY,
    writes: true,
  }),
  'backup.restore': handler({
    summary:
      'Check a backup (checksum, integrity_check, not newer than this program) and restore it at the next start; the current database is kept aside.',
    input: z.object({ id: BackupId }).strict(),
    output: z.object({ id: z.string(), restartRequired: z.literal(true) }),
    access: ADMIN_ONLY,
    writes: true,
  }),
  'backup.cancelRestore': handler({
    summary: 'Withdraw a restore that waits for the next start.',
    input: z.object({}).strict(),
    output: z.object({ cancelled: z.boolean() }),
    access: ADMIN_ONLY,
    writes: true,
  }),
};
