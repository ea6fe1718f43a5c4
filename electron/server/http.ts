import { existsSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { API_CALL_PATH, API_EVENTS_PATH, TILE_PATH } from '../../shared/contract/bridge';
import { SYNC_PUSH_PATH } from '../../shared/contract/sync';
import type { CallResult, CoreErrorPayload, ErrorCode } from '../../shared/contract/errors';
import { eventForAccount, type EventName, type EventPayload } from '../../shared/contract/events';
import type { Account } from '../../shared/contract/session';
import { securityHeaders, type Core } from '../core/index';

export interface ServerOptions {
  host: string;
  port: number;
  /** The built renderer (dist/renderer); browser mode serves it at `/`. */
  staticDir: string | null;
  /** Extra Host header values to accept (a LAN wall display reaching this machine by name). */
  allowedHosts?: string[];
  logger?: boolean;
  /** Login attempts one client (IP) may make per minute, whatever the usernames (default 20). */
  loginAttemptsPerMinute?: number;
}

const LOGIN_THROTTLED = '登录尝试过于频繁，请一分钟后再试';

const STATUS_OF: Record<ErrorCode, number> = {
  UNKNOWN_HANDLER: 404,
  INVALID_INPUT: 400,
  NO_SESSION: 401,
  FORBIDDEN: 403,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SCHEMA_TOO_NEW: 500,
  NODE_STARTING: 503,
  NODE_UNCONFIGURED: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_CORRUPT: 500,
};

function failure(code: ErrorCode, message: string): { ok: false; error: CoreErrorPayload } {
  return { ok: false, error: { code, message } };
}

/** Bodies above this size (or of unknown size) need a live session before they are read. */
const SMALL_BODY_BYTES = 64 * 1024;

function bearer(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return m?.[1] ?? null;
}

/**
 * The core's handlers over HTTP and WebSocket: browser mode, the LAN wall, and later the hub's sync
 * endpoint. The same `invoke` as IPC, so every check lives in the core, not here.
 */
export async function createHttpServer(core: Core, opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 16 * 1024 * 1024, trustProxy: false });
  // Large answers go out compressed (brotli or gzip, as the client accepts): the city view's map payload
  // is megabytes of JSON, the renderer's chunks hundreds of KB, and a LAN wall display pays for every
  // byte. Registered first so every route and the static files get it; images are left alone (not
  // compressible). Request bodies are not decompressed: nothing we accept needs it, and a small gzip body
  // could inflate past the body limit's intent.
  await app.register(fastifyCompress, { threshold: 1024, globalDecompression: false });

  // DNS rebinding: a web page on another origin can resolve its own name to 127.0.0.1; only answer to
  // the names this server was started for.
  // The port is read when a request arrives: with `port: 0` it is only known after listen().
  const allowedNames = new Set(['127.0.0.1', 'localhost', '[::1]', opts.host]);
  const extraHosts = new Set(opts.allowedHosts ?? []);
  const hostAllowed = (host: string): boolean => {
    if (extraHosts.has(host)) return true;
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const sep = host.lastIndexOf(':');
    return sep > 0 && host.slice(sep + 1) === String(port) && allowedNames.has(host.slice(0, sep));
  };
  app.addHook('onRequest', async (req, reply) => {
    if (!hostAllowed(req.headers.host ?? '')) {
      return reply.code(421).send(failure('FORBIDDEN', `不接受主机名 ${req.headers.host ?? ''}`));
    }
    // A large body (an import, an attachment) is read and parsed only for a live session: nobody signed
    // out can make the node buffer and parse 16 MB. No public handler (login, status) takes one.
    if (req.method === 'POST' && req.url.startsWith(`${API_CALL_PATH}/`)) {
      const length = Number(req.headers['content-length'] ?? NaN);
      if (!(length <= SMALL_BODY_BYTES)) {
        const me = await core.invoke('session.me', {}, { token: bearer(req.headers.authorization) });
        if (!me.ok) return reply.code(401).header('connection', 'close').send(failure('NO_SESSION', '未登录或登录已过期，请重新登录'));
      }
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    // A page's CSP follows the WMTS setting: 天地图 images only while it is on. Only pages need it (the
    // policy governs the document), so API answers and assets keep the offline one without a lookup.
    const page = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    for (const [k, v] of Object.entries(securityHeaders(page ? await core.pagePolicy() : { wmts: false }))) reply.header(k, v);
    return payload;
  });

  // Malformed JSON, wrong content type, oversized body: the same CallResult shape as any other refusal.
  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode ?? 500;
    if (status === 429) return void reply.code(429).send(failure('RATE_LIMITED', LOGIN_THROTTLED));
    if (status >= 500) core.env.log.error('http error', { message: err.message });
    void reply.code(status).send(failure(status < 500 ? 'INVALID_INPUT' : 'INTERNAL', status < 500 ? `请求无效：${err.message}` : '内部错误'));
  });

  // 503 until the node is ready (a first start writes the demo), with where it is: what waits for readiness
  // (the e2e web server, a supervisor) waits on this; the console itself is served meanwhile.
  app.get('/api/health', async (_req, reply) => {
    const startup = core.startup.status();
    return reply.code(startup.state === 'ready' ? 200 : 503).send({ ok: startup.state === 'ready', version: core.env.appVersion, ...startup });
  });

  // Per client as well as per account (the core locks an account after five wrong passwords): one address
  // trying many usernames is slowed here, before any hash is computed. Only session.login counts.
  await app.register(fastifyRateLimit, { global: false });
  const loginLimit = {
    max: opts.loginAttemptsPerMinute ?? 20,
    timeWindow: 60_000,
    allowList: (req: { params: unknown }) => (req.params as { name?: string }).name !== 'session.login',
    errorResponseBuilder: () => ({ statusCode: 429, message: LOGIN_THROTTLED }),
  };

  app.post<{ Params: { name: string } }>(`${API_CALL_PATH}/:name`, { config: { rateLimit: loginLimit } }, async (req, reply) => {
    const result: CallResult<unknown> = await core.invoke(req.params.name, req.body ?? {}, { token: bearer(req.headers.authorization) });
    return reply.code(result.ok ? 200 : STATUS_OF[result.error.code]).send(result);
  });
  app.all(`${API_CALL_PATH}/*`, async (_req, reply) => reply.code(405).send(failure('INVALID_INPUT', '请用 POST 调用接口')));

  // The hub's sync endpoint: a gzip batch from a node below, taken as raw bytes (the HMAC covers them as
  // sent) and handed to the core, which authenticates, validates and applies it whole or not at all.
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/gzip', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post(SYNC_PUSH_PATH, async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) return reply.code(415).send({ ok: false, code: 'MALFORMED', message: '批次须为 application/gzip' });
      const { status, answer } = await core.syncPush({ body: req.body, headers: req.headers });
      return reply.code(status).send(answer);
    });
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: 64 * 1024 } });
  app.get(API_EVENTS_PATH, { websocket: true }, (socket: WebSocket) => {
    let unsubscribe: (() => void) | null = null;
    let recheck: ReturnType<typeof setInterval> | null = null;
    let closed = false;
    const authTimer = setTimeout(() => socket.close(4401, 'auth timeout'), 10_000);
    const end = (reason: string) => {
      if (closed) return;
      closed = true;
      socket.close(4401, reason);
    };
    // The session behind the socket, asked again through the door before each batch of events and every
    // half minute: a logout, an expired session or a disabled account closes the socket, and a role
    // changed meanwhile filters the next batch.
    const account = async (token: string | null): Promise<Account | null> => {
      const me = await core.invoke('session.me', {}, { token });
      return me.ok ? (me.value as Account) : null;
    };
    socket.on('message', (raw) => {
      if (unsubscribe || closed) return; // after auth the client has nothing more to say
      let token: unknown;
      try {
        token = (JSON.parse(String(raw)) as { type?: string; token?: unknown }).token;
      } catch {
        token = null;
      }
      const held = typeof token === 'string' ? token : null;
      void account(held).then((me) => {
        clearTimeout(authTimer);
        if (!me) return end('no session');
        let pending: Array<{ event: EventName; payload: unknown }> = [];
        let flushing = false;
        const flush = async () => {
          flushing = true;
          while (pending.length > 0 && !closed) {
            const batch = pending;
            pending = [];
            const now = await account(held);
            if (!now) return end('session ended');
            for (const { event, payload } of batch) {
              const shown = eventForAccount(now, event, payload as EventPayload<typeof event>);
              if (shown !== null && !closed) socket.send(JSON.stringify({ event, payload: shown }));
            }
          }
          flushing = false;
        };
        unsubscribe = core.onAny((event, payload) => {
          pending.push({ event, payload });
          if (!flushing) void flush();
        });
        recheck = setInterval(() => {
          void account(held).then((now) => {
            if (!now) end('session ended');
          });
        }, 30_000);
        socket.send(JSON.stringify({ event: 'ready', payload: null }));
      });
    });
    socket.on('close', () => {
      closed = true;
      clearTimeout(authTimer);
      if (recheck) clearInterval(recheck);
      unsubscribe?.();
    });
  });

  // Raster tiles of the registered MBTiles packages. Not personal data, and <img> requests cannot carry
  // the bearer token, so no session; read-only; readTile accepts only small integers and registered sets.
  app.get<{ Params: { set: string; z: string; x: string; y: string } }>(`${TILE_PATH}/:set/:z/:x/:y`, async (req, reply) => {
    const { set, z, x } = req.params;
    const y = req.params.y.replace(/\.(png|jpe?g|webp)$/i, '');
    const tile = await core.readTile(set, z, x, y);
    if (!tile) return reply.code(404).send(failure('NOT_FOUND', '没有该瓦片'));
    return reply.type(tile.contentType).header('Cache-Control', 'private, max-age=86400').send(tile.data);
  });

  if (opts.staticDir && existsSync(opts.staticDir)) {
    await app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'], wildcard: false });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/plain; charset=utf-8').send('界面尚未构建：请先运行 npm run build（The renderer is not built: run npm run build).'),
    );
  }
  return app;
}
