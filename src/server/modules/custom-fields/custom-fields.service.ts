import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CreateCustomFieldBody, CustomFieldDto, CustomFieldEntity, UpdateCustomFieldBody,
} from '../../../shared/contracts/custom-fields.contract.js';
import { AppError, conflict, invalidField, notFound, ruleViolation } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { findDefinition, listDefinitions, nextSortOrder, type DefinitionRow } from './custom-fields.repository.js';
import {
  checkCustomFieldValues, parseCustomFieldFilters, type CustomFieldFilter, type CustomValues, type FieldDefinition, type FieldProblem,
} from './custom-fields.rules.js';
import { customFieldDefinitions } from './custom-fields.schema.js';

/** A record holds at most this many custom values (CustomFields in customers.contract.ts). */
const MAX_ACTIVE_FIELDS = 100;

export function toCustomFieldDto(row: DefinitionRow): CustomFieldDto {
  return {
    id: row.id, entity: row.entity as CustomFieldEntity, key: row.key, label: { 'zh-CN': row.labelZh, 'en-US': row.labelEn },
    kind: row.kind as CustomFieldDto['kind'], options: row.options, isRequired: row.isRequired, sortOrder: row.sortOrder, isActive: row.isActive,
    version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

const asDefinition = (row: DefinitionRow): FieldDefinition => ({
  key: row.key, kind: row.kind as FieldDefinition['kind'], options: row.options, isRequired: row.isRequired, isActive: row.isActive,
});

function fieldErrors(prefix: string, problems: FieldProblem[]): AppError {
  const details = problems.map((p) => ({ path: `${prefix}.${p.key}`, message: p.message, ...(p.params ? { params: p.params } : {}) }));
  return new AppError('VALIDATION_FAILED', 'errors.validation', { fields: details.map((d) => d.path) }, details);
}

export async function listCustomFields(ctx: CommandContext, q: { entity: CustomFieldEntity; includeInactive?: 'true' | 'false' }) {
  const rows = await listDefinitions(ctx.db, ctx.workspace.id, q.entity, q.includeInactive === 'true');
  return { items: rows.map(toCustomFieldDto) };
}

const needsOptions = (kind: string) => kind === 'select' || kind === 'multiSelect';

/** Defines a custom field; select fields need their options. */
export async function createCustomField(ctx: CommandContext, input: z.infer<typeof CreateCustomFieldBody>) {
  if (needsOptions(input.kind) && (input.options ?? []).length === 0) throw invalidField('options', 'errors.customFieldOptionsRequired');
  return ctx.db.transaction(async (tx) => {
    const active = await listDefinitions(tx, ctx.workspace.id, input.entity, false);
    if (active.length >= MAX_ACTIVE_FIELDS) throw ruleViolation('errors.customFieldTooMany', { max: MAX_ACTIVE_FIELDS });
    const sortOrder = input.sortOrder ?? await nextSortOrder(tx, ctx.workspace.id, input.entity);
    const [created] = await tx.insert(customFieldDefinitions).values({
      workspaceId: ctx.workspace.id, entity: input.entity, key: input.key, labelZh: input.label['zh-CN'], labelEn: input.label['en-US'],
      kind: input.kind, options: needsOptions(input.kind) ? input.options ?? [] : [], isRequired: input.isRequired, sortOrder, createdBy: ctx.actor.id,
    }).returning().catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new AppError('DUPLICATE', 'errors.customFieldKeyTaken', {}, [{ path: 'key', message: 'errors.customFieldKeyTaken' }]);
      throw error;
    });
    await appendAudit(tx, ctx, { entity: 'custom_field', entityId: created!.id, action: 'create', after: created });
    return toCustomFieldDto(created!);
  });
}

