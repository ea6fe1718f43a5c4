import type { TFunction } from 'i18next';
import { CoreError, ConnectionError } from '../api/client';

/**
 * What to tell the user about a failed call. The core's messages are written in Chinese for clerks, so in
 * Chinese we show them as they are (they carry details such as until when an account is locked); in
 * other languages we translate by error code.
 */
export function errorText(err: unknown, t: TFunction, language: string): string {
  if (err instanceof ConnectionError) return t('errors.connection');
  if (err instanceof CoreError) {
    if (language === 'zh-CN') return err.message;
    const base = t(`errors.code.${err.code}`);
    const fields = err.issues?.map((i) => i.field).filter(Boolean) ?? (err.field ? [err.field] : []);
    return fields.length ? `${base}: ${fields.join(', ')}` : base;
  }
  return t('errors.unknown');
}
