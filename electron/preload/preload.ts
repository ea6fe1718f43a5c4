import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isHandlerName, type CallResult } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE, type GridConsoleBridge } from '../../shared/contract/bridge';

/**
 * The renderer's only door to the core: `window.gridConsole`. It forwards contract names on one channel
 * and hands back core events as (name, payload); ipcRenderer itself never reaches the page.
 */

const bridge: GridConsoleBridge = {
  async invoke(name, input, token): Promise<CallResult<unknown>> {
    if (!isHandlerName(name)) {
      return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: `没有名为 "${String(name).slice(0, 80)}" 的接口` } };
    }
    try {
      const result: CallResult<unknown> = await ipcRenderer.invoke(IPC_INVOKE, name, input, typeof token === 'string' ? token : null);
      return result;
    } catch {
      // Only when the main process has no handler (shutting down): no details cross this line.
      return { ok: false, error: { code: 'INTERNAL', message: '与主程序的连接已断开，请重新启动程序' } };
    }
  },
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
      if (typeof name === 'string') listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
};

contextBridge.exposeInMainWorld('gridConsole', bridge);
