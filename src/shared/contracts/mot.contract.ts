import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, pageOf, Uuid, Version } from './common.contract.js';

/** Moments of truth (MOT 关键时刻, domain §7.3): touchpoints, customer needs through four steps, recognition signals. */

// ── recognition signals (on leads; opportunities carry the same shape as OpportunitySignals) ─────

export const recognitionSignalLevels = ['low', 'medium', 'high'] as const;
export const RecognitionSignalLevel = z.enum(recognitionSignalLevels);
export type RecognitionSignalLevel = z.infer<typeof RecognitionSignalLevel>;
export const recognitionSignalKeys = ['urgency', 'relevance', 'sourceLevel', 'decisionLevel'] as const;
export type RecognitionSignalKey = (typeof recognitionSignalKeys)[number];

/** Opportunity recognition signals: urgency, relevance to our offering, level of the information source, level of the decision. */
export const RecognitionSignals = z.strictObject({
  urgency: RecognitionSignalLevel.optional(),
  relevance: RecognitionSignalLevel.optional().describe('relevance to our offering'),
  sourceLevel: RecognitionSignalLevel.optional().describe('level of the information source'),
  decisionLevel: RecognitionSignalLevel.optional().describe('level of the decision'),
}).meta({ id: 'RecognitionSignals' });
export type RecognitionSignals = z.infer<typeof RecognitionSignals>;

// ── touchpoints ────────────────────────────────────────────────────────────────────────────────

export const touchpointChannels = ['face_to_face', 'phone', 'email', 'im', 'other'] as const;
export const TouchpointChannel = z.enum(touchpointChannels);
export type TouchpointChannel = z.infer<typeof TouchpointChannel>;

export const sentiments = ['positive', 'neutral', 'negative'] as const;
export const Sentiment = z.enum(sentiments);
export type Sentiment = z.infer<typeof Sentiment>;

const text = (max: number) => z.string().trim().max(max);
/** An instant on the wire: ISO 8601 with a zone (Z or ±hh:mm). */
const Instant = z.iso.datetime({ offset: true, error: 'errors.instant' }).meta({ example: '2026-11-22T08:30:00Z' });

export const TouchpointDto = z.object({
  id: Uuid,
  customerId: Uuid,
  customerName: z.string(),
  contactId: Uuid.nullable(),
  contactName: z.string().nullable(),
  opportunityId: Uuid.nullable(),
  channel: TouchpointChannel,
  userId: Uuid.describe('the employee who met the customer'),
  userName: z.string(),
  role: z.string().describe('the role code they acted as (receptionist, cs_specialist, finance, sales_rep …)'),
  departmentId: Uuid.nullable(),
  departmentName: z.string().nullable(),
  occurredAt: InstantString,
  impression: z.string(),
  sentiment: Sentiment,
  createdBy: Uuid.nullable(),
  version: z.int(),
  createdAt: InstantString,
}).meta({ id: 'Touchpoint' });
export type TouchpointDto = z.infer<typeof TouchpointDto>;

export const CreateTouchpointBody = z.strictObject({
  customerId: Uuid,
  contactId: Uuid.nullable().optional().describe('a contact of that customer'),
  opportunityId: Uuid.nullable().optional().describe('an opportunity of that customer'),
  channel: TouchpointChannel,
  occurredAt: Instant.optional().describe('default: now; not in the future'),
  impression: text(2000).min(1, { error: 'errors.required' }).describe('impression notes'),
  sentiment: Sentiment.default('neutral'),
  userId: Uuid.optional().describe('who met the customer; default: me (someone else only within my data scope)'),
}).meta({ id: 'CreateTouchpoint' });
export type CreateTouchpointBody = z.infer<typeof CreateTouchpointBody>;

export const TouchpointListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  channel: TouchpointChannel.optional(),
  sentiment: Sentiment.optional(),
  userId: z.union([Uuid, z.literal('me')]).optional(),
  from: IsoDateString.optional().describe('occurred on or after this day (workspace time zone)'),
  to: IsoDateString.optional().describe('occurred on or before this day (workspace time zone)'),
});
export type TouchpointListQuery = z.infer<typeof TouchpointListQuery>;
export const TouchpointPage = pageOf(TouchpointDto);

