import { protocol } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, TILE_PATH } from '../../shared/contract/bridge';
import { securityHeaders, type CspOptions } from '../core/index';
import { contentTypeOf, resolveInside } from './safeUrls';

/**
 * The renderer is served from app://console/ rather than file://, so it has a real origin (CSP 'self',
 * fetch, storage) and can reach nothing on disk beyond the built renderer folder.
 */

/** Must run before `ready`: app:// behaves like https (standard, secure, fetch) and nothing more. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' } });
}

async function readRegularFile(file: string): Promise<Buffer | null> {
  try {
    return (await stat(file)).isFile() ? await readFile(file) : null;
  } catch {
    return null;
  }
}

/** Raster tiles of a registered MBTiles package, `/tiles/<set>/<z>/<x>/<y>` as on the HTTP server. */
export type TileReader = (set: string, z: string, x: string, y: string) => Promise<{ data: Buffer; contentType: string } | null>;
const TILE_URL = new RegExp(`^${TILE_PATH}/([^/]+)/([^/]+)/([^/]+)/([^/.]+)(?:\\.\\w+)?$`);

async function cspOptions(csp: CspSource | undefined): Promise<CspOptions> {
  try {
    return csp ? await csp() : { wmts: false };
  } catch {
    return { wmts: false }; // the core is not ready: the offline policy
  }
}

/** What the page's CSP depends on, from the core (`core.pagePolicy()`). */
export type CspSource = () => Promise<CspOptions>;

/**
 * Serve `rendererDir` (dist/renderer) as app://console/, and base-map tiles from the core. Call after
 * `ready`. Without `csp` the page gets the offline policy (no 天地图 tiles).
 */
export function serveRenderer(rendererDir: string, readTile: TileReader, csp?: CspSource): void {
  const root = path.resolve(rendererDir);
  const indexHtml = path.join(root, 'index.html');

  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');

    const tile = TILE_URL.exec(url.pathname);
    if (tile) {
      // readTile accepts only small integers and registered packages; anything else is a 404.
      const found = await readTile(tile[1]!, tile[2]!, tile[3]!, tile[4]!);
      if (!found) return plain(404, 'Not found');
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(found.data), {
        status: 200,
        headers: { 'content-type': found.contentType, 'x-content-type-options': 'nosniff', 'cache-control': 'max-age=86400' },
      });
    }

    let file = resolveInside(root, url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) return plain(404, 'Not found');
    let body = await readRegularFile(file);
    // A path without an extension is a page, not an asset: it gets the app shell, like a history-API
    // fallback on a web server. A missing asset stays a 404.
    if (!body && path.extname(file) === '') {
      file = indexHtml;
      body = await readRegularFile(file);
    }
    if (!body) return plain(404, 'Not found');

    const type = contentTypeOf(file);
    // The CSP and its companions are the HTTP server's (one definition for both transports).
    const headers: Record<string, string> = type.startsWith('text/html')
      ? { ...securityHeaders(await cspOptions(csp)), 'content-type': type }
      : { 'content-type': type, 'x-content-type-options': 'nosniff' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}
