import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CancelShipmentBody, CreateShipmentBody, CreditCheckQuery, CreditPositionDto, DeliverShipmentBody, OverrideRequestBody, ReviewShipmentBody,
  ShipmentDto, ShipmentListQuery, ShipmentPage, ShipShipmentBody, VersionBody,
} from '../../../shared/contracts/shipments.contract.js';
import { AppError } from '../../../shared/errors.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { deliveryNotePdf } from './shipments.print.js';
import { cancelShipment, createShipment, getShipment, listShipments, previewCredit, requestOverride, warehouseStep } from './shipments.service.js';

/** Shipments (发货, domain §9): created by sales from orders with the credit check, the over-credit override, and the warehouse steps. */
export const shipmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['shipments'];

  app.get('/shipments', {
    schema: { tags, summary: 'Shipments in my scope (warehouse: all), rush first then by planned date: the warehouse work queue; filters status (or queue), customer, order, planned date range; cursor-paged', querystring: ShipmentListQuery, response: withErrors({ 200: ShipmentPage }) },
    preHandler: app.authorize('shipment:read'),
  }, async (req) => listShipments(req.ctx, req.query));

  app.post('/shipments', {
    schema: { tags, summary: 'Create a shipment from an order (sales): quantities at most ordered − shipped − on open shipments; amount from the order prices; 422 RULE_VIOLATION when the credit check fails (nothing written) unless creditHold: true saves it on credit hold', body: CreateShipmentBody, response: withErrors({ 201: ShipmentDto }) },
    preHandler: app.authorize('shipment:create'),
  }, async (req, reply) => reply.status(201).send(await createShipment(req.ctx, req.body)));

  app.get('/shipments/credit-check', {
    schema: { tags, summary: 'Credit position before shipping: limit, exposure now and with this shipment, available, overdue lines, verdict — for an order and amount, or for a shipment', querystring: CreditCheckQuery, response: withErrors({ 200: CreditPositionDto }) },
    preHandler: app.authorize('shipment:credit_check'),
  }, async (req) => previewCredit(req.ctx, req.query));

  app.get('/shipments/:id', {
    schema: { tags, summary: 'One shipment with lines, timeline and the frozen credit position', params: IdParams, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:read'),
  }, async (req) => getShipment(req.ctx, req.params.id));

  app.get('/shipments/:id/delivery-note.pdf', {
    schema: { tags, summary: 'The delivery note (送货单) as PDF through the workspace print template (audited)', params: IdParams, response: withErrors({ 200: z.any().describe('pdf file') }) },
    preHandler: app.authorize('shipment:read'),
  }, async (req, reply) => {
    const { number, pdf } = await deliveryNotePdf(req.ctx, req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${number}.pdf"`).send(pdf);
  });

  app.post('/shipments/:id/override-request', {
    schema: { tags, summary: 'Ask for the over-credit override of a shipment on credit hold: finance approves a small shortfall with nothing overdue, the GM otherwise; on approval this shipment (only) goes to the warehouse', params: IdParams, body: OverrideRequestBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:override_request'),
  }, async (req) => requestOverride(req.ctx, req.params.id, req.body));

  app.post('/shipments/:id/cancel', {
    schema: { tags, summary: 'Cancel a shipment not yet picked (sales); its quantities are free again', params: IdParams, body: CancelShipmentBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:cancel'),
  }, async (req) => cancelShipment(req.ctx, req.params.id, req.body));

  app.post('/shipments/:id/review', {
    schema: { tags, summary: 'Warehouse reviews the delivery notice: approve, or return it to sales with a reason (the shipment is cancelled)', params: IdParams, body: ReviewShipmentBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:warehouse'),
  }, async (req) => {
    const { version, decision, reason } = req.body;
    if (decision === 'return') {
      if (!reason) throw new AppError('VALIDATION_FAILED', 'errors.returnReasonRequired', {}, [{ path: 'reason', message: 'errors.returnReasonRequired' }]);
      return warehouseStep(req.ctx, req.params.id, { action: 'return', version, reason });
    }
    return warehouseStep(req.ctx, req.params.id, { action: 'review', version });
  });

  app.post('/shipments/:id/pick', {
    schema: { tags, summary: 'Warehouse confirms picking (from reviewed)', params: IdParams, body: VersionBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:warehouse'),
  }, async (req) => warehouseStep(req.ctx, req.params.id, { action: 'pick', version: req.body.version }));

  app.post('/shipments/:id/pack', {
    schema: { tags, summary: 'Warehouse confirms packing (from picked)', params: IdParams, body: VersionBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:warehouse'),
  }, async (req) => warehouseStep(req.ctx, req.params.id, { action: 'pack', version: req.body.version }));

  app.post('/shipments/:id/ship', {
    schema: { tags, summary: 'Warehouse records the goods shipped with carrier and tracking number (from packed); the credit check runs again and refuses with 422 unless this shipment has an approved override', params: IdParams, body: ShipShipmentBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:warehouse'),
  }, async (req) => warehouseStep(req.ctx, req.params.id, { action: 'ship', ...req.body }));

  app.post('/shipments/:id/deliver', {
    schema: { tags, summary: 'Warehouse records the hand-over: receiver and when (from shipped)', params: IdParams, body: DeliverShipmentBody, response: withErrors({ 200: ShipmentDto }) },
    preHandler: app.authorize('shipment:warehouse'),
  }, async (req) => warehouseStep(req.ctx, req.params.id, { action: 'deliver', version: req.body.version, receiver: req.body.receiver, handedOverAt: new Date(req.body.handedOverAt) }));
};
