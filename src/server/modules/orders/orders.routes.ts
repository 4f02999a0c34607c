import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CreateOrderBody, CustomerStatementDto, OrderableLinesDto, OrderChangePage, OrderDto, OrderListQuery, OrderPage, PeriodQuery, RequestOrderChangeBody,
  ShippingLedgerDto, ShippingLedgerQuery,
} from '../../../shared/contracts/orders.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { createOrder, getOrder, listOrderChanges, listOrders, orderableLines, requestOrderChange } from './orders.service.js';
import { customerStatement, shippingLedger } from './statements.service.js';
import { customerStatementXlsx, shippingLedgerXlsx } from './statements.export.js';

/** Sales orders / delivery notices (销售订单 / 发货通知) with order changes; the shipping ledger and the customer statement. */
export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['orders'];

  app.get('/orders', {
    schema: { tags, summary: 'Orders in my data scope, newest first, by status, customer, contract, owner, priority and due date, cursor-paged', querystring: OrderListQuery, response: withErrors({ 200: OrderPage }) },
    preHandler: app.authorize('order:read'),
  }, async (req) => listOrders(req.ctx, req.query));

  app.post('/orders', {
    schema: { tags, summary: 'Place an order (numbered DD<yyyymm>-0001) on a signed or executing contract in my scope: per contract line at most what other orders leave; prices from the contract (sales only — never the warehouse)', body: CreateOrderBody, response: withErrors({ 201: OrderDto }) },
    preHandler: app.authorize('order:create'),
  }, async (req, reply) => reply.status(201).send(await createOrder(req.ctx, req.body)));

  app.get('/orders/:id', {
    schema: { tags, summary: 'One order with its lines (ordered and shipped), change history and the pending change\'s approval', params: IdParams, response: withErrors({ 200: OrderDto }) },
    preHandler: app.authorize('order:read'),
  }, async (req) => getOrder(req.ctx, req.params.id));

  app.get('/orders/:id/changes', {
    schema: { tags, summary: 'The order\'s changes, newest first, each with the values before and after', params: IdParams, response: withErrors({ 200: OrderChangePage }) },
    preHandler: app.authorize('order:read'),
  }, async (req) => listOrderChanges(req.ctx, req.params.id));

  app.post('/orders/:id/changes', {
    schema: { tags, summary: 'Request an order change (quantity, due date, product, packaging, cancellation, rush); one at a time, approved by the sales manager (and the sales VP for large cancellations or increases), applied on approval', params: IdParams, body: RequestOrderChangeBody, response: withErrors({ 201: OrderDto }) },
    preHandler: app.authorize('order:change'),
  }, async (req, reply) => reply.status(201).send(await requestOrderChange(req.ctx, req.params.id, req.body)));

  app.get('/contracts/:id/orderable-lines', {
    schema: { tags, summary: 'What a contract in my scope still has to order, per line: contract quantity, held by orders, remaining, the net unit price', params: IdParams, response: withErrors({ 200: OrderableLinesDto }) },
    preHandler: app.authorize('order:create'),
  }, async (req) => orderableLines(req.ctx, req.params.id));

  app.get('/reports/shipping-ledger', {
    schema: { tags, summary: 'Shipping ledger (发货流水账): every shipment that left the warehouse in the period, by date, in my data scope, with the total', querystring: ShippingLedgerQuery, response: withErrors({ 200: ShippingLedgerDto }) },
    preHandler: app.authorize('shipping_ledger:read'),
  }, async (req) => shippingLedger(req.ctx, req.query));

  app.get('/reports/shipping-ledger.xlsx', {
    schema: { tags, summary: 'The shipping ledger as Excel, same filters and scope', querystring: ShippingLedgerQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('shipping_ledger:read'),
  }, async (req, reply) => {
    const ledger = await shippingLedger(req.ctx, req.query);
    return sendXlsx(req, reply, `shipping-ledger-${ledger.from}_${ledger.to}.xlsx`, shippingLedgerXlsx(ledger, req.ctx.locale));
  });

  app.get('/customers/:id/statement', {
    schema: { tags, summary: 'Customer statement (对账单): opening balance, shipments (debit) and payments received (credit) by date, closing balance', params: IdParams, querystring: PeriodQuery, response: withErrors({ 200: CustomerStatementDto }) },
    preHandler: app.authorize('customer_statement:read'),
  }, async (req) => customerStatement(req.ctx, req.params.id, req.query));

  app.get('/customers/:id/statement.xlsx', {
    schema: { tags, summary: 'The customer statement as Excel', params: IdParams, querystring: PeriodQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('customer_statement:read'),
  }, async (req, reply) => {
    const statement = await customerStatement(req.ctx, req.params.id, req.query);
    return sendXlsx(req, reply, `statement-${statement.from}_${statement.to}.xlsx`, customerStatementXlsx(statement, req.ctx.locale));
  });
};
