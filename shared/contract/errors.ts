import { z } from 'zod';

/**
 * Every failure that crosses a transport is one of these codes, with a message a clerk can read
 * (zh-CN; the renderer may translate by code) and, for bad input, the field at fault.
 */
export const ERROR_CODES = [
  'UNKNOWN_HANDLER',
  'INVALID_INPUT',
  'NO_SESSION',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'SCHEMA_TOO_NEW',
  /** The node is still starting (a first start writes the demo): only system.status answers until it is ready. */
  'NODE_STARTING',
  /** A real node before its first-run setup: only system.* and setup.* answer until the wizard completes. */
  'NODE_UNCONFIGURED',
  /** Too many login attempts from one client (browser mode): wait a minute. */
  'RATE_LIMITED',
  'INTERNAL',
  /** The database file failed its check at start (quick_check): restore the last good backup. */
  'DATABASE_CORRUPT',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const CoreErrorPayload = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Dotted path of the offending input field, when the input was at fault. */
  field: z.string().optional(),
  issues: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type CoreErrorPayload = z.infer<typeof CoreErrorPayload>;

/** What every transport carries back for one call. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CoreErrorPayload };

export class CoreError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: CoreErrorPayload['issues'];
  /**
   * Commit what the handler wrote before failing (e.g. a failed login's attempt counter and audit entry).
   * Only the core's own handlers set this.
   */
  readonly keepWrites: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { field?: string; issues?: CoreErrorPayload['issues']; keepWrites?: boolean } = {},
  ) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
    this.field = opts.field;
    this.issues = opts.issues;
    this.keepWrites = opts.keepWrites ?? false;
  }

  toPayload(): CoreErrorPayload {
    return {
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.issues !== undefined ? { issues: this.issues } : {}),
    };
  }

  static fromPayload(p: CoreErrorPayload): CoreError {
    return new CoreError(p.code, p.message, {
      ...(p.field !== undefined ? { field: p.field } : {}),
      ...(p.issues !== undefined ? { issues: p.issues } : {}),
    });
  }
}
