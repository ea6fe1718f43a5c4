import type { Knex } from 'knex';
import { CoreError } from '../../../shared/contract/errors';
import type { HandlerContext } from '../context';
import { canSee, callerScope, type CallerScope } from '../jurisdiction/cases';
import type { CaseRow } from './queueRows';
import { caseSelect } from './queueRows';

/**
 * Every change to a case is a dispute_events row (who, when, from, to, note) and an audit entry, written
 * in the caller's transaction so both commit or neither does.
 */
export interface CaseEvent {
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  note?: string | null;
  data?: Record<string, unknown> | null;
}

export async function recordEvent(ctx: HandlerContext, disputeId: number, caseNo: string, e: CaseEvent): Promise<number> {
  const [id] = await ctx.db('dispute_events').insert({
    dispute_id: disputeId,
    at: ctx.now.toISOString(),
    actor_id: ctx.account.id,
    actor_name: ctx.account.displayName || ctx.account.username,
    kind: e.kind,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    note: e.note ?? null,
    data: e.data ? JSON.stringify(e.data) : null,
  });
  await ctx.audit({
    action: `disputes.${e.kind}`,
    entity: 'dispute',
    entityId: disputeId,
    detail: { caseNo, from: e.fromStatus ?? null, to: e.toStatus ?? null, ...(e.data ? { data: e.data } : {}) },
  });
  return Number(id);
}

/** Load a case the caller may see, or NOT_FOUND (a case outside one's scope does not exist for them). */
export async function loadVisibleCase(ctx: HandlerContext, id: number): Promise<{ row: CaseRow; scope: CallerScope }> {
  const scope = await callerScope(ctx);
  const row: CaseRow | undefined = await caseSelect(ctx.db).where('d.id', id).first();
  if (!row || !canSee(scope, row)) throw new CoreError('NOT_FOUND', `案件 ${id} 不存在或不在您的管辖范围内`, { field: 'id' });
  return { row, scope };
}

export async function touchCase(db: Knex, id: number, now: Date, fields: Record<string, unknown>): Promise<void> {
  await db('disputes').where({ id }).update({ ...fields, updated_at: now.toISOString() });
}
