import { z } from 'zod';
import { InstantString, Uuid, Version } from './common.contract.js';

/** Custom fields (自定义字段, domain §17): definitions per entity; values live in the record's `customFields`. */

export const customFieldEntities = ['customers', 'contacts', 'leads'] as const;
export const CustomFieldEntity = z.enum(customFieldEntities);
export type CustomFieldEntity = z.infer<typeof CustomFieldEntity>;

export const customFieldKinds = ['text', 'number', 'money', 'date', 'select', 'multiSelect'] as const;
export const CustomFieldKind = z.enum(customFieldKinds);
export type CustomFieldKind = z.infer<typeof CustomFieldKind>;

/** The key format of a record's `customFields` (same as CustomFields in customers.contract.ts). */
export const CustomFieldKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, { error: 'errors.customFieldKeyFormat' }).meta({ example: 'annualRevenue' });

const Label = z.strictObject({
  'zh-CN': z.string().trim().min(1).max(60),
  'en-US': z.string().trim().min(1).max(60),
});
const Options = z.array(z.string().trim().min(1).max(100)).max(100)
  .refine((o) => new Set(o).size === o.length, { error: 'errors.customFieldOptionsUnique' });

export const CustomFieldDto = z.object({
  id: Uuid,
  entity: CustomFieldEntity,
  key: CustomFieldKey,
  label: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  kind: CustomFieldKind,
  options: z.array(z.string()).describe('choices of select and multiSelect fields'),
  isRequired: z.boolean(),
  sortOrder: z.int(),
  isActive: z.boolean().describe('inactive fields keep their stored values but take no new ones'),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'CustomField' });
export type CustomFieldDto = z.infer<typeof CustomFieldDto>;

export const CustomFieldListQuery = z.strictObject({
  entity: CustomFieldEntity,
  includeInactive: z.enum(['true', 'false']).optional().describe('default false: active fields only'),
});
export const CustomFieldList = z.object({ items: z.array(CustomFieldDto) });

export const CreateCustomFieldBody = z.strictObject({
  entity: CustomFieldEntity,
  key: CustomFieldKey,
  label: Label,
  kind: CustomFieldKind,
  options: Options.optional().describe('required (at least one) for select and multiSelect'),
  isRequired: z.boolean().default(false),
  sortOrder: z.int().min(0).max(10000).optional().describe('default: after the last field'),
}).meta({ id: 'CreateCustomField' });

export const UpdateCustomFieldBody = z.strictObject({
  version: Version,
  label: Label.optional(),
  options: Options.optional(),
  isRequired: z.boolean().optional(),
  sortOrder: z.int().min(0).max(10000).optional(),
  isActive: z.boolean().optional(),
}).meta({ id: 'UpdateCustomField' });

/**
 * Custom-field list filters. On the wire they are plain parameters `cf.<key>=value` (equality on
 * text, select, multiSelect, number, money, date) and `cf.<key>.from=…` / `cf.<key>.to=…` (inclusive
 * ranges on number, money and date); the server folds them into this object before validation.
 */
export const CustomFieldFilterParams = z.record(
  z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}(\.(from|to))?$/, { error: 'errors.customFieldUnknown' }),
  z.string().max(200),
).refine((v) => Object.keys(v).length <= 20, { error: 'errors.tooBig' })
  .describe('send as cf.<key>=value, cf.<key>.from=…, cf.<key>.to=…')
  .meta({ example: { erp: 'SAP', 'annualRevenue.from': '1000000.00' } });

/** Moves `cf.*` query parameters into `cf` (see CustomFieldFilterParams); other parameters are left as they are. */
export function foldCustomFieldParams(query: Record<string, unknown>): Record<string, unknown> {
  const keys = Object.keys(query).filter((k) => k.startsWith('cf.'));
  if (keys.length === 0) return query;
  const folded: Record<string, unknown> = {};
  const cf: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(query)) {
    if (k.startsWith('cf.')) cf[k.slice(3)] = v;
    else folded[k] = v;
  }
  return { ...folded, cf };
}
