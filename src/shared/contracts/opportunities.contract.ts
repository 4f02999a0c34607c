import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Uuid, Version } from './common.contract.js';
import { BuyingRole, CustomFields } from './customers.contract.js';
import { LeadSource } from './leads.contract.js';

/** Pipelines, stages and opportunities (销售机会与漏斗, domain §6). */

/** Funnel categories (§6.1) and their probability bands: above < 25, in 25–50, best_few > 50 (and < 100), order 100. */
export const funnelCategories = ['above', 'in', 'best_few', 'order'] as const;
export const FunnelCategory = z.enum(funnelCategories);
export type FunnelCategory = z.infer<typeof FunnelCategory>;

export const pipelineTemplates = ['big_account', 'standard'] as const;
export const PipelineTemplate = z.enum(pipelineTemplates);
export type PipelineTemplate = z.infer<typeof PipelineTemplate>;

/** Approvals a stage may require before it is left. */
export const stageApprovals = ['initiation_report', 'bid_price'] as const;
export const StageApproval = z.enum(stageApprovals);
export type StageApproval = z.infer<typeof StageApproval>;

/** Opportunity fields a stage may require before it is left. */
export const requirableFields = [
  'amount', 'expectedCloseDate', 'contacts', 'competitors', 'needDescription', 'signals',
] as const;
export const RequirableField = z.enum(requirableFields);
export type RequirableField = z.infer<typeof RequirableField>;

/** A probability in percent as a string with up to two decimals, 0–100, e.g. "35" or "50.01". */
export const ProbabilityString = z.string().regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { error: 'errors.probability' }).meta({ example: '35' });

const text = (max: number) => z.string().trim().max(max);

export const PipelineStageDto = z.object({
  id: Uuid,
  position: z.int(),
  code: z.string().nullable().describe('key of a built-in stage, e.g. initiation; null for custom stages'),
  name: z.string(),
  probability: ProbabilityString,
  funnelCategory: FunnelCategory,
  requiredFields: z.array(RequirableField),
  requiredApprovals: z.array(StageApproval),
  keyNode: z.string().nullable().describe('关键节点 that gates exit'),
  exitCriteria: z.string().nullable(),
}).meta({ id: 'PipelineStage' });
export type PipelineStageDto = z.infer<typeof PipelineStageDto>;

export const PipelineDto = z.object({
  id: Uuid,
  name: z.string(),
  template: PipelineTemplate.nullable(),
  description: z.string().nullable(),
  isActive: z.boolean(),
  departmentIds: z.array(Uuid).describe('empty: every department may use it'),
  position: z.int(),
  stages: z.array(PipelineStageDto),
  version: z.int(),
}).meta({ id: 'Pipeline' });
export type PipelineDto = z.infer<typeof PipelineDto>;

export const PipelineStageInput = z.strictObject({
  id: Uuid.optional().describe('an existing stage to keep (and update); omitted: a new stage'),
  name: text(60).min(1, { error: 'errors.required' }),
  probability: ProbabilityString,
  funnelCategory: FunnelCategory,
  requiredFields: z.array(RequirableField).default([]),
  requiredApprovals: z.array(StageApproval).default([]),
  keyNode: text(200).nullable().optional(),
  exitCriteria: text(2000).nullable().optional(),
});
export type PipelineStageInput = z.infer<typeof PipelineStageInput>;

export const CreatePipelineBody = z.strictObject({
  name: text(60).min(1, { error: 'errors.required' }),
  description: text(500).nullable().optional(),
  departmentIds: z.array(Uuid).max(200).default([]),
  stages: z.array(PipelineStageInput).min(2).max(20).describe('in order; the probability of each stage must lie in its funnel category band'),
}).meta({ id: 'CreatePipeline' });
export type CreatePipelineBody = z.infer<typeof CreatePipelineBody>;

export const UpdatePipelineBody = CreatePipelineBody.partial().extend({
  version: Version,
  isActive: z.boolean().optional(),
}).strict().meta({ id: 'UpdatePipeline' });
export type UpdatePipelineBody = z.infer<typeof UpdatePipelineBody>;

export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export const OpportunityStatus = z.enum(opportunityStatuses);
export type OpportunityStatus = z.infer<typeof OpportunityStatus>;

/** Opportunity recognition signals (§7.3), each low | medium | high. */
export const signalLevels = ['low', 'medium', 'high'] as const;
export const SignalLevel = z.enum(signalLevels);
export const OpportunitySignals = z.strictObject({
  urgency: SignalLevel.optional(),
  relevance: SignalLevel.optional(),
  sourceLevel: SignalLevel.optional().describe('level of the information source'),
  decisionLevel: SignalLevel.optional().describe('level of the decision'),
}).meta({ id: 'OpportunitySignals' });
export type OpportunitySignals = z.infer<typeof OpportunitySignals>;

