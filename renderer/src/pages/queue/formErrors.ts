import type { FormInstance } from 'antd';
import { CoreError } from '../../api/client';

/** "parties.0.idNumber" → ['parties', 0, 'idNumber'] (antd's field name path). */
export function fieldPath(field: string): Array<string | number> {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Put the core's INVALID_INPUT messages on the form fields they name. Returns true when at least one
 * message landed on a field of this form (otherwise the caller shows the error as a whole).
 */
export function showFieldErrors(
  form: FormInstance,
  err: unknown,
  knownFields: ReadonlySet<string>,
  /** Contract field → form field, where the form holds it under another name. */
  rename: Readonly<Record<string, string>> = {},
): boolean {
  if (!(err instanceof CoreError) || err.code !== 'INVALID_INPUT') return false;
  const issues = err.issues?.length ? err.issues : err.field ? [{ field: err.field, message: err.message }] : [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = rename[issue.field] ?? issue.field;
    if (!field || !knownFields.has(field.split('.')[0] ?? '')) continue;
    byField.set(field, [...(byField.get(field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: fieldPath(field), errors })));
  return byField.size > 0;
}
