import type { Messages } from '../zh-CN';

/** Backup and restore (settings page, admin only). */
export default {
  title: 'Backup and restore',
  hint: 'Online backups of the database (VACUUM INTO) and attachments, each checked for integrity, with the audit chain head. A restore runs at the next start; the current database is kept in the replaced folder of the data directory.',
  create: 'Back up now',
  creating: 'Backing up…',
  created: 'Backup done',
  failed: 'Backup failed: {{message}}',
  empty: 'No backups yet',
  col: {
    createdAt: 'Time',
    reason: 'How',
    size: 'Size',
    attachments: 'Attachments',
    auditHead: 'Audit head',
    actions: 'Actions',
  },
  reason: {
    manual: 'Manual',
    scheduled: 'Scheduled',
    'before-upgrade': 'Before upgrade',
    cli: 'Command line',
  },
  restore: 'Restore',
  restoreTitle: 'Restore this backup?',
  restoreBody: 'At the next start backup {{id}} replaces the current database; later changes are lost (the current database is kept in the replaced folder).',
  restorePending: 'Restore of backup {{id}} is scheduled: close and restart the program (in browser mode, restart the service) to complete it.',
  cancelRestore: 'Withdraw restore',
  settings: 'Backup settings',
  everyHours: 'Scheduled backup every (hours, 0 = off)',
  keep: 'Keep at most (backups)',
  maxAgeDays: 'Keep for at most (days, 0 = no limit)',
  secondDir: 'Second backup folder (e.g. a USB disk, absolute path, optional)',
  save: 'Save settings',
  saved: 'Backup settings saved',
} satisfies Messages['backup'];
