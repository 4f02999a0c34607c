import type {
  CreateInvoiceRequestBody, InvoicePrefillDto, InvoiceRequestDto, InvoiceRequestListQuery, InvoiceRequestStatus, InvoiceRequestSummaryDto, IssueInvoiceBody,
} from '../../../shared/contracts/invoices.contract.js';
import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';
import { registerApprovalSubject, type ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { approvalsOf, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { allocateNumber } from '../../platform/numbering/numbering.service.js';
import { findContractForInvoicing, signedStatuses } from '../contracts/index.js';
import { customerAccess } from '../customers/index.js';
import type { InvoicePermission } from './invoices.permissions.js';
import {
  decideInvoiceRequest, findInvoiceRequest, findInvoiceRequestInScope, insertInvoiceRequest, invoiceNames, issuedAmountOf, lastRequestOfCustomer, listInvoiceRequestRows,
  requestedAmountOf, setInvoiceApproval, updateInvoiceRequest, type InvoiceRequestRow,
} from './invoices.repository.js';
import { invoiceable, issuedInFuture, nextInvoiceStatus, normaliseTaxNumber, overInvoiceable, validateInvoiceRequest } from './invoices.rules.js';

/** Approval document type of an invoice request (开票申请); the approval's subject is the request. */
export const INVOICE_DOCUMENT = 'invoice_request';
/** numbering type (编号规则): FP<yyyymm>-0001 */
const INVOICE_NUMBERING = 'invoice';

const has = (ctx: CommandContext, permission: InvoicePermission) => ctx.actor.permissions.has(permission);
const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
type Status = InvoiceRequestStatus;
/** Contracts one may invoice: signed or executing (not a draft, not terminated or completed). */
const invoicingStatuses: readonly string[] = signedStatuses.filter((s) => s !== 'completed');

/** The requester, the contract's owner or a sales manager (the request is in their scope) act on a request. */
const mayAct = (ctx: CommandContext, row: InvoiceRequestRow) =>
  has(ctx, 'invoice:request') && (row.requestedBy === ctx.actor.id || row.ownerId === ctx.actor.id || ctx.actor.roles.includes('sales_manager'));

function toSummary(row: InvoiceRequestRow, names: Awaited<ReturnType<typeof invoiceNames>>): InvoiceRequestSummaryDto {
  const c = names.contracts.get(row.contractId);
  const person = (id: string) => ({ id, name: names.users.get(id) ?? '—' });
  return {
    id: row.id, number: row.number, contract: { id: row.contractId, number: c?.number ?? '—', title: c?.title ?? '—' },
    customer: { id: row.customerId, name: names.customers.get(row.customerId) ?? '—' }, owner: person(row.ownerId),
    invoiceType: row.invoiceType as InvoiceRequestDto['invoiceType'], title: row.title, amount: row.amount, status: row.status as Status,
    requestedBy: person(row.requestedBy), invoiceNumber: row.invoiceNumber, issuedOn: row.issuedOn,
    createdAt: row.createdAt.toISOString(), version: row.version,
  };
}

async function toDto(ctx: CommandContext, row: InvoiceRequestRow): Promise<InvoiceRequestDto> {
  const names = await invoiceNames(ctx.db, ctx.workspace.id, [row]);
  const status = row.status as Status;
  return {
    ...toSummary(row, names),
    taxNumber: row.taxNumber, bankName: row.bankName, bankAccount: row.bankAccount, address: row.address, phone: row.phone, note: row.note,
    courier: row.courier, trackingNo: row.trackingNo,
    issuedBy: row.issuedBy ? { id: row.issuedBy, name: names.users.get(row.issuedBy) ?? '—' } : null,
    approvalId: row.approvalId, approvals: await approvalsOf(ctx, INVOICE_DOCUMENT, row.id),
    canSubmit: mayAct(ctx, row) && nextInvoiceStatus(status, 'submit') !== null,
    canCancel: mayAct(ctx, row) && nextInvoiceStatus(status, 'cancel') !== null,
    canIssue: has(ctx, 'invoice:issue') && nextInvoiceStatus(status, 'issue') !== null,
  };
}

async function requireRequest(db: Executor, ctx: CommandContext, id: string, opts: { forUpdate?: boolean } = {}): Promise<InvoiceRequestRow> {
  const row = await findInvoiceRequestInScope(db, ctx.workspace.id, await visibleOwners(db, ctx), id, opts);
  if (!row) throw notFound('invoiceRequest');
  return row;
}

/** One invoice request in the caller's data scope (the contract owner's), with its approvals. */
export async function getInvoiceRequest(ctx: CommandContext, id: string): Promise<InvoiceRequestDto> {
  return toDto(ctx, await requireRequest(ctx.db, ctx, id));
}

/** Invoice requests of the caller's data scope, newest first, by status (finance's queue: approved), contract and customer. */
export async function listInvoiceRequests(ctx: CommandContext, q: InvoiceRequestListQuery) {
  const owners = await visibleOwners(ctx.db, ctx);
  const rows = await listInvoiceRequestRows(ctx.db, {
    workspaceId: ctx.workspace.id, owners, status: q.status, contractId: q.contractId, customerId: q.customerId, q: q.q,
    beforeId: decodeIdCursor(q.cursor), limit: q.limit,
  });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const names = await invoiceNames(ctx.db, ctx.workspace.id, page.items);
  return { items: page.items.map((r) => toSummary(r, names)), nextCursor: page.nextCursor };
}

/**
 * What the request form starts with for a contract in scope: the invoiceable and issued amounts, and the
 * buyer's invoicing details from the customer's last request, else from the customer file (name as
 * title, credit code as tax number, address, phone; the file holds no bank details).
 */
export async function invoicePrefill(ctx: CommandContext, contractId: string): Promise<InvoicePrefillDto> {
  const contract = await findContractForInvoicing(ctx.db, ctx, contractId);
  if (!contract) throw notFound('contract');
  const requested = await requestedAmountOf(ctx.db, ctx.workspace.id, contractId);
  const issued = await issuedAmountOf(ctx.db, ctx.workspace.id, contractId);
  const base = { contractId, contractAmount: contract.amount, invoiceable: invoiceable(contract.amount, requested), issued };
  const last = await lastRequestOfCustomer(ctx.db, ctx.workspace.id, contract.customerId);
  if (last) {
    return { ...base, title: last.title, taxNumber: last.taxNumber, bankName: last.bankName, bankAccount: last.bankAccount, address: last.address, phone: last.phone, source: 'last_request' };
  }
  const customer = (await customerAccess(ctx.db, ctx, contract.customerId))?.row;
  return {
    ...base, title: customer?.name ?? '', taxNumber: customer?.creditCode ?? null, bankName: null, bankAccount: null,
    address: customer?.address ?? null, phone: customer?.phone ?? null, source: 'customer',
  };
}

/**
 * Drafts an invoice request (开票申请, numbered FP<yyyymm>-0001) against a signed or executing contract
 * in the caller's scope. The amount is above zero and at most what is still invoiceable (contract
 * amount − requests not rejected or cancelled): equal passes, one cent more → 422 naming the
 * invoiceable amount. The contract row is locked, so two requests at once cannot both take the rest.
 */
export async function createInvoiceRequest(ctx: CommandContext, input: CreateInvoiceRequestBody): Promise<InvoiceRequestDto> {
  const errors = validateInvoiceRequest(input);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  const id = await ctx.db.transaction(async (tx) => {
    const contract = await findContractForInvoicing(tx, ctx, input.contractId, { forUpdate: true });
    if (!contract) throw notFound('contract');
    if (!invoicingStatuses.includes(contract.status)) throw new AppError('RULE_VIOLATION', 'errors.invoiceContractNotSigned', { status: contract.status });
    const requested = await requestedAmountOf(tx, ctx.workspace.id, contract.id);
    const over = overInvoiceable(input.amount, contract.amount, requested);
    if (over) throw new AppError('RULE_VIOLATION', 'errors.invoiceOverInvoiceable', over, [{ path: 'amount', message: 'errors.invoiceOverInvoiceable', params: over }]);
    const number = await allocateNumber(tx, ctx.workspace, INVOICE_NUMBERING);
    const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
    const row = await insertInvoiceRequest(tx, {
      workspaceId: ctx.workspace.id, number, contractId: contract.id, customerId: contract.customerId, ownerId: contract.ownerId,
      invoiceType: input.invoiceType, title: input.title, taxNumber: normaliseTaxNumber(input.taxNumber), bankName: blank(input.bankName),
      bankAccount: blank(input.bankAccount), address: blank(input.address), phone: blank(input.phone), amount: money.format(input.amount),
      note: blank(input.note), status: 'draft', requestedBy: ctx.actor.id,
    });
    await appendAudit(tx, ctx, { entity: 'invoice_request', entityId: row.id, action: 'create', after: row });
    return row.id;
  });
  return getInvoiceRequest(ctx, id);
}

/** Sends a draft request for approval by the sales manager (the requester never approves their own). */
export async function submitInvoiceRequest(ctx: CommandContext, id: string, input: { version: number }): Promise<InvoiceRequestDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireRequest(tx, ctx, id, { forUpdate: true });
    if (!mayAct(ctx, row)) throw forbidden('errors.notRequesterOrOwner');
    if (row.version !== input.version) throw conflict();
    const to = nextInvoiceStatus(row.status as Status, 'submit');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.invoiceNotSubmittable');
    const claimed = await updateInvoiceRequest(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to } });
    if (!claimed) throw conflict();
    const names = await invoiceNames(tx, ctx.workspace.id, [row]);
    const contract = names.contracts.get(row.contractId);
    const { approvalId } = await submitForApproval(tx, ctx, {
      documentType: INVOICE_DOCUMENT, subjectId: id,
      title: `开票申请：${row.title} ${row.amount}（${contract?.number ?? ''}，${row.number}）`,
      snapshot: {
        invoiceRequestId: id, number: row.number, contractNumber: contract?.number ?? '', contractTitle: contract?.title ?? '',
        customerName: names.customers.get(row.customerId) ?? '', invoiceType: row.invoiceType, title: row.title, taxNumber: row.taxNumber,
        bankName: row.bankName, bankAccount: row.bankAccount, address: row.address, phone: row.phone, amount: row.amount, note: row.note,
      },
    });
    await setInvoiceApproval(tx, ctx.workspace.id, id, approvalId);
    await appendAudit(tx, ctx, { entity: 'invoice_request', entityId: id, action: 'submit', before: { status: row.status }, after: { status: to, approvalId } });
  });
  return getInvoiceRequest(ctx, id);
}

