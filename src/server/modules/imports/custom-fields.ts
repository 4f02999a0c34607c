import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { customFieldDefinitions } from '../custom-fields/custom-fields.schema.js';
import { customFieldCell, type CustomFieldDef } from './custom-fields.rules.js';
import type { ImportEntity } from './columns.rules.js';
import type { ReadRow } from './rows.rules.js';

/**
 * The `cf.<key>` columns of a file checked against the workspace's custom field definitions (domain
 * §17), loaded once per file: cells are converted to the definition's kind (number, money, date,
 * select, multi-select) and refused as row errors with the custom-fields module's message keys.
 */
export async function validateCustomFields(db: Executor, ctx: CommandContext, entity: ImportEntity) {
  const rows = await db.select().from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, ctx.workspace.id), eq(customFieldDefinitions.entity, entity)));
  const defs = new Map<string, CustomFieldDef>(rows.map((r) => [r.key, { key: r.key, kind: r.kind as CustomFieldDef['kind'], options: r.options, isRequired: r.isRequired, isActive: r.isActive }]));
  const required = [...defs.values()].filter((d) => d.isActive && d.isRequired).map((d) => d.key);
  const check = (read: ReadRow): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(read.customFields)) {
      const result = customFieldCell(defs.get(key), text);
      if (result.ok) values[key] = result.value;
      else {
        const field = `cf.${key}`;
        read.errors.push({ row: read.row, column: read.columns[field] ?? field, field, reason: result.reason, ...(result.params ? { params: result.params } : {}) });
      }
    }
    return values;
  };
  return Object.assign(check, { required });
}

/** On create, every active required custom field needs a value: the missing ones become row errors. */
export function missingRequired(read: ReadRow, required: readonly string[], values: unknown): boolean {
  const present = (values ?? {}) as Record<string, unknown>;
  const missing = required.filter((key) => !(key in present));
  for (const key of missing) read.errors.push({ row: read.row, column: read.columns[`cf.${key}`] ?? `cf.${key}`, field: `cf.${key}`, reason: 'errors.customFieldRequired' });
  return missing.length > 0;
}
