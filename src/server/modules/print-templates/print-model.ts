import type { PrintKind } from '../../../shared/contracts/print-templates.contract.js';
import type { Executor } from '../../platform/db/client.js';
import { renderLaidOutPdf } from '../../platform/exports/pdf.js';
import { defaultTemplates, kindTitles } from './print-templates.defaults.js';
import { layoutDocument } from './print-templates.layout.js';
import { findTemplateRow } from './print-templates.repository.js';
import { parseTemplate, type PrintModel } from './print-templates.rules.js';

/**
 * The agreed print model (team interface): what a document (quote, contract, delivery note) hands to
 * the print templates. The values are already formatted for print (money '125,000.00', dates
 * '2026年12月1日'); build them with printMoney, printDate and amountInChineseWords.
 */
export type { PrintKind, PrintModel };
export { amountInChineseWords, printDate, printMoney } from './print-templates.rules.js';

/** Renders a template body for a document to a PDF (A4, Chinese font embedded). */
export async function renderTemplatePdf(body: string, model: PrintModel): Promise<Buffer> {
  const { blocks } = parseTemplate(model.kind, body);
  const number = model.fields['doc.number'];
  return renderLaidOutPdf({ title: number ? `${kindTitles[model.kind]} ${number}` : kindTitles[model.kind], content: layoutDocument(blocks, model) });
}

/** Renders the workspace's template for model.kind (or the built-in default) to a PDF. */
export async function renderDocumentPdf(tx: Executor, workspaceId: string, model: PrintModel): Promise<Buffer> {
  const row = await findTemplateRow(tx, workspaceId, model.kind);
  return renderTemplatePdf(row?.body ?? defaultTemplates[model.kind], model);
}
