import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Uuid, Version } from './common.contract.js';
import { CustomFields, ValueClass } from './customers.contract.js';
import { RecognitionSignals } from './mot.contract.js';

/** Leads (销售线索, domain §4.1), their MAN-COTH qualification and the lead pool (线索池, §17). */

export const leadSources = ['web_form', 'phone', 'exhibition', 'partner_referral', 'walk_in', 'online', 'business_meeting', 'other'] as const;
export const LeadSource = z.enum(leadSources);
export type LeadSource = z.infer<typeof LeadSource>;

export const leadStatuses = ['new', 'contacted', 'qualified', 'converted', 'disqualified'] as const;
export const LeadStatus = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof LeadStatus>;

export const needTriggers = [
  'new_contract_won', 'new_product', 'expanding', 'new_technology', 'profit_structure_change', 'phasing_out_old_technology', 'new_business_model',
] as const;
export const NeedTrigger = z.enum(needTriggers);
export type NeedTrigger = z.infer<typeof NeedTrigger>;

/** MAN-COTH (资格审查): the eight checklist items, in the seed's order. */
export const qualificationItems = ['money', 'authority', 'need', 'competition', 'organization', 'otherOpportunities', 'timing', 'howToBuy'] as const;
export type QualificationItem = (typeof qualificationItems)[number];
/** The items that must be confirmed before a lead counts as qualified (M, A, N, T). */
export const requiredQualificationItems = ['money', 'authority', 'need', 'timing'] as const satisfies readonly QualificationItem[];

export const qualificationStatuses = ['unknown', 'partial', 'confirmed'] as const;
export const QualificationStatus = z.enum(qualificationStatuses);
export type QualificationStatus = z.infer<typeof QualificationStatus>;

export const QualificationEntry = z.strictObject({
  status: QualificationStatus,
  note: z.string().trim().max(1000).nullable().default(null),
});
export type QualificationEntry = z.infer<typeof QualificationEntry>;

export const Qualification = z.strictObject(
  Object.fromEntries(qualificationItems.map((k) => [k, QualificationEntry])) as Record<QualificationItem, typeof QualificationEntry>,
).meta({ id: 'LeadQualification' });
export type Qualification = z.infer<typeof Qualification>;

/** A partial checklist on PATCH: only the items sent change. */
export const QualificationPatch = z.strictObject(
  Object.fromEntries(qualificationItems.map((k) => [k, QualificationEntry.optional()])) as Record<QualificationItem, z.ZodOptional<typeof QualificationEntry>>,
);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const Phone = z.string().trim().max(40).regex(/^[0-9+()\-\s\u3000\uFF10-\uFF19]*$/, { error: 'errors.phone' }).meta({ example: '138 0013 8000' });
const Email = z.union([z.email({ error: 'errors.email' }).max(200), z.literal('')]).meta({ example: 'wang@example.cn' });

