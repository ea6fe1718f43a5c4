import type { CallResult } from '../../../shared/contract/errors';

/** How one contract call reaches the core: IPC in the desktop app, HTTP in a browser. */
export interface Transport {
  readonly kind: 'desktop' | 'browser';
  invoke(name: string, input: unknown, token: string | null): Promise<CallResult<unknown>>;
  /** Receive core events; returns an unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** The session changed (login, logout, lost): the event stream must authenticate again. */
  setToken(token: string | null): void;
  /** Follow the event link ('up' / 'down'); told the current state at once. IPC is always up. */
  onLinkStatus(listener: (status: 'up' | 'down') => void): () => void;
}

/** The core could not be reached at all (no payload came back), as opposed to a CoreError it sent. */
export class ConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConnectionError';
  }
}
