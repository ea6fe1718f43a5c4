import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isHandlerName, type CallResult, type ErrorCode } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/bridge';
import { eventForAccount, type EventName, type EventPayload } from '../../shared/contract/events';
import type { Account } from '../../shared/contract/session';
import type { Core } from '../core/index';
import { isAppUrl } from './safeUrls';
import { allWindows, isOurWebContents } from './windows';

/**
 * The core behind the two IPC channels. The preload already refuses unknown names; this side does not
 * trust that: every call is checked for where it came from and what it names before the core sees it.
 */

function refusal(code: ErrorCode, message: string): CallResult<never> {
  return { ok: false, error: { code, message } };
}

/** Only the current main frame of one of our windows, showing our own origin, may call the core. */
function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    !frame.detached &&
    frame.frameToken === event.sender.mainFrame.frameToken &&
    isAppUrl(frame.url) &&
    isOurWebContents(event.sender)
  );
}

/**
 * Register the handler now (so the window may load while the core opens, or generates the demo on a
 * first start); calls wait for `coreReady`. Returns a function that unregisters everything.
 */
export function bindCoreToIpc(coreReady: Promise<Core>): () => void {
  // The session each window last called with: events reach a window only as far as its account may see
  // them (shared/contract/events.ts), asked again through the door for each event — as the WebSocket does.
  const tokenOf = new WeakMap<WebContents, string | null>();
  const queueOf = new WeakMap<WebContents, Promise<void>>();
  ipcMain.handle(IPC_INVOKE, async (event, name: unknown, input: unknown, token: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedSender(event)) return refusal('FORBIDDEN', '请求来源不受信任');
    if (!isHandlerName(name)) return refusal('UNKNOWN_HANDLER', '没有该接口');
    if (name !== 'session.logout') tokenOf.set(event.sender, typeof token === 'string' ? token : null);
    else tokenOf.set(event.sender, null);
    let core: Core;
    try {
      core = await coreReady;
    } catch {
      return refusal('INTERNAL', '数据未能打开，请重新启动程序');
    }
    return core.invoke(name, input, { token: typeof token === 'string' ? token : null });
  });

  let stopForwarding: (() => void) | null = null;
  let unbound = false;
  coreReady
    .then((core) => {
      if (unbound) return;
      const forward = async (contents: WebContents, eventName: EventName, payload: unknown) => {
        const token = tokenOf.get(contents) ?? null;
        if (!token) return;
        const me = await core.invoke('session.me', {}, { token });
        if (!me.ok) return;
        const shown = eventForAccount(me.value as Account, eventName, payload as EventPayload<typeof eventName>);
        if (shown !== null && !contents.isDestroyed()) contents.send(IPC_EVENT, eventName, shown);
      };
      stopForwarding = core.onAny((eventName, payload) => {
        for (const win of allWindows()) {
          if (win.isDestroyed()) continue;
          const contents = win.webContents;
          // One after another per window, so events keep their order.
          const next = (queueOf.get(contents) ?? Promise.resolve()).then(() => forward(contents, eventName, payload)).catch(() => undefined);
          queueOf.set(contents, next);
        }
      });
    })
    .catch(() => {
      // main.ts reports a core that failed to open; there is nothing to forward.
    });

  return () => {
    unbound = true;
    ipcMain.removeHandler(IPC_INVOKE);
    stopForwarding?.();
  };
}
