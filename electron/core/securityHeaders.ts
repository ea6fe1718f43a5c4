import { TIANDITU_TILE_HOSTS } from './basemap/tianditu';

/**
 * The Content-Security-Policy of the console, the same in the Electron protocol handler and the HTTP
 * server: only our own scripts; antd's CSS-in-JS needs inline styles; no network beyond our own origin,
 * except the 天地图 tile hosts for images while an admin has the online WMTS base map turned on.
 */

export interface CspOptions {
  /** The online 天地图 WMTS layer is enabled (basemap.setWmts): its tiles may load as images. */
  wmts: boolean;
}

export function consoleCsp(opts: CspOptions = { wmts: false }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...(opts.wmts ? TIANDITU_TILE_HOSTS : [])].join(' '),
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy with WMTS off (the default). */
export const CONSOLE_CSP = consoleCsp();

export function securityHeaders(opts: CspOptions = { wmts: false }): Record<string, string> {
  return {
    'content-security-policy': consoleCsp(opts),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
  };
}

/** The headers with WMTS off (the default). */
export const SECURITY_HEADERS: Record<string, string> = securityHeaders();
