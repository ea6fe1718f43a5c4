import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { CoreError } from '../../api/client';
import { errorText } from '../../lib/errorText';

/**
 * Put the core's refusal on the field it names (duplicate username, weak password, …); true when it did.
 * The core's Chinese message reads "输入有误：field：reason": the field shows the reason.
 */
export function showFieldError(form: FormInstance, err: unknown, t: TFunction, language: string, fields: readonly string[]): boolean {
  if (!(err instanceof CoreError) || !err.field || !fields.includes(err.field)) return false;
  const text = errorText(err, t, language).replace(/^输入有误：[^：]+：/, '');
  form.setFields([{ name: err.field, errors: [text] }]);
  return true;
}