/** A customer the caller may record a touchpoint or a need on (picker). */
export const MotCustomerOption = z.object({ id: Uuid, name: z.string() }).meta({ id: 'MotCustomerOption' });
export const MotCustomerOptionsQuery = z.strictObject({ q: z.string().max(100).optional(), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const MotCustomerOptions = z.object({ items: z.array(MotCustomerOption) });

// ── needs ──────────────────────────────────────────────────────────────────────────────────────

/** The four MOT steps, in order. */
export const needSteps = ['explore', 'propose', 'execute', 'confirm'] as const;
export const NeedStep = z.enum(needSteps);
export type NeedStep = z.infer<typeof NeedStep>;


export const NeedDto = z.object({
  id: Uuid,
  customerId: Uuid,
  customerName: z.string(),
  opportunityId: Uuid.nullable(),
  title: z.string(),
  description: z.string().nullable(),
  step: NeedStep,
  promise: z.string().nullable().describe('the promise made at propose'),
  promiseDueDate: IsoDateString.nullable(),
  fulfilment: z.string().nullable().describe('how the promise was kept, at execute'),
  satisfactionScore: z.int().nullable().describe('1–5, at confirm'),
  satisfactionComment: z.string().nullable(),
  ownerId: Uuid,
  ownerName: z.string(),
  exploredAt: InstantString,
  proposedAt: InstantString.nullable(),
  executedAt: InstantString.nullable(),
  confirmedAt: InstantString.nullable(),
  canEdit: z.boolean().describe('the caller may edit and advance it'),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Need' });
export type NeedDto = z.infer<typeof NeedDto>;

export const CreateNeedBody = z.strictObject({
  customerId: Uuid,
  opportunityId: Uuid.nullable().optional().describe('an opportunity of that customer'),
  title: text(200).min(1, { error: 'errors.required' }),
  description: text(4000).nullable().optional(),
  ownerId: Uuid.optional().describe('default: me; someone else only within my data scope'),
}).meta({ id: 'CreateNeed' });
export type CreateNeedBody = z.infer<typeof CreateNeedBody>;

export const UpdateNeedBody = z.strictObject({
  version: Version,
  opportunityId: Uuid.nullable().optional(),
  title: text(200).min(1, { error: 'errors.required' }).optional(),
  description: text(4000).nullable().optional(),
  ownerId: Uuid.optional(),
  promise: text(2000).min(1, { error: 'errors.required' }).optional().describe('editable while the need is at propose'),
  promiseDueDate: IsoDateString.nullable().optional().describe('editable while the need is at propose'),
  fulfilment: text(2000).min(1, { error: 'errors.required' }).optional().describe('editable while the need is at execute'),
}).meta({ id: 'UpdateNeed' });
export type UpdateNeedBody = z.infer<typeof UpdateNeedBody>;

export const AdvanceNeedBody = z.strictObject({
  version: Version,
  to: NeedStep.optional().describe('the step expected next; anything but the next step → 422'),
  promise: text(2000).optional().describe('required to reach propose'),
  promiseDueDate: IsoDateString.optional().describe('optional at propose; not before today'),
  fulfilment: text(2000).optional().describe('required to reach execute'),
  satisfactionScore: z.number().optional().describe('required to reach confirm: a whole number 1–5'),
  comment: text(2000).optional().describe('required to reach confirm: the customer\'s comment'),
}).meta({ id: 'AdvanceNeed' });
export type AdvanceNeedBody = z.infer<typeof AdvanceNeedBody>;

export const NeedListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  opportunityId: Uuid.optional(),
  step: NeedStep.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
});
export type NeedListQuery = z.infer<typeof NeedListQuery>;
export const NeedPage = pageOf(NeedDto);

export const SatisfactionQuery = z.strictObject({
  groupBy: z.enum(['customer', 'owner']).default('owner'),
  customerId: Uuid.optional(),
  ownerId: Uuid.optional(),
  from: IsoDateString.optional().describe('confirmed on or after this day (workspace time zone)'),
  to: IsoDateString.optional().describe('confirmed on or before this day'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type SatisfactionQuery = z.infer<typeof SatisfactionQuery>;

export const SatisfactionRow = z.object({
  id: Uuid.describe('customer or owner id'),
  name: z.string(),
  confirmedNeeds: z.int(),
  averageScore: z.string().describe('average satisfaction, two decimals, e.g. "4.33"'),
}).meta({ id: 'SatisfactionRow' });
export const SatisfactionDto = z.object({
  groupBy: z.enum(['customer', 'owner']),
  items: z.array(SatisfactionRow),
  overall: z.object({ confirmedNeeds: z.int(), averageScore: z.string().nullable() }),
}).meta({ id: 'Satisfaction' });
export type SatisfactionDto = z.infer<typeof SatisfactionDto>;
