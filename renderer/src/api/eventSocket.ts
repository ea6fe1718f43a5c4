import { API_EVENTS_PATH } from '../../../shared/contract/bridge';

type Listener = (event: string, payload: unknown) => void;
/** The event link: 'up' while a socket is open, 'down' while it is being re-established. */
export type LinkStatus = 'up' | 'down';

const FIRST_RETRY_MS = 500;
/** The server's close code for a token it does not accept: retrying with the same token cannot help. */
const CLOSE_NO_SESSION = 4401;
const MAX_RETRY_MS = 30_000;

/**
 * Core events over WebSocket (browser mode). Connects only while logged in, authenticates with its first
 * message, and reconnects with exponential backoff (plus jitter, so a room of wall displays does not
 * reconnect in lockstep after the server restarts).
 */
export class EventSocket {
  private socket: WebSocket | null = null;
  private token: string | null = null;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly statusListeners = new Set<(status: LinkStatus) => void>();
  private status: LinkStatus = 'up';

  constructor(private readonly url: string = eventsUrl()) {
    // Back online after a broken link: try at once instead of waiting out the backoff.
    window.addEventListener('online', () => {
      if (this.token && !this.socket) this.reconnectNow();
    });
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follow the link's state (the wall says "connection lost" and, once back, refreshes). Told the current one at once. */
  onStatus(listener: (status: LinkStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const l of this.statusListeners) l(status);
  }

  setToken(token: string | null): void {
    if (token === this.token) return;
    this.token = token;
    this.attempt = 0;
    this.reconnectNow();
  }

  private reconnectNow(): void {
    this.disconnect();
    if (this.token) this.connect(this.token);
  }

  private disconnect(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const old = this.socket;
    this.socket = null;
    if (old && old.readyState <= WebSocket.OPEN) old.close(1000, 'session changed');
  }

  private connect(token: string): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.url);
    } catch {
      this.setStatus('down');
      this.scheduleRetry();
      return;
    }
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.setStatus('up');
      socket.send(JSON.stringify({ type: 'auth', token }));
    });
    socket.addEventListener('message', (msg) => {
      if (typeof msg.data !== 'string') return;
      let data: unknown;
      try {
        data = JSON.parse(msg.data);
      } catch {
        return;
      }
      if (typeof data !== 'object' || data === null || !('event' in data) || typeof data.event !== 'string') return;
      const payload = 'payload' in data ? data.payload : undefined;
      for (const listener of this.listeners) listener(data.event, payload);
    });
    socket.addEventListener('close', (ev) => {
      // Only the current socket reconnects; one closed on purpose has already been replaced or dropped.
      if (this.socket !== socket) return;
      this.socket = null;
      // The next call will meet NO_SESSION too and send the user to the login page.
      if (ev.code === CLOSE_NO_SESSION) return;
      this.setStatus('down');
      this.scheduleRetry();
    });
  }

  private scheduleRetry(): void {
    if (!this.token || this.retryTimer) return;
    const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt);
    this.attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.token && !this.socket) this.connect(this.token);
    }, delay);
  }
}

function eventsUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${API_EVENTS_PATH}`;
}
