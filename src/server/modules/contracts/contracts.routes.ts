import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  ContractDto, ContractListQuery, ContractPage, CreateContractBody, SignContractBody, SubmitContractBody, UpdateContractBody,
} from '../../../shared/contracts/contracts.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { createContract, getContract, listContracts, signContract, submitContract, updateContract } from './contracts.service.js';

/** Contracts (销售合同): list, draft, edit, review through the approvals engine, signing with its receivable schedule. */
export const contractRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['contracts'];

  app.get('/contracts', {
    schema: { tags, summary: 'Contracts in my data scope, newest first, by status, customer, owner and signing date, cursor-paged', querystring: ContractListQuery, response: withErrors({ 200: ContractPage }) },
    preHandler: app.authorize('contract:read'),
  }, async (req) => listContracts(req.ctx, req.query));

  app.post('/contracts', {
    schema: { tags, summary: 'Draft a contract (numbered HT<year>-0001) for a customer in my scope; the amount is the sum of the lines and the payment plan must add up to it', body: CreateContractBody, response: withErrors({ 201: ContractDto }) },
    preHandler: app.authorize('contract:create'),
  }, async (req, reply) => reply.status(201).send(await createContract(req.ctx, req.body)));

  app.get('/contracts/:id', {
    schema: { tags, summary: 'One contract with lines, payment plan, approvals and receivable schedule', params: IdParams, response: withErrors({ 200: ContractDto }) },
    preHandler: app.authorize('contract:read'),
  }, async (req) => getContract(req.ctx, req.params.id));

  app.patch('/contracts/:id', {
    schema: { tags, summary: 'Edit a contract before signing; one in review or approved is re-opened to draft and its approval cancelled', params: IdParams, body: UpdateContractBody, response: withErrors({ 200: ContractDto }) },
    preHandler: app.authorize('contract:update'),
  }, async (req) => updateContract(req.ctx, req.params.id, req.body));

  app.post('/contracts/:id/submit', {
    schema: { tags, summary: 'Send a draft for review: sales manager; a major contract also sales VP and GM', params: IdParams, body: SubmitContractBody, response: withErrors({ 200: ContractDto }) },
    preHandler: app.authorize('contract:submit'),
  }, async (req) => submitContract(req.ctx, req.params.id, req.body));

  app.post('/contracts/:id/sign', {
    schema: { tags, summary: 'Record the signing of an approved contract (owner or sales manager); creates one receivable per payment-plan line', params: IdParams, body: SignContractBody, response: withErrors({ 200: ContractDto }) },
    preHandler: app.authorize('contract:sign'),
  }, async (req) => signContract(req.ctx, req.params.id, req.body));
};
