import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  ClaimBody, CustomerDto, CustomerPage, LockBody, PoolListQuery, RecycleBody, RecycleResult, ReleaseBody,
} from '../../../shared/contracts/customers.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { claimCustomer, listPool, lockCustomer, releaseCustomer, runRecycleSweep, unlockCustomer } from './pool.service.js';

/** The public pool (公海): claim, release, lock, and the recycle sweep. */
export const poolRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['pool'];

  app.get('/customers/pool', {
    schema: { tags, summary: 'Customers in the public pool (公海), most recently released first', querystring: PoolListQuery, response: withErrors({ 200: CustomerPage }) },
    preHandler: app.authorize('customer:claim'),
  }, async (req) => listPool(req.ctx, req.query));

  app.post('/customers/:id/claim', {
    schema: { tags, summary: 'Claim a pool customer (owned cap, claims per day, former owner cool-down; someone else just claimed it → 409)', params: IdParams, body: ClaimBody, response: withErrors({ 200: CustomerDto }) },
    preHandler: app.authorize('customer:claim'),
  }, async (req) => claimCustomer(req.ctx, req.params.id));

  app.post('/customers/:id/release', {
    schema: { tags, summary: 'Return a customer to the pool (退回公海)', params: IdParams, body: ReleaseBody, response: withErrors({ 200: CustomerDto }) },
    preHandler: app.authorize('customer:release'),
  }, async (req) => releaseCustomer(req.ctx, req.params.id, req.body.reason));

  app.post('/customers/:id/lock', {
    schema: { tags, summary: 'Lock a customer (锁定) so it is never recycled (per-rep lock cap)', params: IdParams, body: LockBody, response: withErrors({ 200: CustomerDto }) },
    preHandler: app.authorize('customer:lock'),
  }, async (req) => lockCustomer(req.ctx, req.params.id, req.body.reason));

  app.post('/customers/:id/unlock', {
    schema: { tags, summary: 'Unlock a customer', params: IdParams, body: ClaimBody, response: withErrors({ 200: CustomerDto }) },
    preHandler: app.authorize('customer:lock'),
  }, async (req) => unlockCustomer(req.ctx, req.params.id));

  app.post('/admin/pool/recycle', {
    schema: { tags, summary: 'Run the pool recycle sweep as of a date (idempotent; the scheduler runs it daily)', body: RecycleBody, response: withErrors({ 200: RecycleResult }) },
    preHandler: app.authorize('customer:recycle'),
  }, async (req) => runRecycleSweep(req.ctx, req.body.asOf));
};
