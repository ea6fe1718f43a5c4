import type { CallResult } from './errors';

/**
 * What the preload exposes to the renderer as `window.gridConsole` (desktop only). Names are checked
 * against the contract in the preload and again in the main process; the token is the session token the
 * renderer got from `session.login`.
 */
export interface GridConsoleBridge {
  invoke(name: string, input: unknown, token: string | null): Promise<CallResult<unknown>>;
  /** Subscribe to core events; returns an unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
}

/** The IPC channels between preload and main: the only two. */
export const IPC_INVOKE = 'core:invoke';
export const IPC_EVENT = 'core:event';

/** Origin the desktop app is served from (custom protocol, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'console';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** HTTP transport (browser mode): POST `${API_CALL_PATH}/<name>` with the JSON input, bearer token. */
export const API_CALL_PATH = '/api/call';
/** WebSocket for core events; the client's first message is `{ "type": "auth", "token": "…" }`. */
export const API_EVENTS_PATH = '/api/events';
/** Raster tiles of a registered MBTiles package: `${TILE_PATH}/<set>/<z>/<x>/<y>`, over HTTP and app:// alike. */
export const TILE_PATH = '/tiles';
