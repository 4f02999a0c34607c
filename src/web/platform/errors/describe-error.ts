import type { TFunction } from 'i18next';
import { isApiError, type ApiErrorCode } from '../http/api-error';

/** The api.md code of any thrown value; plain exceptions count as NETWORK-like client failures. */
export function errorCodeOf(error: unknown): ApiErrorCode {
  return isApiError(error) ? error.code : 'NETWORK';
}

/**
 * The server's message, localised by Accept-Language. Role codes quoted in it (the server sends
 * `岗位“gm”与“sales_rep”不相容`) are replaced by role names in the UI language.
 */
export function errorMessageOf(error: unknown, t: TFunction<'platform'>): string {
  const message = error instanceof Error && error.message ? error.message : t('errors.unknown');
  return message.replace(/“([a-z_]+)”/g, (whole, code: string) => {
    const key = `role.${code}`;
    return t(key as 'role.gm', { defaultValue: '' }) ? `“${t(key as 'role.gm')}”` : whole;
  });
}

export function errorTitleOf(error: unknown, t: TFunction<'platform'>): string {
  return t(`errors.title.${errorCodeOf(error)}`);
}

export function errorHintOf(error: unknown, t: TFunction<'platform'>): string | null {
  const code = errorCodeOf(error);
  if (code === 'CONFLICT' || code === 'NETWORK' || code === 'SEGREGATION_OF_DUTIES') return t(`errors.hint.${code}`);
  return null;
}
