import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { ErrorResponse } from '../../../shared/contracts/common.contract.js';
import { XLSX_TYPE } from '../exports/xlsx.js';

/** The api.md error body documented on every route. */
export const errorResponses = {
  400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse,
  409: ErrorResponse, 422: ErrorResponse, 429: ErrorResponse, 500: ErrorResponse,
} as const;

export const withErrors = <T extends Record<number, unknown>>(ok: T) => ({ ...ok, ...errorResponses });

/**
 * Sends a streamed workbook (streamXlsx) as a download. The rows are written while the response goes
 * out, so a failure after the headers cannot become an error response: it is logged, the client gets
 * a cut file.
 */
export function sendXlsx(req: FastifyRequest, reply: FastifyReply, filename: string, file: { stream: Readable; done: Promise<unknown> }) {
  file.done.catch((error: unknown) => req.log.error({ err: error, filename }, 'xlsx export failed'));
  return reply.type(XLSX_TYPE).header('content-disposition', `attachment; filename="${filename}"`).send(file.stream);
}
