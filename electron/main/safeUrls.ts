import path from 'node:path';
import { APP_HOST, APP_SCHEME } from '../../shared/contract/bridge';

/**
 * The shell's URL and path decisions, kept free of Electron so they are tested under plain Node
 * (safeUrls.test.ts): which URLs are ours, which may leave the app, which files app:// may serve.
 */

/** True for a URL on our own origin, app://console. (WHATWG `URL.origin` is "null" for custom schemes.) */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** The URL, normalised, when it may be handed to the user's browser (https only); otherwise null. */
export function externalHttpsUrl(raw: string): string | null {
  const url = parse(raw);
  return url !== null && url.protocol === 'https:' && url.hostname !== '' ? url.href : null;
}

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * The file under `root` (absolute) that a request path names, or null when the path would escape `root`
 * (`..`, encoded separators, NUL) or is not valid percent-encoding.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = path.resolve(root, `.${path.posix.sep}${decoded}`);
  return full.startsWith(root + path.sep) ? full : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Content-Type by extension; unknown types are served as opaque bytes (and `nosniff` keeps them so). */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
