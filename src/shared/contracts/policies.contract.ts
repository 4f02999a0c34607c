import { z } from 'zod';
import { Uuid, Version } from './common.contract.js';

export const PolicyItemDto = z.object({
  key: z.string(),
  group: z.string(),
  unit: z.enum(['days', 'months', 'minutes', 'hours', 'count', 'percent', 'rate', 'money', 'score', 'weekday']),
  value: z.union([z.number(), z.string()]),
  default: z.union([z.number(), z.string()]),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
  moneyThreshold: z.boolean().describe('changing it needs the general manager\'s approval'),
  label: z.string(),
});
export const PoliciesDto = z.object({
  version: z.int(),
  items: z.array(PolicyItemDto),
  pendingChange: z.object({ id: Uuid, approvalId: Uuid.nullable(), changes: z.record(z.string(), z.union([z.number(), z.string()])) }).nullable(),
}).meta({ id: 'Policies' });
export type PoliciesDto = z.infer<typeof PoliciesDto>;

export const UpdatePoliciesBody = z.strictObject({
  version: Version,
  values: z.record(z.string().max(64), z.union([z.number(), z.string().max(32)])).refine((v) => Object.keys(v).length > 0 && Object.keys(v).length <= 100, { error: 'errors.required' }),
});
export const UpdatePoliciesResponse = z.object({
  status: z.enum(['applied', 'pending_approval']),
  approvalId: Uuid.nullable(),
  policies: PoliciesDto,
});
