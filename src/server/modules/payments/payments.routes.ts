import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IsoDateString } from '../../../shared/contracts/common.contract.js';
import {
  AllocateCreditBody, CustomerBalanceDto, FilePaymentSlipBody, PaymentSlipDto, PaymentSlipListQuery, PaymentSlipPage, RecordPaymentSlipBody, ResubmitPaymentSlipBody, PaymentDto, PaymentListQuery, PaymentPage, RecordPaymentBody, ReversePaymentBody,
} from '../../../shared/contracts/payments.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { filePaymentSlip, getPaymentSlip, listPaymentSlips, recordPaymentSlip, resubmitPaymentSlip } from './payment-slips.service.js';
import { allocateCredit, customerBalance, getPayment, listPayments, recordPayment, reversePayment } from './payments.service.js';

/** Payments received (回款) and their allocation to receivable lines (核销). */
export const paymentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['payments'];
  app.post('/payments', {
    schema: {
      tags, summary: 'Record a payment received (finance): allocations to the customer\'s open lines, or oldest due first; a rest only with remainder customer_credit',
      body: RecordPaymentBody, response: withErrors({ 201: PaymentDto }),
    },
    preHandler: app.authorize('payment:record'),
  }, async (req, reply) => reply.code(201).send(await recordPayment(req.ctx, req.body)));

  app.get('/payments', {
    schema: { tags, summary: 'Payments in my scope, newest received first, cursor-paged', querystring: PaymentListQuery, response: withErrors({ 200: PaymentPage }) },
    preHandler: app.authorize('payment:read'),
  }, async (req) => listPayments(req.ctx, req.query));

  app.get('/payments/:id', {
    schema: { tags, summary: 'One payment with its allocations', params: IdParams, response: withErrors({ 200: PaymentDto }) },
    preHandler: app.authorize('payment:read'),
  }, async (req) => getPayment(req.ctx, req.params.id));

  app.post('/payments/:id/allocations', {
    schema: { tags, summary: 'Allocate a payment\'s credit balance to open lines (counted received today)', params: IdParams, body: AllocateCreditBody, response: withErrors({ 200: PaymentDto }) },
    preHandler: app.authorize('payment:record'),
  }, async (req) => allocateCredit(req.ctx, req.params.id, req.body));

  app.post('/payments/:id/reverse', {
    schema: { tags, summary: 'Reverse a wrong payment with a reason: the lines get their money back', params: IdParams, body: ReversePaymentBody, response: withErrors({ 200: PaymentDto }) },
    preHandler: app.authorize('payment:reverse'),
  }, async (req) => reversePayment(req.ctx, req.params.id, req.body));

  app.get('/customers/:id/balance', {
    schema: {
      tags, summary: 'What a customer owes (open, overdue) and its credit balance (unallocated payments)', params: IdParams,
      querystring: z.strictObject({ asOf: IsoDateString.optional() }), response: withErrors({ 200: CustomerBalanceDto }),
    },
    preHandler: app.authorize('payment:read'),
  }, async (req) => customerBalance(req.ctx, req.params.id, req.query.asOf));

  // ── payment slips (缴款单): rep files → sales manager approves → finance records ──
  const slipTags = ['payment-slips'];
  app.post('/payment-slips', {
    schema: { tags: slipTags, summary: 'File a payment slip for a received prepayment (sales); it goes to the sales manager for approval', body: FilePaymentSlipBody, response: withErrors({ 201: PaymentSlipDto }) },
    preHandler: app.authorize('payment-slip:file'),
  }, async (req, reply) => reply.code(201).send(await filePaymentSlip(req.ctx, req.body)));

  app.get('/payment-slips', {
    schema: { tags: slipTags, summary: 'Payment slips in my scope, newest first, cursor-paged', querystring: PaymentSlipListQuery, response: withErrors({ 200: PaymentSlipPage }) },
    preHandler: app.authorize('payment-slip:read'),
  }, async (req) => listPaymentSlips(req.ctx, req.query));

  app.get('/payment-slips/:id', {
    schema: { tags: slipTags, summary: 'One payment slip', params: IdParams, response: withErrors({ 200: PaymentSlipDto }) },
    preHandler: app.authorize('payment-slip:read'),
  }, async (req) => getPaymentSlip(req.ctx, req.params.id));

  app.post('/payment-slips/:id/record', {
    schema: { tags: slipTags, summary: 'Record an approved payment slip as a payment on its prepayment line (finance)', params: IdParams, body: RecordPaymentSlipBody, response: withErrors({ 200: PaymentSlipDto }) },
    preHandler: app.authorize('payment:record'),
  }, async (req) => recordPaymentSlip(req.ctx, req.params.id, req.body));

  app.post('/payment-slips/:id/resubmit', {
    schema: { tags: slipTags, summary: 'Correct a returned payment slip and send it for a new approval round (its filer only)', params: IdParams, body: ResubmitPaymentSlipBody, response: withErrors({ 200: PaymentSlipDto }) },
    preHandler: app.authorize('payment-slip:file'),
  }, async (req) => resubmitPaymentSlip(req.ctx, req.params.id, req.body));
};
