import type { z } from 'zod';
import type { EventName, EventPayload, HandlerName, InputOf, OutputOf } from '../../../shared/contract';
import { CoreError } from '../../../shared/contract/errors';
import { events as eventSchemas } from '../../../shared/contract/events';
import { browserTransport } from './browserTransport';
import { desktopTransport } from './desktopTransport';
import type { Transport } from './transport';

export { CoreError } from '../../../shared/contract/errors';
export { ConnectionError } from './transport';

/**
 * The renderer's only way to the core. The transport is fixed at start: the desktop app's preload exposes
 * `window.gridConsole` (IPC); without it we are in a browser and use HTTP + WebSocket on the same host.
 */
const transport: Transport = window.gridConsole ? desktopTransport(window.gridConsole) : browserTransport();

export const transportKind = transport.kind;

// ---------------------------------------------------------------- session token

/**
 * The session token lives in memory. In a browser it is also kept in sessionStorage (this tab only, gone
 * when the tab closes) so a reload keeps the login; the desktop app asks again after a reload.
 */
const TOKEN_KEY = 'gridConsole.sessionToken';
const tokenStore: Storage | null = transport.kind === 'browser' ? safeSessionStorage() : null;
let token: string | null = wallTokenFromUrl() ?? tokenStore?.getItem(TOKEN_KEY) ?? null;
if (token) tokenStore?.setItem(TOKEN_KEY, token);
transport.setToken(token);

/**
 * A LAN wall opened as `…/#/wall?wallToken=…` (the admin's wall token): the token is the session, kept for
 * this tab like a login, and taken out of the address bar so it is not left on screen.
 */
function wallTokenFromUrl(): string | null {
  if (transport.kind !== 'browser') return null;
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  if (at < 0) return null;
  const params = new URLSearchParams(hash.slice(at + 1));
  const given = params.get('wallToken');
  if (!given) return null;
  params.delete('wallToken');
  const rest = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash.slice(0, at)}${rest ? `?${rest}` : ''}`);
  return given;
}

function setToken(next: string | null): void {
  token = next;
  if (next) tokenStore?.setItem(TOKEN_KEY, next);
  else tokenStore?.removeItem(TOKEN_KEY);
  transport.setToken(next);
}

export function hasSessionToken(): boolean {
  return token !== null;
}

const sessionLostListeners = new Set<(error: CoreError) => void>();

/** Called when the core answers NO_SESSION (expired, logged out elsewhere, server restarted). */
export function onSessionLost(listener: (error: CoreError) => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

// ---------------------------------------------------------------- calls

/**
 * Call one handler of the contract. Resolves with its output, or throws a CoreError built from the core's
 * error payload (or a ConnectionError when the core could not be reached).
 */
export async function call<N extends HandlerName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const sentWith = token;
  const result = await transport.invoke(name, input, sentWith);
  if (result.ok) {
    // The core validated the value against this handler's output schema before sending it.
    return result.value as OutputOf<N>;
  }
  const error = CoreError.fromPayload(result.error);
  // A late answer to a call made with an older token must not end the session that replaced it.
  if (error.code === 'NO_SESSION' && sentWith !== null && sentWith === token) {
    setToken(null);
    for (const listener of sessionLostListeners) listener(error);
  }
  throw error;
}

/** Log in; the client keeps the token for every later call. */
export async function login(username: string, password: string): Promise<Omit<OutputOf<'session.login'>, 'token'>> {
  const { token: next, ...rest } = await call('session.login', { username, password });
  setToken(next);
  return rest;
}

/** End the session at the core (best effort) and forget the token in any case. */
export async function logout(): Promise<void> {
  if (!token) return;
  try {
    await call('session.logout', {});
  } catch {
    // Already expired or the core is unreachable: there is nothing left to end.
  } finally {
    setToken(null);
  }
}

// ---------------------------------------------------------------- events

// Seen through a mapped type, indexing by a generic name keeps the name and its payload type together.
const eventSchemaByName: { [K in EventName]: z.ZodType<EventPayload<K>> } = eventSchemas;

/** Subscribe to one core event; payloads that do not match the contract's schema are dropped. */
export function onCoreEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  const schema = eventSchemaByName[name];
  return transport.onEvent((event, payload) => {
    if (event !== name) return;
    const parsed = schema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  });
}

/** The event link's state ('up' / 'down'), for screens that must say when they are not live (the wall). */
export function onLinkStatus(listener: (status: 'up' | 'down') => void): () => void {
  return transport.onLinkStatus(listener);
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage can be disabled by policy; the login then lasts until the next reload.
    return null;
  }
}
