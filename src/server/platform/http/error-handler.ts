import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorStatus, type ErrorBody, type ErrorCode, type ErrorDetail } from '../../../shared/errors.js';
import { sqlState } from '../db/errors.js';
import { localeFrom, translate, type Locale } from '../i18n/translate.js';
import { detailsFromValidation } from './validation-messages.js';

/** Maps anything thrown to an AppError: known SQLSTATEs to their code, the rest to INTERNAL. */
function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = detailsFromValidation(error.validation as never, (error as FastifyError).validationContext);
    return new AppError('VALIDATION_FAILED', 'errors.validation', { fields: details.map((d) => d.path) }, details);
  }
  const status = (error as FastifyError).statusCode;
  const code = (error as FastifyError).code;
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' ||
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' ||
      (status === 400 && (error as { type?: string }).type !== undefined) || error instanceof SyntaxError) {
    return new AppError('VALIDATION_FAILED', 'errors.invalidValue', {}, [{ path: '(body)', message: 'errors.invalidValue' }]);
  }
  if (status === 429) return new AppError('RATE_LIMITED', 'errors.rateLimited');
  if (status === 404) return new AppError('NOT_FOUND', 'errors.notFound', { entity: 'record' });
  if (status === 400) return new AppError('VALIDATION_FAILED', 'errors.invalidValue', {}, [{ path: '(request)', message: 'errors.invalidValue' }]);
  switch (sqlState(error)) {
    case '23505': return new AppError('CONFLICT', 'errors.duplicate', { field: '' });
    case '40001':
    case '40P01': return new AppError('CONFLICT', 'errors.staleVersion');
    case '22P02':
    case '22007':
    case '22008': return new AppError('VALIDATION_FAILED', 'errors.invalidValue');
    case '23503': return new AppError('VALIDATION_FAILED', 'errors.unknownReference', { entity: 'record' });
  }
  return new AppError('INTERNAL', 'errors.internal');
}

export function localise(error: AppError, locale: Locale): ErrorBody {
  const details = error.details.map((d: ErrorDetail) => ({ path: d.path, message: translate(locale, d.message, d.params) }));
  const message = error.code === 'VALIDATION_FAILED' && details.length > 0
    ? details.map((d) => (d.path && !d.path.startsWith('(') ? `${d.path}: ${d.message}` : d.message)).join('; ')
    : translate(locale, error.messageKey, error.params);
  return { error: { code: error.code, message, ...(details.length > 0 ? { details } : {}) } };
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const status = errorStatus[error.code as ErrorCode];
  return reply.status(status).send(localise(error, localeFrom(request.headers['accept-language'])));
}

/** One error handler: exhaustive code → status table, localised by Accept-Language, never a stack or SQL. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, request, appError);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, request, new AppError('NOT_FOUND', 'errors.notFound', { entity: 'record' })));
}
