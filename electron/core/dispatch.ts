import type { Knex } from 'knex';
import type { z } from 'zod';
import {
  contract,
  CoreError,
  isHandlerName,
  type CallResult,
  type EventName,
  type EventPayload,
  type HandlerName,
  type HandlerSpec,
} from '../../shared/contract';
import { mayCall } from '../../shared/contract/access';
import { appendAudit } from './audit/auditLog';
import type { CoreEnv, HandlerContext, HandlerImpls, Session } from './context';
import { resolveSession } from './accounts/sessions';

export interface CallMeta {
  /** Session token as presented by the transport (IPC envelope or HTTP bearer header). */
  token?: string | null;
}

type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

function zodToCoreError(err: z.ZodError): CoreError {
  const issues = err.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  const first = issues[0] ?? { field: '(input)', message: '输入无效' };
  return new CoreError('INVALID_INPUT', `输入有误：${first.field}：${first.message}`, { field: first.field, issues });
}

/**
 * The one door into the core. Every transport calls this; it is where unknown names, bad input, missing
 * sessions and wrong roles are refused, and where every write is wrapped in a transaction that must
 * leave an audit entry. Nothing a handler did survives a failure unless the handler asked for it.
 */
export function createDispatcher(db: Knex, env: CoreEnv, impls: HandlerImpls, emit: Emit) {
  async function call(name: string, rawInput: unknown, meta: CallMeta): Promise<unknown> {
    if (!isHandlerName(name)) throw new CoreError('UNKNOWN_HANDLER', `没有名为 "${String(name).slice(0, 80)}" 的接口`);
    const spec: HandlerSpec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodToCoreError(parsed.error);

    const now = env.clock.now();
    let session: Session | null = null;
    if (spec.access !== 'public') {
      session = meta.token ? await resolveSession(db, meta.token, now) : null;
      if (!session) throw new CoreError('NO_SESSION', '未登录或登录已过期，请重新登录');
      if (!mayCall(session.account.role, name)) {
        throw new CoreError('FORBIDDEN', `当前角色无权执行此操作（${name}）`);
      }
    } else if (meta.token) {
      session = await resolveSession(db, meta.token, now);
    }

    const impl = impls[name] as (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    const pending: Array<() => void> = [];
    const makeCtx = (dbOrTrx: Knex, onAudit?: () => void): HandlerContext => ({
      db: dbOrTrx,
      session,
      get account() {
        if (!session) throw new CoreError('NO_SESSION', '未登录');
        return session.account;
      },
      env,
      now,
      audit: async (entry) => {
        if (!onAudit) throw new Error(`read-only handler ${name} tried to write an audit entry`);
        await appendAudit(dbOrTrx as Knex.Transaction, now, {
          actorId: entry.actorId !== undefined ? entry.actorId : (session?.account.id ?? null),
          actorName: entry.actorName ?? session?.account.username ?? 'system',
          action: entry.action,
          entity: entry.entity,
          entityId: entry.entityId,
          detail: entry.detail,
        });
        onAudit();
      },
      emit: (event, payload) => {
        pending.push(() => emit(event, payload));
      },
    });

    let output: unknown;
    if (spec.writes) {
      let deferred: CoreError | null = null;
      output = await db.transaction(async (trx) => {
        let audited = 0;
        const ctx = makeCtx(trx, () => (audited += 1));
        try {
          const out = await impl(parsed.data, ctx);
          if (audited === 0) throw new Error(`write handler ${name} finished without an audit entry`);
          return out;
        } catch (err) {
          // A handler may fail yet keep its bookkeeping (a failed login's counter and audit entry).
          if (err instanceof CoreError && err.keepWrites && audited > 0) {
            deferred = err;
            return undefined;
          }
          throw err;
        }
      });
      if (deferred) throw deferred;
    } else {
      output = await impl(parsed.data, makeCtx(db));
    }
    for (const fire of pending) fire();

    // The output schema is the contract too: a handler that returns more (or other) than it promised
    // is a bug, and must not leak fields (e.g. unmasked personal data) the schema does not carry.
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      env.log.error('handler output broke the contract', { name, issues: checked.error.issues.slice(0, 5) });
      throw new CoreError('INTERNAL', '内部错误：返回结果不符合接口约定');
    }
    return checked.data;
  }

  return async function invoke(name: string, rawInput: unknown, meta: CallMeta = {}): Promise<CallResult<unknown>> {
    try {
      return { ok: true, value: await call(name, rawInput, meta) };
    } catch (err) {
      if (err instanceof CoreError) return { ok: false, error: err.toPayload() };
      env.log.error('handler failed', { name, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
      return { ok: false, error: { code: 'INTERNAL', message: '内部错误，请联系系统管理员（详情见日志）' } };
    }
  };
}

export type Invoke = ReturnType<typeof createDispatcher>;
export type { HandlerName };
