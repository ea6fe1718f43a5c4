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
import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../shared/contract/text';
import { auditedWrite, type Audit } from './audit/auditedWrite';
import type { NodeState } from './node/nodeState';
import type { HandlerContext, HandlerImpls, TwoPhase } from './context';
import { isConfigured } from './setup/configured';
import type { CoreEnv } from './env';
import { resolveSession, type Session } from './session/sessions';
import { WALL_TOKEN_HANDLERS } from '../../shared/contract/walls';

export interface CallMeta {
  /** Session token as presented by the transport (IPC envelope or HTTP bearer header). */
  token?: string | null;
}

/** What a session opened with a one-time password may do: change it, or leave. */
const WHILE_PASSWORD_MUST_CHANGE = new Set<string>(['session.changePassword', 'session.logout', 'session.me', 'session.policy']);

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
export function createDispatcher(db: Knex, env: CoreEnv, node: NodeState, impls: HandlerImpls, emit: Emit) {
  let configured = false;
  async function call(name: string, rawInput: unknown, meta: CallMeta): Promise<unknown> {
    if (!isHandlerName(name)) throw new CoreError('UNKNOWN_HANDLER', `没有名为 "${String(name).slice(0, 80)}" 的接口`);
    const spec: HandlerSpec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw zodToCoreError(parsed.error);
    // Control and bidi-override characters in any name or text of any handler (shared/contract/text.ts).
    const unsafe = findUnsafeText(parsed.data);
    if (unsafe !== null) {
      throw new CoreError('INVALID_INPUT', `输入有误：${unsafe}：${UNSAFE_TEXT_MESSAGE}`, { field: unsafe, issues: [{ field: unsafe, message: UNSAFE_TEXT_MESSAGE }] });
    }

    // A real node before its first-run setup answers only system.* and setup.* (nothing else has data or
    // accounts yet). Once configured (an account exists) it stays so: accounts are disabled, never deleted.
    if (!configured && !name.startsWith('system.') && !name.startsWith('setup.')) {
      configured = await isConfigured(db);
      if (!configured) throw new CoreError('NODE_UNCONFIGURED', '本节点尚未完成首次设置：请先在设置向导中选择本节点的区划并创建管理员');
    }

    const now = env.clock.now();
    let session: Session | null = null;
    if (spec.access !== 'public') {
      session = meta.token ? await resolveSession(db, meta.token, now) : null;
      if (!session) throw new CoreError('NO_SESSION', '未登录或登录已过期，请重新登录');
      if (!mayCall(session.account.role, name)) {
        throw new CoreError('FORBIDDEN', `当前角色无权执行此操作（${name}）`);
      }
      // Logged in with a one-time password (an admin's reset): change it first.
      if (session.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(name)) {
        throw new CoreError('FORBIDDEN', '请先修改一次性密码，然后再继续使用');
      }
      if (session.wallToken && !WALL_TOKEN_HANDLERS.includes(name)) {
        throw new CoreError('FORBIDDEN', `大屏令牌只能用于大屏显示（${name}）`);
      }
    } else if (meta.token) {
      session = await resolveSession(db, meta.token, now);
    }

    const entry = impls[name] as ((input: unknown, ctx: HandlerContext) => Promise<unknown>) | TwoPhase<HandlerName>;
    let impl: (input: unknown, ctx: HandlerContext) => Promise<unknown>;
    if (typeof entry === 'function') {
      impl = entry;
    } else {
      // Slow preparation (hashing a password) before the transaction takes the one connection.
      const prepared = await entry.prepare(parsed.data as never, { db, session, env, now });
      impl = (input, ctx) => entry.run(input as never, ctx, prepared);
    }
    const afterCommit: Array<() => void> = [];
    const makeCtx = (dbOrTrx: Knex, audit: Audit | null): HandlerContext => ({
      db: dbOrTrx,
      node,
      session,
      get account() {
        if (!session) throw new CoreError('NO_SESSION', '未登录');
        return session.account;
      },
      env,
      now,
      audit: async (entry) => {
        if (!audit) throw new Error(`read-only handler ${name} tried to write an audit entry`);
        await audit(entry);
      },
      emit: (event, payload) => {
        afterCommit.push(() => emit(event, payload));
      },
      jobs: {
        start: async (kind, input, opts) => {
          if (!audit || !session) throw new Error(`handler ${name} may not start a job (read-only or public)`);
          const job = await node.jobs.insert(dbOrTrx, kind, input, session.account, now, opts?.total);
          afterCommit.push(() => node.jobs.launch(job.jobId));
          return job;
        },
        cancel: async (jobId) => {
          if (!audit) throw new Error(`read-only handler ${name} tried to cancel a job`);
          const cancelled = await node.jobs.markCancelled(dbOrTrx, jobId, now);
          afterCommit.push(() => node.jobs.abort(jobId));
          return cancelled;
        },
      },
    });
    const actor = { id: session?.account.id ?? null, name: session?.account.username ?? 'system' };
    const output: unknown = spec.writes
      ? await auditedWrite(db, now, actor, name, (trx, audit) => impl(parsed.data, makeCtx(trx, audit)))
      : await impl(parsed.data, makeCtx(db, null));
    for (const fire of afterCommit) fire();

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
