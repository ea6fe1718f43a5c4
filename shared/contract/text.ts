import { z } from 'zod';

/**
 * Characters no name or text may hold: C0 controls except tab and line feed (U+0000 NUL, U+001B ESC,
 * a carriage return not before a line feed…), DEL, and the bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that
 * make 张三\u202E0731 read differently on screen than in the database, a printout or an export.
 */
// eslint-disable-next-line no-control-regex
export const UNSAFE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;

export const UNSAFE_TEXT_MESSAGE = '不能包含控制字符或文字方向控制符';

export function hasUnsafeText(s: string): boolean {
  return UNSAFE_TEXT.test(s);
}

/** For a single text field: `z.string().refine(safeText, UNSAFE_TEXT_MESSAGE)`. */
export const safeText = (s: string): boolean => !hasUnsafeText(s);

/** A string schema that refuses unsafe characters (the building block for names and free text). */
export const SafeString = z.string().refine(safeText, UNSAFE_TEXT_MESSAGE);

/**
 * The first string anywhere in an input (object fields, array items) holding an unsafe character, with
 * its path ("parties.0.name"), or null. The door applies this to every handler's parsed input, so no
 * handler can forget it; as a zod refinement (`SafeInput`) the same rule serves forms and importers.
 * Keys of records are checked too. Depth is bounded: contract inputs are shallow.
 */
export function findUnsafeText(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return hasUnsafeText(value) ? path.join('.') || '(input)' : null;
  if (depth > 12 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnsafeText(value[i], [...path, String(i)], depth + 1);
      if (hit !== null) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (hasUnsafeText(k)) return [...path, k].join('.');
    const hit = findUnsafeText(v, [...path, k], depth + 1);
    if (hit !== null) return hit;
  }
  return null;
}

/** A refinement for any input schema: `.superRefine(SafeInput)` reports the first unsafe field by its path. */
export function SafeInput(value: unknown, ctx: z.RefinementCtx): void {
  const field = findUnsafeText(value);
  if (field !== null) ctx.addIssue({ code: 'custom', message: UNSAFE_TEXT_MESSAGE, path: field === '(input)' ? [] : field.split('.') });
}
