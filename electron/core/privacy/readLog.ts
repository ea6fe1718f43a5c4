import type { Knex } from 'knex';
import type { HandlerContext } from '../context';
import { definePeriodicTask } from '../jobs/jobKinds';

/**
 * The read log of personal data (PIPL; GB/T 35273 asks for operation logs kept six months or more):
 * who read which case's parties, when, and how — the case page, a printout, an attachment, an export
 * download, an unmasking with its reason. A log, not the audit chain: reads change nothing, and one
 * chain entry per page view would drown the writes the chain is there to prove. An unmasking is both
 * (it is a permission used on purpose, so it is audited too).
 */
export type ReadAction = 'disputes.detail' | 'disputes.print' | 'disputes.getAttachment' | 'disputes.export.download' | 'disputes.unmask';

/** Days a read-log entry is kept: a year, never less than the 183 days (six months) the standard asks for. */
export const READ_LOG_KEEP_DAYS = 366;
export const READ_LOG_MIN_DAYS = 183;

export async function logRead(
  ctx: Pick<HandlerContext, 'db' | 'account' | 'now'>,
  action: ReadAction,
  entity: 'dispute' | 'attachment' | 'job',
  entityId: string | number | null,
  detail?: Record<string, unknown>,
): Promise<void> {
  const a = ctx.account;
  await ctx.db('personal_reads').insert({
    at: ctx.now.toISOString(),
    account_id: a.id,
    account_name: a.username,
    role: a.role,
    action,
    entity,
    entity_id: entityId === null ? null : String(entityId),
    detail: detail ? JSON.stringify(detail) : null,
  });
}

/** Entries older than the retention period go, audited as the system (`privacy.readLogPurge`). */
export async function expiredReads(db: Knex, now: Date, keepDays = READ_LOG_KEEP_DAYS): Promise<{ cutoff: string; count: number }> {
  const days = Math.max(keepDays, READ_LOG_MIN_DAYS);
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const rows: Array<{ n: number }> = await db('personal_reads').where('at', '<', cutoff).count({ n: '*' });
  return { cutoff, count: Number(rows[0]?.n ?? 0) };
}

export const READ_LOG_RETENTION = definePeriodicTask({
  name: 'privacy.readLogRetention',
  everyMs: 24 * 3600_000,
  firstRunMs: 5 * 60_000,
  run: async (ctx) => {
    const { cutoff, count } = await expiredReads(ctx.db, ctx.now());
    if (count === 0) return;
    await ctx.write('privacy.readLogRetention', async (trx, audit) => {
      await trx('personal_reads').where('at', '<', cutoff).delete();
      await audit({ action: 'privacy.readLogPurge', entity: 'personal_reads', entityId: null, detail: { count, olderThan: cutoff } });
    });
  },
});
