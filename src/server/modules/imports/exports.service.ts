import { and, asc, eq, inArray } from 'drizzle-orm';
import Papa from 'papaparse';
import { PassThrough, type Readable } from 'node:stream';
import type { ContactDto, CustomerDto, CustomerListQuery } from '../../../shared/contracts/customers.contract.js';
import type { LeadDto, LeadListQuery } from '../../../shared/contracts/leads.contract.js';
import { forbidden } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { safeCell, streamXlsx, type XlsxColumn } from '../../platform/exports/xlsx.js';
import type { CommandContext } from '../../platform/http/context.js';
import { contacts } from '../customers/customers.schema.js';
import { listCustomers, toContactDto } from '../customers/index.js';
import { customFieldDefinitions } from '../custom-fields/custom-fields.schema.js';
import { listLeads } from '../leads/index.js';
import { entityDefs, fieldLabel, type FieldDef, type ImportEntity } from './columns.rules.js';
import { workspaceTerritories } from './imports.repository.js';

export type ExportFormat = 'xlsx' | 'csv';
export type CustomerExportFilters = Omit<CustomerListQuery, 'limit' | 'cursor'>;
export type LeadExportFilters = Omit<LeadListQuery, 'limit' | 'cursor'>;

const PAGE = 500;

interface Column<T> { header: string; value: (row: T) => string | number | null }

/** A choice's label in the locale (its first zh label, or the code in English) so the file imports back. */
function choiceLabel(def: FieldDef | undefined, code: string | null, locale: CommandContext['locale']): string | null {
  if (code === null || !def?.choices) return code;
  return locale === 'zh-CN' ? def.choices[code]?.[0] ?? code : code;
}

async function customFieldColumns<T extends { customFields: Record<string, unknown> }>(ctx: CommandContext, entity: ImportEntity): Promise<Column<T>[]> {
  const defs = await ctx.db.select({ key: customFieldDefinitions.key }).from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.workspaceId, ctx.workspace.id), eq(customFieldDefinitions.entity, entity), eq(customFieldDefinitions.isActive, true)))
    .orderBy(asc(customFieldDefinitions.sortOrder), asc(customFieldDefinitions.key));
  return defs.map((d) => ({
    header: `cf.${d.key}`,
    value: (row: T) => {
      const v = row.customFields[d.key];
      return v === null || v === undefined ? null : Array.isArray(v) ? v.join('、') : typeof v === 'number' ? v : String(v);
    },
  }));
}