export const OpportunityContactDto = z.object({
  contactId: Uuid,
  name: z.string(),
  title: z.string().nullable(),
  buyingRole: BuyingRole.nullable(),
});

export const CollaboratorAccess = z.enum(['read', 'write']);
export const OpportunityCollaboratorDto = z.object({
  userId: Uuid, name: z.string(), access: CollaboratorAccess, expiresOn: IsoDateString.nullable(),
});

export const KeyNodeEntry = z.object({
  done: z.boolean(), note: z.string().nullable(), doneAt: InstantString.nullable(), doneBy: Uuid.nullable(),
});

export const OpportunityDto = z.object({
  id: Uuid,
  number: z.string().describe('project number, auto-numbered'),
  name: z.string(),
  customerId: Uuid,
  customerName: z.string(),
  pipelineId: Uuid,
  stageId: Uuid,
  stageName: z.string(),
  funnelCategory: FunnelCategory,
  status: OpportunityStatus,
  amount: MoneyString,
  probability: ProbabilityString,
  weightedAmount: MoneyString.describe('amount × probability'),
  expectedCloseDate: IsoDateString.nullable(),
  ownerId: Uuid,
  ownerName: z.string(),
  departmentId: Uuid.nullable(),
  source: LeadSource.nullable(),
  leadId: Uuid.nullable(),
  competitors: z.array(z.string()),
  stageEnteredAt: InstantString,
  daysInStage: z.int(),
  /** best few without a decision date within 30–60 days (§6.1) */
  isDecisionDateMissing: z.boolean(),
  closedOn: IsoDateString.nullable(),
  customFields: CustomFields,
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Opportunity' });
export type OpportunityDto = z.infer<typeof OpportunityDto>;

export const OpportunityDetailDto = OpportunityDto.extend({
  needDescription: z.string().nullable(),
  signals: OpportunitySignals,
  keyNodes: z.record(z.string(), KeyNodeEntry).describe('by stage id'),
  contacts: z.array(OpportunityContactDto),
  collaborators: z.array(OpportunityCollaboratorDto),
  closeReason: z.string().nullable(),
  closeSummary: z.string().nullable(),
  canEdit: z.boolean(),
}).meta({ id: 'OpportunityDetail' });
export type OpportunityDetailDto = z.infer<typeof OpportunityDetailDto>;

const opportunityFields = {
  name: text(200).min(1, { error: 'errors.required' }),
  amount: MoneyString.describe('≥ 0, two decimals at most'),
  probability: ProbabilityString.optional().describe('default: the stage probability; must lie in the stage funnel category band'),
  expectedCloseDate: IsoDateString.nullable().optional(),
  competitors: z.array(text(100)).max(20).optional(),
  needDescription: text(4000).nullable().optional(),
  signals: OpportunitySignals.optional(),
  customFields: CustomFields.optional(),
  contacts: z.array(z.strictObject({ contactId: Uuid, buyingRole: BuyingRole.nullable().optional() })).max(50).optional(),
};

export const CreateOpportunityBody = z.strictObject({
  ...opportunityFields,
  customerId: Uuid,
  pipelineId: Uuid,
  stageId: Uuid.optional().describe('default: the first stage'),
  ownerId: Uuid.optional().describe('default: the caller'),
  source: LeadSource.nullable().optional(),
  leadId: Uuid.nullable().optional().describe('the converted lead this opportunity comes from'),
}).meta({ id: 'CreateOpportunity' });
export type CreateOpportunityBody = z.infer<typeof CreateOpportunityBody>;

export const UpdateOpportunityBody = z.strictObject({
  version: Version,
  ...opportunityFields,
  name: opportunityFields.name.optional(),
  amount: opportunityFields.amount.optional(),
  ownerId: Uuid.optional(),
}).meta({ id: 'UpdateOpportunity' });
export type UpdateOpportunityBody = z.infer<typeof UpdateOpportunityBody>;

export const MoveOpportunityBody = z.strictObject({
  version: Version,
  toStageId: Uuid,
  note: text(2000).optional(),
}).meta({ id: 'MoveOpportunity' });
export type MoveOpportunityBody = z.infer<typeof MoveOpportunityBody>;

export const CloseOpportunityBody = z.strictObject({
  version: Version,
  outcome: z.enum(['won', 'lost']),
  reason: text(100).optional().describe('lost: one of the configured loss reasons (policy opportunity.lossReasons)'),
  summary: text(4000).min(1, { error: 'errors.required' }).describe('阶段总结'),
}).meta({ id: 'CloseOpportunity' });
export type CloseOpportunityBody = z.infer<typeof CloseOpportunityBody>;

export const OpportunityListQuery = ListQuery.extend({
  pipelineId: Uuid.optional(),
  stageId: Uuid.optional(),
  status: OpportunityStatus.optional(),
  funnelCategory: FunnelCategory.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  departmentId: Uuid.optional(),
  orgNodeId: Uuid.optional().describe('department: it and every department under it (as the reports filter)'),
  customerId: Uuid.optional(),
  closeFrom: IsoDateString.optional().describe('expected close date on or after'),
  closeTo: IsoDateString.optional().describe('expected close date on or before'),
  closedFrom: IsoDateString.optional().describe('closed (won or lost) on or after: the drill-down of the reports\' won/lost figures'),
  closedTo: IsoDateString.optional().describe('closed (won or lost) on or before'),
  sort: z.enum(['newest', 'amount', 'closeDate', 'updated']).default('newest'),
  bestFewUndated: z.enum(['true', 'false']).optional().describe('true: open best-few opportunities without a decision date within the policy days (§6.1)'),
  asOf: IsoDateString.optional().describe('date the decision-date flag is computed for; default today in the workspace time zone'),
});
export type OpportunityListQuery = z.infer<typeof OpportunityListQuery>;
export const OpportunityPage = pageOf(OpportunityDto);

export const StageHistoryDto = z.object({
  id: Uuid,
  kind: z.enum(['create', 'move', 'close', 'reopen']),
  fromStageId: Uuid.nullable(), fromStageName: z.string().nullable(),
  toStageId: Uuid.nullable(), toStageName: z.string().nullable(),
  outcome: z.enum(['won', 'lost']).nullable(),
  daysInStage: z.int().nullable(),
  note: z.string().nullable(),
  actorId: Uuid.nullable(), actorName: z.string().nullable(),
  at: InstantString,
}).meta({ id: 'StageHistory' });
export type StageHistoryDto = z.infer<typeof StageHistoryDto>;
export const StageHistoryList = z.object({ items: z.array(StageHistoryDto) });

/** Kanban (看板): one column per stage with count, amount and weighted amount, scope applied. */
export const KanbanQuery = z.strictObject({
  pipelineId: Uuid,
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  departmentId: Uuid.optional(),
  cardsPerColumn: z.coerce.number().int().min(0).max(200).default(50),
});
export type KanbanQuery = z.infer<typeof KanbanQuery>;
export const KanbanColumnDto = z.object({
  stage: PipelineStageDto,
  count: z.int(),
  amount: MoneyString,
  weightedAmount: MoneyString,
  cards: z.array(OpportunityDto),
});
export const KanbanDto = z.object({ pipeline: PipelineDto, columns: z.array(KanbanColumnDto) }).meta({ id: 'Kanban' });
export type KanbanDto = z.infer<typeof KanbanDto>;

export const approvalDocStatuses = ['draft', 'pending', 'approved', 'rejected', 'returned'] as const;
export const ApprovalDocStatus = z.enum(approvalDocStatuses);

/** 立项报告 (§6.2 stage 2). */
export const InitiationReportBody = z.strictObject({
  projectName: text(200).min(1, { error: 'errors.required' }),
  customerLead: text(100).min(1, { error: 'errors.required' }).describe('customer-side lead'),
  expectedContractAmount: MoneyString,
  estimatedGrossMarginPct: z.string().regex(/^-?\d{1,3}(\.\d{1,2})?$/, { error: 'errors.decimal' }),
  salesExpenseBudget: MoneyString,
  projectCategory: text(60).min(1, { error: 'errors.required' }),
  expectedSigningDate: IsoDateString,
}).meta({ id: 'InitiationReportBody' });
export type InitiationReportBody = z.infer<typeof InitiationReportBody>;
export const InitiationReportDto = InitiationReportBody.extend({
  id: Uuid, opportunityId: Uuid, projectNumber: z.string(), status: ApprovalDocStatus, approvalId: Uuid.nullable(), version: z.int(), updatedAt: InstantString,
}).meta({ id: 'InitiationReport' });
export type InitiationReportDto = z.infer<typeof InitiationReportDto>;

/** 投标 (§6.2 stage 4): the bid price is approved before leaving 招投标. */
export const BidBody = z.strictObject({
  bidPrice: MoneyString,
  cost: MoneyString,
  team: z.strictObject({
    ownerId: Uuid.optional(), partner: text(200).optional(), memberIds: z.array(Uuid).max(30).default([]), schedule: text(2000).optional(),
  }).default({ memberIds: [] }),
  competitorAnalysis: text(4000).nullable().optional(),
}).meta({ id: 'BidBody' });
export type BidBody = z.infer<typeof BidBody>;
export const BidDto = z.object({
  id: Uuid, opportunityId: Uuid, bidPrice: MoneyString, cost: MoneyString, grossMarginPct: z.string(),
  isBelowPolicyMargin: z.boolean(), team: z.unknown(), competitorAnalysis: z.string().nullable(),
  status: ApprovalDocStatus, approvalId: Uuid.nullable(), noBidReport: z.string().nullable(), version: z.int(), updatedAt: InstantString,
}).meta({ id: 'Bid' });
export type BidDto = z.infer<typeof BidDto>;
export const NoBidBody = z.strictObject({ version: Version, report: text(4000).min(1, { error: 'errors.required' }) }).meta({ id: 'NoBid' });

// ── approval documents of the big-account pipeline (initiation report, bid, no-bid) ──────────────

/** PUT body of the initiation report: `version` is required once the report exists (create: omit it). */
export const SaveInitiationReportBody = InitiationReportBody.extend({
  version: Version.optional().describe('the version you read; omit when creating the report'),
}).meta({ id: 'SaveInitiationReport' });
export type SaveInitiationReportBody = z.infer<typeof SaveInitiationReportBody>;

/** PUT body of the bid: `version` is required once the bid exists (create: omit it). */
export const SaveBidBody = BidBody.extend({
  version: Version.optional().describe('the version you read; omit when creating the bid'),
}).meta({ id: 'SaveBid' });
export type SaveBidBody = z.infer<typeof SaveBidBody>;

/** Sends a draft, returned or rejected document for approval. */
export const SubmitDocumentBody = z.strictObject({ version: Version }).meta({ id: 'SubmitDocument' });

/** An initiation report as the caller sees it, with whether they may edit and submit it now. */
export const InitiationReportViewDto = InitiationReportDto.extend({
  decidedAt: InstantString.nullable(),
  canEdit: z.boolean().describe('draft, returned or rejected, the opportunity is open and not past the initiation stage, and the caller may edit it'),
}).meta({ id: 'InitiationReportView' });
export type InitiationReportViewDto = z.infer<typeof InitiationReportViewDto>;

export const BidViewDto = BidDto.extend({
  policyMinMarginPct: z.string().describe('policy opportunity.minBidMarginPct: a bid below it can only be closed with a no-bid report'),
  decidedAt: InstantString.nullable(),
  canEdit: z.boolean(),
  canCloseWithNoBid: z.boolean().describe('the saved bid is below the policy margin and the opportunity is open'),
}).meta({ id: 'BidView' });
export type BidViewDto = z.infer<typeof BidViewDto>;

/** Result of a no-bid close: the bid with its report and the opportunity now closed lost (reason no_bid). */
export const NoBidResultDto = z.object({
  bid: BidViewDto,
  opportunity: z.object({ id: Uuid, status: OpportunityStatus, closeReason: z.string().nullable(), closedOn: IsoDateString.nullable(), version: z.int() }),
}).meta({ id: 'NoBidResult' });
export type NoBidResultDto = z.infer<typeof NoBidResultDto>;

/** Pipelines list: active ones the caller may use; administrators may ask for inactive ones too. */
export const PipelineListQuery = z.strictObject({
  includeInactive: z.enum(['true', 'false']).optional().describe('administrators only: include inactive pipelines'),
});
export const PipelineList = z.object({ items: z.array(PipelineDto) });

/** Ticks (or unticks) the key node (关键节点) of a stage on the opportunity's checklist. */
export const KeyNodeParams = z.strictObject({ id: Uuid.describe('opportunity id'), stageId: Uuid.describe('stage whose key node is ticked') });
export const KeyNodeBody = z.strictObject({
  version: Version,
  done: z.boolean(),
  note: text(2000).nullable().optional(),
}).meta({ id: 'SetKeyNode' });
export type KeyNodeBody = z.infer<typeof KeyNodeBody>;

/** Replaces the contacts on a deal with their buying roles on this deal. */
export const SetOpportunityContactsBody = z.strictObject({
  version: Version,
  contacts: z.array(z.strictObject({ contactId: Uuid, buyingRole: BuyingRole.nullable().optional() })).max(50),
}).meta({ id: 'SetOpportunityContacts' });
export type SetOpportunityContactsBody = z.infer<typeof SetOpportunityContactsBody>;

export const AddOpportunityCollaboratorBody = z.strictObject({
  userId: Uuid,
  access: CollaboratorAccess.default('read'),
  expiresOn: IsoDateString.nullable().optional().describe('last day of access; null: no expiry'),
}).meta({ id: 'AddOpportunityCollaborator' });
export type AddOpportunityCollaboratorBody = z.infer<typeof AddOpportunityCollaboratorBody>;
export const OpportunityCollaboratorParams = z.strictObject({ id: Uuid.describe('opportunity id'), userId: Uuid.describe('collaborator user id') });

/** Loss reasons (丢单原因) the close dialog offers, localised. */
export const LossReasonList = z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) });
