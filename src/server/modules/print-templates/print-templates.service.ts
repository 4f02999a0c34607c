import type {
  PrintKind, PrintTemplateDto, PrintTemplateSummaryDto, ResetPrintTemplateBody, SavePrintTemplateBody,
} from '../../../shared/contracts/print-templates.contract.js';
import { printKinds } from '../../../shared/contracts/print-templates.contract.js';
import { AppError, conflict, forbidden } from '../../../shared/errors.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { translate } from '../../platform/i18n/translate.js';
import { getContract } from '../contracts/index.js';
import { maskPhone } from '../customers/index.js';
import { renderDocumentPdf, renderTemplatePdf } from './print-model.js';
import { contractPrintModel, inlinePdfDisposition } from './print-templates.contract-model.js';
import { defaultTemplates } from './print-templates.defaults.js';
import { writePermissionOf } from './print-templates.permissions.js';
import {
  customerPrintInfo, findTemplateRow, insertTemplateRow, listTemplateRows, productNames, updateTemplateRow, userNames, type PrintTemplateRow,
} from './print-templates.repository.js';
import { columnLabels, lineColumns, printFields, printTables, validateTemplate } from './print-templates.rules.js';
import { sampleModel } from './print-templates.samples.js';

const mayEdit = (ctx: CommandContext, kind: PrintKind) => ctx.actor.permissions.has(writePermissionOf(kind));

function refuseInvalid(kind: PrintKind, body: string) {
  const problems = validateTemplate(kind, body);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems[0]!.params ?? {}, problems);
}

function summaryOf(ctx: CommandContext, kind: PrintKind, row: PrintTemplateRow | undefined, names: Map<string, string>): PrintTemplateSummaryDto {
  return {
    kind, isDefault: !row || row.body === null, version: row?.version ?? 0, updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ? { id: row.updatedBy, name: names.get(row.updatedBy) ?? '—' } : null, canEdit: mayEdit(ctx, kind),
  };
}

async function toDto(ctx: CommandContext, kind: PrintKind, row: PrintTemplateRow | null): Promise<PrintTemplateDto> {
  const names = await userNames(ctx.db, ctx.workspace.id, [row?.updatedBy ?? null]);
  const sample = sampleModel(kind, ctx.workspace.name);
  const column = (key: string) => ({ key, label: columnLabels[key] ?? key });
  return {
    ...summaryOf(ctx, kind, row ?? undefined, names),
    body: row?.body ?? defaultTemplates[kind], defaultBody: defaultTemplates[kind],
    placeholders: printFields[kind].map((name) => ({ name, label: translate(ctx.locale, `print.field.${name}`), sample: sample.fields[name] ?? '' })),
    lineColumns: lineColumns[kind].map(column),
    tables: Object.entries(printTables[kind]).map(([name, columns]) => ({ name, columns: columns.map(column) })),
  };
}

/** The three kinds of printed document with whether the workspace's own template or the default prints. */
export async function listPrintTemplates(ctx: CommandContext): Promise<{ items: PrintTemplateSummaryDto[] }> {
  const rows = await listTemplateRows(ctx.db, ctx.workspace.id);
  const names = await userNames(ctx.db, ctx.workspace.id, rows.map((r) => r.updatedBy));
  return { items: printKinds.map((kind) => summaryOf(ctx, kind, rows.find((r) => r.kind === kind), names)) };
}

/** The template in force for a kind (the built-in default until one is saved) with what it may name. */
export async function getPrintTemplate(ctx: CommandContext, kind: PrintKind): Promise<PrintTemplateDto> {
  return toDto(ctx, kind, await findTemplateRow(ctx.db, ctx.workspace.id, kind));
}

/**
 * Saves the workspace's template of a kind at the version read (0 for the first). Only those who
 * keep that kind may (reps never: §1.1); unknown placeholders, tables, columns or directives are a
 * 400 naming them, so nothing prints raw braces. Audited with the body before and after.
 */
export async function savePrintTemplate(ctx: CommandContext, kind: PrintKind, input: SavePrintTemplateBody): Promise<PrintTemplateDto> {
  if (!mayEdit(ctx, kind)) throw forbidden('errors.printTemplateKindForbidden');
  refuseInvalid(kind, input.body);
  return writeTemplate(ctx, kind, input.version, input.body, 'update');
}

/** Goes back to the built-in default (the row keeps its version, so a stale editor still gets 409). Audited. */
export async function resetPrintTemplate(ctx: CommandContext, kind: PrintKind, input: ResetPrintTemplateBody): Promise<PrintTemplateDto> {
  if (!mayEdit(ctx, kind)) throw forbidden('errors.printTemplateKindForbidden');
  return writeTemplate(ctx, kind, input.version, null, 'reset');
}

async function writeTemplate(ctx: CommandContext, kind: PrintKind, version: number, body: string | null, action: 'update' | 'reset'): Promise<PrintTemplateDto> {
  const ws = ctx.workspace.id;
  try {
    const saved = await ctx.db.transaction(async (tx) => {
      const before = await findTemplateRow(tx, ws, kind, { forUpdate: true });
      if ((before?.version ?? 0) !== version) throw conflict();
      const row = before
        ? await updateTemplateRow(tx, { workspaceId: ws, kind, expectedVersion: version, body, updatedBy: ctx.actor.id })
        : await insertTemplateRow(tx, { workspaceId: ws, kind, body, updatedBy: ctx.actor.id });
      if (!row) throw conflict();
      await appendAudit(tx, ctx, {
        entity: 'print_template', entityId: row.id, action,
        before: { kind, body: before?.body ?? null, version: before?.version ?? 0 }, after: { kind, body: row.body, version: row.version },
      });
      return row;
    });
    return await toDto(ctx, kind, saved);
  } catch (error) {
    // two first saves of the same kind at once: the second finds the row taken, as a stale version
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

/** A template not yet saved, printed with sample data of its kind (same checks as saving). */
export async function previewPrintTemplate(ctx: CommandContext, kind: PrintKind, body: string): Promise<Buffer> {
  refuseInvalid(kind, body);
  return renderTemplatePdf(body, sampleModel(kind, ctx.workspace.name));
}

/**
 * A contract printed through the workspace's contract template: read through the contracts module, so
 * only a contract in the caller's data scope prints (else 404). The print is audited.
 */
export async function printContract(ctx: CommandContext, contractId: string): Promise<{ pdf: Buffer; disposition: string }> {
  const contract = await getContract(ctx, contractId);
  const ws = ctx.workspace.id;
  const [customer, products] = await Promise.all([
    customerPrintInfo(ctx.db, ws, contract.customer.id),
    productNames(ctx.db, ws, contract.lines.map((l) => l.productId)),
  ]);
  const phone = customer.contact ? (customer.contact.mobile ?? customer.contact.phone) : customer.customerPhone;
  const model = contractPrintModel(contract, {
    companyName: ctx.workspace.name, customerAddress: customer.address, contactName: customer.contact?.name ?? null,
    contactPhone: ctx.actor.permissions.has('customer:read_phone') ? phone : maskPhone(phone), ownerPhone: null, productNames: products,
  });
  const pdf = await ctx.db.transaction(async (tx) => {
    await appendAudit(tx, ctx, { entity: 'contract', entityId: contract.id, action: 'print', after: { number: contract.number, format: 'pdf' } });
    return renderDocumentPdf(tx, ws, model);
  });
  return { pdf, disposition: inlinePdfDisposition(contract.number) };
}