/** Cancels a draft request (it no longer holds part of the contract amount). */
export async function cancelInvoiceRequest(ctx: CommandContext, id: string, input: { version: number }): Promise<InvoiceRequestDto> {
  await ctx.db.transaction(async (tx) => {
    const row = await requireRequest(tx, ctx, id, { forUpdate: true });
    if (!mayAct(ctx, row)) throw forbidden('errors.notRequesterOrOwner');
    if (row.version !== input.version) throw conflict();
    const to = nextInvoiceStatus(row.status as Status, 'cancel');
    if (!to) throw new AppError('RULE_VIOLATION', 'errors.invoiceNotCancellable');
    const updated = await updateInvoiceRequest(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set: { status: to } });
    if (!updated) throw conflict();
    await appendAudit(tx, ctx, { entity: 'invoice_request', entityId: id, action: 'cancel', before: { status: row.status }, after: { status: to } });
  });
  return getInvoiceRequest(ctx, id);
}

/**
 * Records the issued invoice (开票) on an approved request — finance only: the invoice number (once per
 * workspace), the invoice date (not in the future), courier and tracking number.
 */
export async function issueInvoice(ctx: CommandContext, id: string, input: IssueInvoiceBody): Promise<InvoiceRequestDto> {
  const today = todayOf(ctx);
  if (issuedInFuture(input.issuedOn, today)) throw invalidField('issuedOn', 'errors.issuedInFuture', { today });
  try {
    await ctx.db.transaction(async (tx) => {
      const row = await requireRequest(tx, ctx, id, { forUpdate: true });
      if (row.version !== input.version) throw conflict();
      const to = nextInvoiceStatus(row.status as Status, 'issue');
      if (!to) throw new AppError('RULE_VIOLATION', 'errors.invoiceNotIssuable', { status: row.status });
      const set = {
        status: to, invoiceNumber: input.invoiceNumber.toUpperCase(), issuedOn: input.issuedOn, courier: input.courier?.trim() || null,
        trackingNo: input.trackingNo?.trim() || null, issuedBy: ctx.actor.id, issuedAt: new Date(),
      };
      const updated = await updateInvoiceRequest(tx, { workspaceId: ctx.workspace.id, id, expectedVersion: input.version, set });
      if (!updated) throw conflict();
      await appendAudit(tx, ctx, { entity: 'invoice_request', entityId: id, action: 'issue', before: { status: row.status }, after: set });
      await emitEvent(tx, ctx.workspace.id, {
        topic: 'invoice.issued',
        payload: { invoiceRequestId: id, contractId: row.contractId, customerId: row.customerId, amount: row.amount, invoiceNumber: set.invoiceNumber, issuedOn: input.issuedOn, by: ctx.actor.id },
        notify: { userIds: [...new Set([row.requestedBy, row.ownerId])], kind: 'invoice_issued', params: { number: row.number, invoiceNumber: set.invoiceNumber, amount: row.amount }, link: `/contracts/${row.contractId}?tab=invoices` },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const params = { invoiceNumber: input.invoiceNumber.toUpperCase() };
      throw new AppError('CONFLICT', 'errors.invoiceNumberUsed', params, [{ path: 'invoiceNumber', message: 'errors.invoiceNumberUsed', params }]);
    }
    throw error;
  }
  return getInvoiceRequest(ctx, id);
}

function recordDecision(decision: 'approved' | 'rejected' | 'returned') {
  return async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const current = await findInvoiceRequest(tx, ctx.workspace.id, outcome.subjectId);
    if (!current) return;
    const row = await decideInvoiceRequest(tx, ctx.workspace.id, outcome.subjectId, decision === 'returned' ? 'draft' : decision);
    if (!row) return;
    await appendAudit(tx, ctx, {
      entity: 'invoice_request', entityId: row.id, action: decision === 'approved' ? 'approve' : decision === 'rejected' ? 'reject' : 'return',
      before: { status: 'in_review' }, after: { status: row.status, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
}

registerApprovalSubject(INVOICE_DOCUMENT, {
  defaultFlow: { name: '开票申请审批', steps: [{ label: '销售经理审批', approver: { role: 'sales_manager' } }] },
  link: (id) => `/invoice-requests/${id}`,
  onApproved: recordDecision('approved'),
  onRejected: recordDecision('rejected'),
  onReturned: recordDecision('returned'),
});
