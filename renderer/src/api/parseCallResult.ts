import { CoreErrorPayload, type CallResult } from '../../../shared/contract/errors';

/**
 * Read a CallResult from an untrusted JSON body. The server answers every call with one, whatever the
 * HTTP status; anything else (a proxy's error page, a truncated body) yields null.
 */
export function parseCallResult(body: unknown): CallResult<unknown> | null {
  if (typeof body !== 'object' || body === null || !('ok' in body)) return null;
  if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
  if (body.ok === false && 'error' in body) {
    const error = CoreErrorPayload.safeParse(body.error);
    if (error.success) return { ok: false, error: error.data };
  }
  return null;
}
