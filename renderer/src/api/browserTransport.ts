import { API_CALL_PATH } from '../../../shared/contract/bridge';
import { EventSocket } from './eventSocket';
import { parseCallResult } from './parseCallResult';
import { ConnectionError, type Transport } from './transport';

/** A browser (LAN console, wall display, e2e tests): calls over HTTP, events over WebSocket, same host. */
export function browserTransport(): Transport {
  const events = new EventSocket();
  return {
    kind: 'browser',
    async invoke(name, input, token) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (token) headers.Authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetch(`${API_CALL_PATH}/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(input ?? {}),
          cache: 'no-store',
          credentials: 'same-origin',
        });
      } catch (err) {
        throw new ConnectionError(err instanceof Error ? err.message : String(err), { cause: err });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = null;
      }
      const result = parseCallResult(body);
      if (!result) throw new ConnectionError(`HTTP ${response.status} ${response.statusText}`.trim());
      return result;
    },
    onEvent: (listener) => events.subscribe(listener),
    setToken: (token) => events.setToken(token),
    onLinkStatus: (listener) => events.onStatus(listener),
  };
}
