import { z } from 'zod';
import { InstantString, ListQuery, pageOf, Uuid } from './common.contract.js';

export const AuditEntryDto = z.object({
  id: Uuid,
  at: InstantString,
  actorId: Uuid.nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
}).meta({ id: 'AuditEntry' });

export const AuditQuery = ListQuery.extend({
  entity: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorId: Uuid.optional(),
  action: z.string().max(64).optional(),
});
export const AuditPage = pageOf(AuditEntryDto);
