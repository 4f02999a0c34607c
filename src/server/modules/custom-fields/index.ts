/**
 * The custom-fields module's only door: definitions (自定义字段, domain §17), the value check other
 * modules run on create/update, and the `cf.<key>` list filters.
 */
import type { FastifyRequest } from 'fastify';
import { foldCustomFieldParams } from '../../../shared/contracts/custom-fields.contract.js';
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { customFieldMessages } from './custom-fields.messages.js';
import { customFieldGrants } from './custom-fields.permissions.js';

registerGrants(customFieldGrants);
registerMessages(customFieldMessages);

export { customFieldRoutes } from './custom-fields.routes.js';
export { customFieldConditions, validateCustomFields } from './custom-fields.service.js';
export { mergeCustomFieldValues } from './custom-fields.rules.js';

/** A route's preValidation hook: folds `cf.<key>` query parameters into `cf` so the strict query schema can check them. */
export async function foldCustomFieldQuery(request: FastifyRequest) {
  request.query = foldCustomFieldParams(request.query as Record<string, unknown>);
}