/** Edits a definition's label, options, required flag, order or active state (key, entity and kind are fixed). */
export async function updateCustomField(ctx: CommandContext, id: string, input: z.infer<typeof UpdateCustomFieldBody>) {
  return ctx.db.transaction(async (tx) => {
    const before = await findDefinition(tx, ctx.workspace.id, id);
    if (!before) throw notFound('customField');
    if (before.version !== input.version) throw conflict();
    if (input.options !== undefined && needsOptions(before.kind) && input.options.length === 0) throw invalidField('options', 'errors.customFieldOptionsRequired');
    if (input.isActive === true && !before.isActive) {
      const active = await listDefinitions(tx, ctx.workspace.id, before.entity as CustomFieldEntity, false);
      if (active.length >= MAX_ACTIVE_FIELDS) throw ruleViolation('errors.customFieldTooMany', { max: MAX_ACTIVE_FIELDS });
    }
    const [updated] = await tx.update(customFieldDefinitions).set({
      ...(input.label ? { labelZh: input.label['zh-CN'], labelEn: input.label['en-US'] } : {}),
      ...(input.options !== undefined && needsOptions(before.kind) ? { options: input.options } : {}),
      ...(input.isRequired !== undefined ? { isRequired: input.isRequired } : {}),
      ...(input.sortOrder !== undefined ? { sortOrder: input.sortOrder } : {}),
      ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      version: sql`${customFieldDefinitions.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(customFieldDefinitions.workspaceId, ctx.workspace.id), eq(customFieldDefinitions.id, id), eq(customFieldDefinitions.version, input.version)))
      .returning();
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'custom_field', entityId: id, action: 'update', before, after: updated });
    return toCustomFieldDto(updated);
  });
}

/** Deactivates a field: it leaves forms and takes no new values; stored values stay. */
export async function deactivateCustomField(ctx: CommandContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await findDefinition(tx, ctx.workspace.id, id);
    if (!before) throw notFound('customField');
    if (!before.isActive) return;
    const [updated] = await tx.update(customFieldDefinitions)
      .set({ isActive: false, version: sql`${customFieldDefinitions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(customFieldDefinitions.workspaceId, ctx.workspace.id), eq(customFieldDefinitions.id, id))).returning();
    await appendAudit(tx, ctx, { entity: 'custom_field', entityId: id, action: 'deactivate', before, after: updated });
  });
}

/**
 * Checks custom field values against the workspace's definitions for `entity` and returns them in
 * their stored form (money with two decimals, multi-selects without repeats); throws
 * VALIDATION_FAILED naming each bad value `customFields.<key>`. `partial` is for edits: only the keys
 * sent are checked, and a blank value comes back as null (= clear it, see mergeCustomFieldValues).
 */
export async function validateCustomFields(
  db: Executor, workspaceId: string, entity: CustomFieldEntity, values: CustomValues, options: { partial: boolean },
): Promise<CustomValues> {
  const definitions = await listDefinitions(db, workspaceId, entity, true);
  const checked = checkCustomFieldValues(definitions.map(asDefinition), values, options);
  if (checked.problems.length > 0) throw fieldErrors('customFields', checked.problems);
  return checked.values;
}

function filterCondition(column: AnyColumn, f: CustomFieldFilter): SQL {
  if (f.op === 'eq') {
    const probe = f.kind === 'multiSelect' ? { [f.key]: [f.value] } : { [f.key]: f.value };
    return sql`${column} @> ${JSON.stringify(probe)}::jsonb`;
  }
  const cmp = f.op === 'from' ? sql`>=` : sql`<=`;
  const has = sql`${column} ? ${f.key}`;
  if (f.kind === 'date') return sql`(${has} and (${column} ->> ${f.key}) ${cmp} ${f.value})`;
  // CASE guards the cast: a stored value of another shape is simply not in range
  const numeric = f.kind === 'number'
    ? sql`case when jsonb_typeof(${column} -> ${f.key}) = 'number' then (${column} ->> ${f.key})::numeric end`
    : sql`case when (${column} ->> ${f.key}) ~ '^-?[0-9]{1,16}(\\.[0-9]{1,2})?$' then (${column} ->> ${f.key})::numeric end`;
  return sql`(${has} and ${numeric} ${cmp} ${String(f.value)}::numeric)`;
}

/**
 * WHERE fragments for `cf.<key>` list parameters on a custom_fields column: equality by JSONB
 * containment (served by the GIN index), ranges on number, money and date fields. Bad parameters
 * are VALIDATION_FAILED naming `cf.<param>`.
 */
export async function customFieldConditions(
  db: Executor, workspaceId: string, entity: CustomFieldEntity, params: Record<string, string> | undefined, column: AnyColumn,
): Promise<SQL[]> {
  if (!params || Object.keys(params).length === 0) return [];
  const definitions = await listDefinitions(db, workspaceId, entity, true);
  const parsed = parseCustomFieldFilters(definitions.map(asDefinition), params);
  if (parsed.problems.length > 0) throw fieldErrors('cf', parsed.problems);
  return parsed.filters.map((f) => filterCondition(column, f));
}
