/** Error codes fixed by api.md; each maps to exactly one HTTP status. */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  SEGREGATION_OF_DUTIES: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  CONFLICT: 409,
  DUPLICATE: 409,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorDetail {
  path: string;
  /** message key (server side) or already localised text (on the wire) */
  message: string;
  params?: Record<string, unknown>;
}

/** The one error type business code throws: a code, a message key and its parameters, never a sentence. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params: Record<string, unknown> = {},
    readonly details: ErrorDetail[] = [],
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

export const notFound = (entity: string) => new AppError('NOT_FOUND', 'errors.notFound', { entity });
export const forbidden = (key = 'errors.forbidden', params: Record<string, unknown> = {}) => new AppError('FORBIDDEN', key, params);
export const conflict = (key = 'errors.staleVersion', params: Record<string, unknown> = {}) => new AppError('CONFLICT', key, params);
export const ruleViolation = (key: string, params: Record<string, unknown> = {}) => new AppError('RULE_VIOLATION', key, params);
export const invalidField = (path: string, key: string, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION_FAILED', key, params, [{ path, message: key, params }]);

/** The api.md error body. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: { path: string; message: string }[] };
}
