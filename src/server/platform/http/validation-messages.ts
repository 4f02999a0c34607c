import type { ErrorDetail } from '../../../shared/errors.js';

interface FastifyValidationEntry {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Turns one zod issue (as fastify-type-provider-zod reports it) into field errors with message keys. */
export function detailsFromValidation(entries: readonly FastifyValidationEntry[], context: string | undefined): ErrorDetail[] {
  return entries.flatMap((entry) => {
    const base = entry.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const path = base || (context === 'body' ? '' : context ?? '');
    const params = entry.params ?? {};
    const message = entry.message ?? '';
    if (entry.keyword === 'unrecognized_keys') {
      const keys = (params.keys as string[] | undefined) ?? [];
      return keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'errors.unknownField' }));
    }
    return [{ path: path || '(body)', ...keyFor(entry.keyword, message, params) }];
  });
}

function keyFor(code: string, message: string, params: Record<string, unknown>): { message: string; params?: Record<string, unknown> } {
  if (message.startsWith('errors.')) return { message };
  const origin = params.origin as string | undefined;
  switch (code) {
    case 'invalid_type':
      return /received undefined/.test(message)
        ? { message: 'errors.required' }
        : { message: 'errors.invalidType', params: { expected: params.expected } };
    case 'too_small':
      if (origin === 'string' && params.minimum === 1) return { message: 'errors.required' };
      return origin === 'string' || origin === 'array'
        ? { message: 'errors.tooShort', params: { min: params.minimum } }
        : { message: 'errors.tooSmall', params: { min: params.minimum } };
    case 'too_big':
      return origin === 'string' || origin === 'array'
        ? { message: 'errors.tooLong', params: { max: params.maximum } }
        : { message: 'errors.tooBig', params: { max: params.maximum } };
    case 'invalid_format':
      if (params.format === 'email') return { message: 'errors.email' };
      if (params.format === 'uuid' || params.format === 'guid') return { message: 'errors.uuid' };
      return { message: 'errors.invalidFormat' };
    case 'invalid_value':
      return { message: 'errors.invalidEnum', params: { options: (params.values as unknown[] | undefined)?.map(String) ?? [] } };
    default:
      return { message: 'errors.invalidValue' };
  }
}
