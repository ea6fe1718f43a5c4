import type { GridConsoleBridge } from '../../../shared/contract/bridge';
import { ConnectionError, type Transport } from './transport';

/** The desktop app: calls and events go through the preload's bridge (`window.gridConsole`). */
export function desktopTransport(bridge: GridConsoleBridge): Transport {
  return {
    kind: 'desktop',
    async invoke(name, input, token) {
      try {
        return await bridge.invoke(name, input, token);
      } catch (err) {
        // The bridge only rejects when IPC itself failed (main process gone, channel refused).
        throw new ConnectionError(err instanceof Error ? err.message : String(err), { cause: err });
      }
    },
    onEvent: (listener) => bridge.onEvent(listener),
    // The main process knows the sender; events over IPC need no separate authentication.
    setToken: () => undefined,
    onLinkStatus: (listener) => {
      listener('up');
      return () => undefined;
    },
  };
}