/** Customers the caller sees under the list filters, page by page (the list's own scope, filters and phone masking). */
async function* customerPages(ctx: CommandContext, filters: CustomerExportFilters): AsyncGenerator<CustomerDto[]> {
  let cursor: string | undefined;
  do {
    const page = await listCustomers(ctx, { ...filters, limit: PAGE, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function customerColumns(ctx: CommandContext): Promise<Column<CustomerDto>[]> {
  const def = entityDefs.customers;
  const territories = new Map((await workspaceTerritories(ctx.db, ctx.workspace.id)).map((t) => [t.id, t.name]));
  const label = (field: string) => fieldLabel(def, field, ctx.locale);
  const choice = (field: string, code: string | null) => choiceLabel(def.fields.find((f) => f.field === field), code, ctx.locale);
  return [
    { header: label('name'), value: (c) => c.name },
    { header: label('creditCode'), value: (c) => c.creditCode },
    { header: label('industry'), value: (c) => c.industry },
    { header: label('size'), value: (c) => choice('size', c.size) },
    { header: label('valueClass'), value: (c) => c.valueClass },
    { header: label('status'), value: (c) => choice('status', c.status) },
    { header: label('territory'), value: (c) => (c.territoryId ? territories.get(c.territoryId) ?? null : null) },
    { header: label('address'), value: (c) => c.address },
    { header: label('website'), value: (c) => c.website },
    { header: label('phone'), value: (c) => c.phone },
    { header: label('tags'), value: (c) => c.tags.join('、') },
    { header: label('owner'), value: (c) => c.ownerName },
    { header: label('latitude'), value: (c) => c.latitude },
    { header: label('longitude'), value: (c) => c.longitude },
    ...(await customFieldColumns<CustomerDto>(ctx, 'customers')),
  ];
}

type ContactLine = ContactDto & { customerName: string; customerCreditCode: string | null };

/** Contacts of the customers the caller sees under the same filters, with their customer's name and credit code. */
async function* contactPages(ctx: CommandContext, filters: CustomerExportFilters): AsyncGenerator<ContactLine[]> {
  const canSeePhone = ctx.actor.permissions.has('customer:read_phone');
  for await (const customers of customerPages(ctx, filters)) {
    if (customers.length === 0) continue;
    const byId = new Map(customers.map((c) => [c.id, c]));
    const rows = await ctx.db.select().from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspace.id), inArray(contacts.customerId, [...byId.keys()])))
      .orderBy(asc(contacts.customerId), asc(contacts.name), asc(contacts.id));
    yield rows.map((r) => {
      const customer = byId.get(r.customerId)!;
      return { ...toContactDto(r, canSeePhone), customerName: customer.name, customerCreditCode: customer.creditCode };
    });
  }
}

async function contactColumns(ctx: CommandContext): Promise<Column<ContactLine>[]> {
  const def = entityDefs.contacts;
  const label = (field: string) => fieldLabel(def, field, ctx.locale);
  const choice = (field: string, code: string | null) => choiceLabel(def.fields.find((f) => f.field === field), code, ctx.locale);
  return [
    { header: label('customer'), value: (c) => c.customerName },
    { header: label('customerCreditCode'), value: (c) => c.customerCreditCode },
    { header: label('name'), value: (c) => c.name },
    { header: label('title'), value: (c) => c.title },
    { header: label('department'), value: (c) => c.department },
    { header: label('mobile'), value: (c) => c.mobile },
    { header: label('phone'), value: (c) => c.phone },
    { header: label('email'), value: (c) => c.email },
    { header: label('im'), value: (c) => c.im },
    { header: label('birthday'), value: (c) => c.birthday },
    { header: label('notes'), value: (c) => c.notes },
    { header: label('buyingRole'), value: (c) => choice('buyingRole', c.buyingRole) },
    { header: label('attitude'), value: (c) => choice('attitude', c.attitude) },
    { header: label('influence'), value: (c) => choice('influence', c.influence) },
    ...(await customFieldColumns<ContactLine>(ctx, 'contacts')),
  ];
}

/** Leads the caller sees under the lead list's filters, page by page. */
async function* leadPages(ctx: CommandContext, filters: LeadExportFilters): AsyncGenerator<LeadDto[]> {
  let cursor: string | undefined;
  do {
    const page = await listLeads(ctx, { ...filters, limit: PAGE, cursor });
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

async function leadColumns(ctx: CommandContext): Promise<Column<LeadDto>[]> {
  const def = entityDefs.leads;
  const label = (field: string) => fieldLabel(def, field, ctx.locale);
  const source = (code: string) => choiceLabel(def.fields.find((f) => f.field === 'source'), code, ctx.locale);
  return [
    { header: ctx.locale === 'en-US' ? 'Number' : '编号', value: (l) => l.number },
    { header: label('company'), value: (l) => l.company },
    { header: label('contactName'), value: (l) => l.contactName },
    { header: label('title'), value: (l) => l.title },
    { header: label('phone'), value: (l) => l.phone },
    { header: label('email'), value: (l) => l.email },
    { header: label('im'), value: (l) => l.im },
    { header: label('region'), value: (l) => l.region },
    { header: label('industry'), value: (l) => l.industry },
    { header: label('source'), value: (l) => source(l.source) },
    { header: label('needDescription'), value: (l) => l.needDescription },
    { header: label('estimatedAmount'), value: (l) => l.estimatedAmount },
    { header: label('owner'), value: (l) => l.ownerName },
    { header: ctx.locale === 'en-US' ? 'Status' : '状态', value: (l) => l.status },
    ...(await customFieldColumns<LeadDto>(ctx, 'leads')),
  ];
}

/** CSV with a UTF-8 BOM (so Excel opens Chinese correctly), CRLF lines, formula-looking cells neutralised, streamed page by page. */
function streamCsv<T>(columns: Column<T>[], pages: AsyncIterable<T[]>): Readable {
  const stream = new PassThrough();
  const line = (cells: (string | number | null)[]) => `${Papa.unparse([cells.map((c) => safeCell(c) ?? '')], { newline: '\r\n' })}\r\n`;
  void (async () => {
    stream.write(`\ufeff${line(columns.map((c) => c.header))}`);
    for await (const page of pages) {
      if (page.length > 0) stream.write(page.map((row) => line(columns.map((c) => c.value(row)))).join(''));
    }
    stream.end();
  })().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}

const EXPORT_PERMISSION: Record<ImportEntity, string> = { customers: 'customer:read', contacts: 'customer:read', leads: 'lead:read' };

/**
 * Exports the caller's current list (same filters, data scope and field masking as the list) as
 * xlsx or CSV, streamed; audited as an export with its filters before the first byte leaves.
 */
export async function exportEntity(ctx: CommandContext, entity: ImportEntity, format: ExportFormat, filters: CustomerExportFilters | LeadExportFilters): Promise<Readable> {
  if (!ctx.actor.permissions.has(EXPORT_PERMISSION[entity])) throw forbidden();
  await appendAudit(ctx.db, ctx, { entity: entity.slice(0, -1), action: 'export', after: { format, filters } });
  const toStream = <T>(sheet: string, columns: Column<T>[], pages: AsyncIterable<T[]>) => {
    if (format === 'csv') return streamCsv(columns, pages);
    const { stream } = streamXlsx<T>(sheet, columns.map((c): XlsxColumn<T> => ({ header: c.header, value: c.value, width: 20 })), pages);
    return stream;
  };
  if (entity === 'customers') return toStream('customers', await customerColumns(ctx), customerPages(ctx, filters as CustomerExportFilters));
  if (entity === 'contacts') return toStream('contacts', await contactColumns(ctx), contactPages(ctx, filters as CustomerExportFilters));
  return toStream('leads', await leadColumns(ctx), leadPages(ctx, filters as LeadExportFilters));
}
