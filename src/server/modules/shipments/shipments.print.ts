import { printDate, printMoney, renderDocumentPdf, type PrintModel } from '../print-templates/index.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { todayIn } from '../../../shared/dates.js';
import type { CommandContext } from '../../platform/http/context.js';
import { getShipment } from './shipments.service.js';
import { findShipment, printContext } from './shipments.repository.js';

/**
 * The delivery note (送货单) of a shipment as a PDF through the workspace's print template (print
 * model kind delivery_note); the print is audited. Money is not printed on a delivery note.
 */
export async function deliveryNotePdf(ctx: CommandContext, id: string): Promise<{ number: string; pdf: Buffer }> {
  const dto = await getShipment(ctx, id); // scope check (404 out of scope)
  const row = (await findShipment(ctx.db, ctx.workspace.id, id))!;
  const p = await printContext(ctx.db, ctx.workspace.id, row);
  const model: PrintModel = {
    kind: 'delivery_note',
    fields: {
      'company.name': p.contract?.sellerParty ?? p.workspaceName, 'doc.number': dto.number,
      'doc.date': printDate(todayIn(ctx.workspace.timeZone, row.createdAt)),
      'customer.name': p.customer?.name ?? dto.customer.name, 'customer.address': p.customer?.address ?? '',
      'contact.name': dto.receiver ?? '', 'contact.phone': p.customer?.phone ?? '',
      'owner.name': p.owner?.name ?? dto.owner.name, 'owner.phone': '',
      'total.amount': printMoney(dto.amount), 'total.amountInWords': '', 'total.tax': '',
      'shipment.plannedDate': printDate(dto.plannedDate), 'shipment.carrier': dto.carrier ?? '', 'shipment.trackingNo': dto.trackingNo ?? '',
      'shipment.address': dto.deliveryAddress ?? p.customer?.address ?? '', 'order.number': dto.order.number, 'contract.number': dto.contract.number,
    },
    lines: dto.lines.map((l, i) => ({
      no: String(i + 1), product: l.description, description: l.description, unit: l.unit, quantity: l.quantity, packaging: l.packaging ?? '',
    })),
  };
  const pdf = await renderDocumentPdf(ctx.db, ctx.workspace.id, model);
  await ctx.db.transaction((tx) => appendAudit(tx, ctx, { entity: 'shipment', entityId: id, action: 'print', after: { document: 'delivery_note' } }));
  return { number: dto.number, pdf };
}
