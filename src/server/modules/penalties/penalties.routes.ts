import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PenaltyListQuery, PenaltyRunDto, PenaltyStatementDto, PenaltyStatementXlsxQuery, RunPenaltiesBody } from '../../../shared/contracts/penalties.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { penaltyStatementXlsx } from './penalties.export.js';
import { auditStatementExport, getPenalties, penaltyStatementRows, runPenalties } from './penalties.service.js';

/** Collection responsibility penalties (回款责任扣款, domain §11.3). */
export const penaltyRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['penalties'];
  app.post('/penalties/run', {
    schema: {
      tags, summary: 'Run a payroll month\'s penalties (finance, GM): deductions, 5:3:2 shares and refunds; the month must have ended; a second run changes nothing',
      body: RunPenaltiesBody, response: withErrors({ 200: PenaltyRunDto, 201: PenaltyRunDto }),
    },
    preHandler: app.authorize('penalty:run'),
  }, async (req, reply) => {
    const run = await runPenalties(req.ctx, req.body);
    return reply.code(run.created ? 201 : 200).send(run);
  });
  app.get('/penalties', {
    schema: { tags, summary: 'A month\'s penalty statement per person in my scope, and one person\'s lines with their working', querystring: PenaltyListQuery, response: withErrors({ 200: PenaltyStatementDto }) },
    preHandler: app.authorize('penalty:read'),
  }, async (req) => getPenalties(req.ctx, req.query));
  app.get('/penalties/statement.xlsx', {
    schema: { tags, summary: 'The month\'s per-person statement as an Excel workbook for payroll (same scope as the statement; the export is audited)', querystring: PenaltyStatementXlsxQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('penalty:read'),
  }, async (req, reply) => {
    const rows = await penaltyStatementRows(req.ctx, req.query.month);
    await auditStatementExport(req.ctx, req.query.month, rows.length);
    return sendXlsx(req, reply, `penalties-${req.query.month}.xlsx`, penaltyStatementXlsx(rows, req.ctx.locale));
  });
};