export const LeadDto = z.object({
  id: Uuid,
  number: z.string().nullable().describe('编号, e.g. XS2026-0001'),
  company: z.string(),
  contactName: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  im: z.string().nullable(),
  region: z.string().nullable(),
  territoryId: Uuid.nullable(),
  industry: z.string().nullable(),
  source: LeadSource,
  needDescription: z.string().nullable(),
  needTriggers: z.array(NeedTrigger),
  estimatedAmount: MoneyString.nullable(),
  qualification: Qualification,
  signals: RecognitionSignals.describe('opportunity recognition signals (§7.3)'),
  /** M, A, N and T confirmed */
  isQualifiable: z.boolean().describe('money, authority, need and timing are all confirmed'),
  missingForQualified: z.array(z.enum(requiredQualificationItems)),
  status: LeadStatus,
  disqualifyReason: z.string().nullable(),
  ownerId: Uuid.nullable().describe('null: the lead is in the lead pool (线索池)'),
  ownerName: z.string().nullable(),
  inPool: z.boolean(),
  ownedSince: IsoDateString.nullable(),
  lastFollowUpOn: IsoDateString.nullable(),
  recycleOn: IsoDateString.nullable().describe('the day it returns to the lead pool unless followed up (null: closed or in the pool)'),
  formerOwnerId: Uuid.nullable(),
  releasedOn: IsoDateString.nullable(),
  customerId: Uuid.nullable().describe('an existing customer the lead is about (e.g. a returning visitor)'),
  receptionVisitId: Uuid.nullable(),
  convertedCustomerId: Uuid.nullable(),
  convertedContactId: Uuid.nullable(),
  convertedAt: InstantString.nullable(),
  customFields: z.record(z.string(), z.unknown()),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Lead' });
export type LeadDto = z.infer<typeof LeadDto>;

export const LeadDetailDto = LeadDto.extend({
  access: z.object({
    canEdit: z.boolean(),
    canConvert: z.boolean(),
    canRelease: z.boolean(),
    canClaim: z.boolean(),
    canReopen: z.boolean().describe('a disqualified lead of mine: PATCH status new reopens it'),
  }),
}).meta({ id: 'LeadDetail' });
export type LeadDetailDto = z.infer<typeof LeadDetailDto>;

const leadFields = {
  company: z.string().trim().min(1).max(200),
  contactName: optionalText(100),
  title: optionalText(100),
  phone: Phone.nullable().optional(),
  email: Email.nullable().optional(),
  im: optionalText(100),
  region: optionalText(100),
  territoryId: Uuid.nullable().optional(),
  industry: optionalText(60),
  needDescription: optionalText(2000),
  needTriggers: z.array(NeedTrigger).max(needTriggers.length).optional(),
  estimatedAmount: MoneyString.nullable().optional(),
  customFields: CustomFields.optional(),
  signals: RecognitionSignals.optional().describe('opportunity recognition signals; replaces the ones stored'),
};

export const CreateLeadBody = z.strictObject({
  ...leadFields,
  source: LeadSource,
  qualification: QualificationPatch.optional(),
  ownerId: Uuid.nullable().optional().describe('default: the caller when they can own leads, else the lead pool; others need lead:assign'),
}).meta({ id: 'CreateLead' });
export type CreateLeadBody = z.infer<typeof CreateLeadBody>;

export const UpdateLeadBody = z.strictObject({
  version: Version,
  ...leadFields,
  company: leadFields.company.optional(),
  source: LeadSource.optional(),
  qualification: QualificationPatch.optional().describe('only the items sent change'),
  status: z.enum(['new', 'contacted', 'qualified']).optional()
    .describe('new → contacted → qualified (needs money, authority, need and timing confirmed); convert and disqualify have their own endpoints'),
}).meta({ id: 'UpdateLead' });
export type UpdateLeadBody = z.infer<typeof UpdateLeadBody>;

export const LeadListQuery = ListQuery.extend({
  status: LeadStatus.optional(),
  source: LeadSource.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  createdFrom: IsoDateString.optional(),
  createdTo: IsoDateString.optional(),
});
export type LeadListQuery = z.infer<typeof LeadListQuery>;
export const LeadPage = pageOf(LeadDto);
export const LeadCountsQuery = LeadListQuery.omit({ limit: true, cursor: true });
export const LeadCountsDto = z.object({ total: z.int(), byStatus: z.record(LeadStatus, z.int()) }).meta({ id: 'LeadCounts' });

export const LeadPoolQuery = ListQuery.extend({ source: LeadSource.optional() });

export const DisqualifyLeadBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  version: Version.optional(),
});
export const ReleaseLeadBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const ClaimLeadBody = z.strictObject({}).describe('no fields; send {}');

export const ConvertLeadBody = z.strictObject({
  version: Version,
  customerId: Uuid.optional().describe('link to this existing customer instead of creating one'),
  customer: z.strictObject({
    name: z.string().trim().min(1).max(200),
    creditCode: z.string().trim().max(30).nullable().optional(),
    valueClass: ValueClass.optional(),
    industry: optionalText(60),
    territoryId: Uuid.nullable().optional(),
  }).optional().describe("default: the lead's company, industry and territory"),
  contact: z.strictObject({
    name: z.string().trim().min(1).max(100),
    title: optionalText(100),
    mobile: Phone.nullable().optional(),
    email: Email.nullable().optional(),
    im: optionalText(100),
  }).nullable().optional().describe("default: the lead's contact person (none when the lead names nobody); null: no contact"),
}).meta({ id: 'ConvertLead' });
export type ConvertLeadBody = z.infer<typeof ConvertLeadBody>;

export const OpportunityDraft = z.object({
  customerId: Uuid,
  contactId: Uuid.nullable(),
  name: z.string(),
  source: LeadSource,
  needDescription: z.string().nullable(),
  estimatedAmount: MoneyString.nullable(),
  leadId: Uuid,
}).meta({ id: 'OpportunityDraft' });
export type OpportunityDraft = z.infer<typeof OpportunityDraft>;

export const ConvertLeadResult = z.object({
  lead: LeadDto,
  customerId: Uuid,
  contactId: Uuid.nullable(),
  linkedExisting: z.boolean().describe('the lead was linked to an existing customer rather than creating one'),
  opportunityDraft: OpportunityDraft,
}).meta({ id: 'ConvertLeadResult' });

export const ConvertPreviewQuery = z.strictObject({
  name: z.string().trim().max(200).optional(),
  creditCode: z.string().trim().max(30).optional(),
});
export const ConvertPreviewDto = z.object({
  match: z.object({
    field: z.enum(['creditCode', 'name', 'phone']),
    visible: z.boolean().describe('the caller can see that customer and conversion will link to it'),
    customerId: Uuid.nullable().describe('only when visible'),
    customerName: z.string().nullable().describe('only when visible'),
    ownerName: z.string().nullable(),
  }).nullable(),
}).meta({ id: 'LeadConvertPreview' });

export const LeadRecycleBody = z.strictObject({ asOf: IsoDateString.optional() });
export const LeadRecycleResult = z.object({ asOf: IsoDateString, recycled: z.int(), warned: z.int() }).meta({ id: 'LeadRecycleResult' });
