import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CancelInvoiceRequestBody, CreateInvoiceRequestBody, InvoicePrefillDto, InvoicePrefillQuery, InvoiceRequestDto, InvoiceRequestListQuery, InvoiceRequestPage,
  IssueInvoiceBody, SubmitInvoiceRequestBody,
} from '../../../shared/contracts/invoices.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import {
  cancelInvoiceRequest, createInvoiceRequest, getInvoiceRequest, invoicePrefill, issueInvoice, listInvoiceRequests, submitInvoiceRequest,
} from './invoices.service.js';

/** Invoice requests (开票申请): sales request against signed contracts, the sales manager approves, finance issues. */
export const invoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['invoices'];

  app.get('/invoice-requests', {
    schema: { tags, summary: 'Invoice requests in my data scope, newest first, by status (finance\'s queue: status=approved), contract and customer, cursor-paged', querystring: InvoiceRequestListQuery, response: withErrors({ 200: InvoiceRequestPage }) },
    preHandler: app.authorize('invoice:read'),
  }, async (req) => listInvoiceRequests(req.ctx, req.query));

  app.get('/invoice-requests/prefill', {
    schema: { tags, summary: 'What a new request for a contract starts with: invoiceable and issued amounts, and the buyer\'s invoicing details (last request, else customer file)', querystring: InvoicePrefillQuery, response: withErrors({ 200: InvoicePrefillDto }) },
    preHandler: app.authorize('invoice:read'),
  }, async (req) => invoicePrefill(req.ctx, req.query.contractId));

  app.post('/invoice-requests', {
    schema: { tags, summary: 'Draft an invoice request (FP<yyyymm>-0001) against a signed or executing contract in my scope; the amount may not exceed what is invoiceable', body: CreateInvoiceRequestBody, response: withErrors({ 201: InvoiceRequestDto }) },
    preHandler: app.authorize('invoice:request'),
  }, async (req, reply) => reply.status(201).send(await createInvoiceRequest(req.ctx, req.body)));

  app.get('/invoice-requests/:id', {
    schema: { tags, summary: 'One invoice request with its approvals', params: IdParams, response: withErrors({ 200: InvoiceRequestDto }) },
    preHandler: app.authorize('invoice:read'),
  }, async (req) => getInvoiceRequest(req.ctx, req.params.id));

  app.post('/invoice-requests/:id/submit', {
    schema: { tags, summary: 'Send a draft request for approval by the sales manager (never the requester)', params: IdParams, body: SubmitInvoiceRequestBody, response: withErrors({ 200: InvoiceRequestDto }) },
    preHandler: app.authorize('invoice:request'),
  }, async (req) => submitInvoiceRequest(req.ctx, req.params.id, req.body));

  app.post('/invoice-requests/:id/cancel', {
    schema: { tags, summary: 'Cancel a draft request; its amount is invoiceable again', params: IdParams, body: CancelInvoiceRequestBody, response: withErrors({ 200: InvoiceRequestDto }) },
    preHandler: app.authorize('invoice:request'),
  }, async (req) => cancelInvoiceRequest(req.ctx, req.params.id, req.body));

  app.post('/invoice-requests/:id/issue', {
    schema: { tags, summary: 'Record the issued invoice on an approved request (finance): invoice number, date, courier and tracking number', params: IdParams, body: IssueInvoiceBody, response: withErrors({ 200: InvoiceRequestDto }) },
    preHandler: app.authorize('invoice:issue'),
  }, async (req) => issueInvoice(req.ctx, req.params.id, req.body));
};
