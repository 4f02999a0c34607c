import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EmptyBody, IdParams } from '../../../shared/contracts/common.contract.js';
import {
  AcceptQuoteBody, AcceptQuoteResponse, CreateQuoteBody, DeclineQuoteBody, EvaluateQuoteBody, EvaluationDto, QuoteDto, QuoteListQuery, QuotePage,
  QuoteVersionBody, UpdateQuoteBody,
} from '../../../shared/contracts/quotes.contract.js';
import { PDF_TYPE } from '../../platform/exports/pdf.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { renderDocumentPdf } from '../print-templates/index.js';
import { quotePrintModel } from './quotes.print.js';
import {
  acceptQuote, copyQuote, createQuote, declineQuote, evaluateQuote, getQuote, listQuotes, quotePrintData, sendQuote, submitQuote, updateQuote,
} from './quotes.service.js';

/** Quotes (报价单, domain §8): draft, dry-run evaluation, approval by the engine, send, the customer's answer, copy, revisions and PDF. */
export const quoteRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['quotes'];

  app.get('/quotes', {
    schema: { tags, summary: 'Quotes in my data scope, newest first, by status (expired = past validity), customer, opportunity and owner, cursor-paged', querystring: QuoteListQuery, response: withErrors({ 200: QuotePage }) },
    preHandler: app.authorize('quote:read'),
  }, async (req) => listQuotes(req.ctx, req.query));

  app.post('/quotes', {
    schema: { tags, summary: 'Draft a quote (numbered BJ<yyyyMM>-0001) for a customer in my scope; totals and approval reasons are computed', body: CreateQuoteBody, response: withErrors({ 201: QuoteDto }) },
    preHandler: app.authorize('quote:create'),
  }, async (req, reply) => reply.status(201).send(await createQuote(req.ctx, req.body)));

  app.post('/quotes/evaluate', {
    schema: { tags, summary: 'Dry run: totals, approval reasons and approval steps for lines of a customer; writes nothing', body: EvaluateQuoteBody, response: withErrors({ 200: EvaluationDto }) },
    preHandler: app.authorize('quote:create'),
  }, async (req) => evaluateQuote(req.ctx, req.body));

  app.get('/quotes/:id', {
    schema: { tags, summary: 'One quote with lines, totals, approval reasons, approvals and earlier revisions', params: IdParams, response: withErrors({ 200: QuoteDto }) },
    preHandler: app.authorize('quote:read'),
  }, async (req) => getQuote(req.ctx, req.params.id));

  app.get('/quotes/:id.pdf', {
    schema: { tags, summary: 'The quote printed through the workspace\'s quote template (PDF, Chinese font embedded)', params: IdParams, response: withErrors({ 200: z.any().describe('pdf file') }) },
    preHandler: app.authorize('quote:read'),
  }, async (req, reply) => {
    const data = await quotePrintData(req.ctx, req.params.id);
    const pdf = await renderDocumentPdf(req.ctx.db, req.ctx.workspace.id, quotePrintModel(data));
    return reply.type(PDF_TYPE).header('content-disposition', `attachment; filename="${data.row.number}-v${data.row.revision}.pdf"`).send(pdf);
  });

  app.patch('/quotes/:id', {
    schema: { tags, summary: 'Edit a quote: one in review re-opens to draft; an approved or sent one becomes the next revision; the approval is cancelled', params: IdParams, body: UpdateQuoteBody, response: withErrors({ 200: QuoteDto }) },
    preHandler: app.authorize('quote:update'),
  }, async (req) => updateQuote(req.ctx, req.params.id, req.body));

  app.post('/quotes/:id/submit', {
    schema: { tags, summary: 'Send a draft for approval: sales supervisor, sales manager; an exception quote above quotes.managerMaxAmount also the sales VP', params: IdParams, body: QuoteVersionBody, response: withErrors({ 200: QuoteDto }) },
    preHandler: app.authorize('quote:submit'),
  }, async (req) => submitQuote(req.ctx, req.params.id, req.body));

  app.post('/quotes/:id/send', {
    schema: { tags, summary: 'Record that an approved, unexpired quote was sent to the customer', params: IdParams, body: QuoteVersionBody, response: withErrors({ 200: QuoteDto }) },
    preHandler: app.authorize('quote:send'),
  }, async (req) => sendQuote(req.ctx, req.params.id, req.body));

  app.post('/quotes/:id/accept', {
    schema: { tags, summary: 'The customer accepts a sent, unexpired quote: drafts a contract from it (lines, opportunity, payment plan from the terms)', params: IdParams, body: AcceptQuoteBody, response: withErrors({ 200: AcceptQuoteResponse }) },
    preHandler: app.authorize('quote:accept'),
  }, async (req) => acceptQuote(req.ctx, req.params.id, req.body));

  app.post('/quotes/:id/decline', {
    schema: { tags, summary: 'The customer declines a sent quote (rejected_by_customer), with the reason', params: IdParams, body: DeclineQuoteBody, response: withErrors({ 200: QuoteDto }) },
    preHandler: app.authorize('quote:accept'),
  }, async (req) => declineQuote(req.ctx, req.params.id, req.body));

  app.post('/quotes/:id/copy', {
    schema: { tags, summary: 'Copy a quote into a new draft of mine; the copy carries no approval', params: IdParams, body: EmptyBody, response: withErrors({ 201: QuoteDto }) },
    preHandler: app.authorize('quote:create'),
  }, async (req, reply) => reply.status(201).send(await copyQuote(req.ctx, req.params.id)));
};
