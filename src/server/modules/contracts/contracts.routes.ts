import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EmptyBody, IdParams } from '../../../shared/contracts/common.contract.js';
import {
  AmendmentDto, AmendmentList, ContractDto, ContractListQuery, ContractPage, CreateContractBody, ProposeAmendmentBody, SignContractBody, SubmitContractBody,
  TerminateContractBody, UpdateContractBody,
} from '../../../shared/contracts/contracts.contract.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import { listAmendments, proposeAmendment } from './contracts.amendments.js';
import {
  copyContract, createContract, getContract, listContracts, signContract, submitContract, terminateContract, updateContract,
} from './contracts.service.js';

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

  app.get('/contracts/:id/amendments', {
    schema: { tags, summary: 'The contract\'s amendment history (合同变更), oldest first, with the values before and after each', params: IdParams, response: withErrors({ 200: AmendmentList }) },
    preHandler: app.authorize('contract:read'),
  }, async (req) => listAmendments(req.ctx, req.params.id));

  app.post('/contracts/:id/amendments', {
    schema: {
      tags, summary: 'Propose an amendment of a signed or executing contract: new lines, payment plan and delivery terms with a reason; reviewed like a contract of the larger amount; applied (contract and receivable schedule) when approved',
      params: IdParams, body: ProposeAmendmentBody, response: withErrors({ 201: AmendmentDto }),
    },
    preHandler: app.authorize('contract:amend'),
  }, async (req, reply) => reply.status(201).send(await proposeAmendment(req.ctx, req.params.id, req.body)));

  app.post('/contracts/:id/copy', {
    schema: { tags, summary: 'Copy a contract into a new draft (new number) with the same parties, lines and plan; no approval, signing data or quote link is copied', params: IdParams, body: EmptyBody, response: withErrors({ 201: ContractDto }) },
    preHandler: app.authorize('contract:create'),
  }, async (req, reply) => reply.status(201).send(await copyContract(req.ctx, req.params.id)));

  app.post('/contracts/:id/terminate', {
    schema: { tags, summary: 'Terminate a signed or executing contract (sales manager), with the reason; a pending amendment is cancelled; open receivables stay', params: IdParams, body: TerminateContractBody, response: withErrors({ 200: ContractDto }) },
    preHandler: app.authorize('contract:terminate'),
  }, async (req) => terminateContract(req.ctx, req.params.id, req.body));
};
