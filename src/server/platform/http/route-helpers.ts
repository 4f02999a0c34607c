import { ErrorResponse } from '../../../shared/contracts/common.contract.js';

/** The api.md error body documented on every route. */
export const errorResponses = {
  400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse,
  409: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse, 500: ErrorResponse,
} as const;

export const withErrors = <T extends Record<number, unknown>>(ok: T) => ({ ...ok, ...errorResponses });
