import { contract, type CallResult, type NodeStartup } from '../../../shared/contract';
import type { CallMeta, Invoke } from '../dispatch';

/**
 * Where a node is in its start. A first start writes the demo (10 s on a quiet machine, more when it is
 * busy); the transports serve the console at once, and until the node is ready the core's door answers
 * `system.status` only — every other handler would see a half-written database — and refuses the rest
 * with NODE_STARTING. Kept in memory and answered without the database, which is busy meanwhile.
 */
export interface StartupState {
  status(): NodeStartup;
  /** Close the door to everything but system.status. */
  begin(state: 'opening' | 'generating'): void;
  progress(step: string, percent: number): void;
  ready(): void;
  failed(message: string): void;
}

/** A core starts ready: only a caller that prepares the node's data (bootstrap) closes the door meanwhile. */
export function createStartupState(): StartupState {
  let current: NodeStartup = { state: 'ready', step: null, percent: 100, message: null };
  return {
    status: () => current,
    begin: (state) => {
      current = { state, step: null, percent: 0, message: null };
    },
    progress: (step, percent) => {
      current = { ...current, step, percent: Math.max(current.percent, Math.min(99, Math.floor(percent))) };
    },
    ready: () => {
      current = { state: 'ready', step: null, percent: 100, message: null };
    },
    failed: (message) => {
      current = { ...current, state: 'failed', message };
    },
  };
}

/** The door while the node starts: system.status from memory, NODE_STARTING for the rest, then the dispatcher. */
export function gateWhileStarting(startup: StartupState, dispatch: Invoke): Invoke {
  return async (name: string, rawInput: unknown, meta: CallMeta = {}): Promise<CallResult<unknown>> => {
    const s = startup.status();
    if (s.state === 'ready') return dispatch(name, rawInput, meta);
    if (name === 'system.status' && contract['system.status'].input.safeParse(rawInput ?? {}).success) return { ok: true, value: s };
    const message = s.state === 'failed' ? `节点启动失败：${s.message ?? ''}` : s.state === 'generating' ? `节点正在启动：正在生成演示数据（${s.percent}%），请稍候` : '节点正在启动，请稍候';
    return { ok: false, error: { code: 'NODE_STARTING', message } };
  };
}
