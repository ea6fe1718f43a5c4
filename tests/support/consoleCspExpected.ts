/**
 * The console's Content-Security-Policy as the tests expect it, written out here by hand (not computed
 * from securityHeaders.ts): a policy loosened in the code — `default-src *`, `'unsafe-eval'`, an extra
 * connect-src host — must fail the tests, so the expectation cannot come from the code under test.
 */
export const EXPECTED_CSP: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  // antd's CSS-in-JS injects <style> elements: inline styles only, never inline scripts.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** The expected policy while the online 天地图 base map is on: the same, plus its eight tile hosts as images. */
export const EXPECTED_CSP_WMTS: Readonly<Record<string, readonly string[]>> = {
  ...EXPECTED_CSP,
  'img-src': [...(EXPECTED_CSP['img-src'] ?? []), ...Array.from({ length: 8 }, (_, i) => `https://t${i}.tianditu.gov.cn`)],
};

/**
 * A policy header as directive → sources, for a whole-policy comparison with toEqual (an unexpected
 * directive, a missing one, or one source more or less all fail). A repeated directive is kept as a
 * second entry with a marker, since browsers ignore the repeat and a test should notice it.
 */
export function cspDirectives(header: string | null | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    out[name in out ? `${name} (repeated)` : name] = sources;
  }
  return out;
}
