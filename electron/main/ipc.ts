import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { isHandlerName, type CallResult, type ErrorCode } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/bridge';
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
  ipcMain.handle(IPC_INVOKE, async (event, name: unknown, input: unknown, token: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedSender(event)) return refusal('FORBIDDEN', '请求来源不受信任');
    if (!isHandlerName(name)) return refusal('UNKNOWN_HANDLER', '没有该接口');
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
      stopForwarding = core.onAny((eventName, payload) => {
        for (const win of allWindows()) {
          if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, eventName, payload);
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
