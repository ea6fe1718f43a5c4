import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import { appendAudit, type AuditInput } from './auditLog';

/** Who an audit entry names: an account, or the node itself (`SYSTEM_ACTOR`) for its own work. */
export interface Actor {
  id: number | null;
  name: string;
}

/** The node's own work (periodic tasks, restart bookkeeping) is audited under this name. */
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };

/** An entry as a writer gives it: the actor defaults to the one the write runs as. */
export type AuditEntry = Omit<AuditInput, 'actorId' | 'actorName'> & { actorId?: number | null; actorName?: string };

export type Audit = (entry: AuditEntry) => Promise<void>;

/**
 * One write the way the core's door makes every write: one transaction that must append at least one
 * audit entry, or it is rolled back. Used by the dispatcher for writing handlers and by the jobs service
 * for a job's or a periodic task's writes, so background work is audited like a user's call.
 *
 * A CoreError marked `keepWrites` (a failed login's counter) commits what was written before it — once
 * audited — and is thrown after the commit.
 */
export async function auditedWrite<T>(
  db: Knex,
  now: Date,
  actor: Actor,
  what: string,
  fn: (trx: Knex.Transaction, audit: Audit) => Promise<T>,
): Promise<T> {
  let kept: CoreError | null = null;
  const out = await db.transaction(async (trx) => {
    let audited = 0;
    const audit: Audit = async (entry) => {
      await appendAudit(trx, now, {
        actorId: entry.actorId !== undefined ? entry.actorId : actor.id,
        actorName: entry.actorName ?? actor.name,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId,
        detail: entry.detail,
      });
      audited += 1;
    };
    try {
      const result = await fn(trx, audit);
      if (audited === 0) throw new Error(`write ${what} finished without an audit entry`);
      return result;
    } catch (err) {
      if (err instanceof CoreError && err.keepWrites && audited > 0) {
        kept = err;
        return undefined;
      }
      throw err;
    }
  });
  if (kept) throw kept;
  return out as T;
}
