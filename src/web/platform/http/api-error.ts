import type { ErrorBody, ErrorCode } from '../../../shared/errors';

export interface FieldError {
  path: string;
  message: string;
}

/** `NETWORK` is client-side only: the server could not be reached or answered something that is not the api.md error shape. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

/** An api.md error (`{error:{code,message,details}}`) as the web sees it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null &&
    typeof (error as { code?: unknown }).code === 'string' && typeof (error as { message?: unknown }).message === 'string';
}

/** Turns a failed response body into an ApiError; anything not in the api.md shape becomes NETWORK. */
export function parseApiError(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (!isErrorBody(body)) return new ApiError(status, 'NETWORK', fallbackMessage);
  const details = (body.error.details ?? []).filter((d) => typeof d?.path === 'string' && typeof d?.message === 'string');
  return new ApiError(status, body.error.code, body.error.message, details);
}
