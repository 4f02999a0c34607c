import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  PreviewPrintTemplateBody, PrintKindParams, PrintTemplateDto, PrintTemplateList, ResetPrintTemplateBody, SavePrintTemplateBody,
} from '../../../shared/contracts/print-templates.contract.js';
import { PDF_TYPE } from '../../platform/exports/pdf.js';
import { withErrors } from '../../platform/http/route-helpers.js';
import {
  getPrintTemplate, listPrintTemplates, previewPrintTemplate, printContract, resetPrintTemplate, savePrintTemplate,
} from './print-templates.service.js';

const PdfFile = z.any().describe('pdf file');

/** Print templates (打印模板, domain §17) and the printed contract. */
export const printTemplateRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['print-templates'];

  app.get('/print-templates', {
    schema: { tags, summary: 'The printed document kinds (quote, contract, delivery note) and whether the workspace template or the built-in default prints', response: withErrors({ 200: PrintTemplateList }) },
    preHandler: app.authorize('print_template:read'),
  }, async (req) => listPrintTemplates(req.ctx));

  app.get('/print-templates/:kind', {
    schema: { tags, summary: 'The template in force for a kind, the built-in default, and the placeholders, line columns and tables it may name', params: PrintKindParams, response: withErrors({ 200: PrintTemplateDto }) },
    preHandler: app.authorize('print_template:read'),
  }, async (req) => getPrintTemplate(req.ctx, req.params.kind));

  app.put('/print-templates/:kind', {
    schema: {
      tags, summary: 'Save the template of a kind at the version read (administrator; the sales VP for quote and contract); unknown placeholders are a 400 naming them; audited',
      params: PrintKindParams, body: SavePrintTemplateBody, response: withErrors({ 200: PrintTemplateDto }),
    },
    preHandler: app.authorize('print_template:read'),
  }, async (req) => savePrintTemplate(req.ctx, req.params.kind, req.body));

  app.post('/print-templates/:kind/reset', {
    schema: { tags, summary: 'Go back to the built-in default template (same editors as saving); audited', params: PrintKindParams, body: ResetPrintTemplateBody, response: withErrors({ 200: PrintTemplateDto }) },
    preHandler: app.authorize('print_template:read'),
  }, async (req) => resetPrintTemplate(req.ctx, req.params.kind, req.body));

  app.post('/print-templates/:kind/preview', {
    schema: { tags, summary: 'A template (not saved) printed as PDF with sample data of its kind; same checks as saving', params: PrintKindParams, body: PreviewPrintTemplateBody, response: withErrors({ 200: PdfFile }) },
    preHandler: app.authorize('print_template:read'),
  }, async (req, reply) => {
    const pdf = await previewPrintTemplate(req.ctx, req.params.kind, req.body.body);
    return reply.type(PDF_TYPE).header('content-disposition', `inline; filename="preview-${req.params.kind}.pdf"`).send(pdf);
  });

  app.get('/contracts/:id.pdf', {
    schema: { tags: ['contracts'], summary: 'The contract printed through the workspace contract template (A4, Chinese font embedded); only a contract in your data scope (else 404); audited', params: IdParams, response: withErrors({ 200: PdfFile }) },
    preHandler: app.authorize('contract:read'),
  }, async (req, reply) => {
    const { pdf, disposition } = await printContract(req.ctx, req.params.id);
    return reply.type(PDF_TYPE).header('content-disposition', disposition).send(pdf);
  });
};
