import { z } from 'zod';
import { InstantString, Person } from './common.contract.js';

/** The documents printed through templates (打印模板, domain §17). */
export const printKinds = ['quote', 'contract', 'delivery_note', 'thank_you_letter', 'collection_notice', 'lawyer_letter'] as const;
export const PrintKind = z.enum(printKinds).describe('报价单 | 销售合同 | 发货单 | 感谢函 | 催款通知书 | 律师函');
export type PrintKind = z.infer<typeof PrintKind>;

export const PrintKindParams = z.strictObject({ kind: PrintKind.meta({ example: 'contract' }) });

const Body = z.string().max(20_000).describe('the template: block syntax (see the module docs) with {{placeholders}}');

export const SavePrintTemplateBody = z.strictObject({
  body: Body,
  version: z.int().min(0).describe('the version you read (0 while the built-in default is in use); a stale one gets 409'),
});
export type SavePrintTemplateBody = z.infer<typeof SavePrintTemplateBody>;

export const ResetPrintTemplateBody = z.strictObject({
  version: z.int().min(0).describe('the version you read'),
});
export type ResetPrintTemplateBody = z.infer<typeof ResetPrintTemplateBody>;

export const PreviewPrintTemplateBody = z.strictObject({ body: Body });


export const PrintTemplateSummaryDto = z.object({
  kind: PrintKind,
  isDefault: z.boolean().describe('true while the built-in default template prints'),
  version: z.int().describe('0 while the workspace never saved one'),
  updatedAt: InstantString.nullable(),
  updatedBy: Person.nullable(),
  canEdit: z.boolean(),
}).meta({ id: 'PrintTemplateSummary' });
export type PrintTemplateSummaryDto = z.infer<typeof PrintTemplateSummaryDto>;

export const PrintTemplateDto = PrintTemplateSummaryDto.extend({
  body: z.string().describe('the template in force (the built-in default when isDefault)'),
  defaultBody: z.string(),
  placeholders: z.array(z.object({ name: z.string(), label: z.string(), sample: z.string() })).describe('what {{…}} may name, with a sample value'),
  lineColumns: z.array(z.object({ key: z.string(), label: z.string() })).describe('what [lines …] may name'),
  tables: z.array(z.object({ name: z.string(), columns: z.array(z.object({ key: z.string(), label: z.string() })) })).describe('what [table name …] may name'),
}).meta({ id: 'PrintTemplate' });
export type PrintTemplateDto = z.infer<typeof PrintTemplateDto>;

export const PrintTemplateList = z.object({ items: z.array(PrintTemplateSummaryDto) });
