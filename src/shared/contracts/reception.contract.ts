import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, pageOf, Person, Uuid } from './common.contract.js';
import { LeadSource } from './leads.contract.js';

/** Front-desk reception (客户接待, domain §4.2): visitor and call log, routing, duty roster, daily report. */

export const visitKinds = ['walk_in', 'call'] as const;
export const VisitKind = z.enum(visitKinds);
export type VisitKind = z.infer<typeof VisitKind>;

/** How a visitor reached their rep; `manual_override` once someone reassigned the visit. */
export const routedByValues = ['existing_owner', 'named_rep', 'duty_rotation', 'no_roster_fallback', 'manual_override'] as const;
export const RoutedBy = z.enum(routedByValues);
export type RoutedBy = z.infer<typeof RoutedBy>;
export type AutoRoutedBy = Exclude<RoutedBy, 'manual_override'>;

export const makeUpStatuses = ['pending', 'approved', 'rejected', 'returned', 'used'] as const;
export const MakeUpStatus = z.enum(makeUpStatuses);
export type MakeUpStatus = z.infer<typeof MakeUpStatus>;

const Phone = z.string().trim().max(40).regex(/^[0-9+()\-\s\u3000\uFF10-\uFF19]*$/, { error: 'errors.phone' }).meta({ example: '138 0013 8000' });
const Reason = z.string().trim().min(1).max(500);

export const RegisterVisitBody = z.strictObject({
  kind: VisitKind,
  company: z.string().trim().min(1).max(200).meta({ example: '上海华信精密机械有限公司' }),
  contactName: z.string().trim().max(100).nullable().optional(),
  phone: Phone.nullable().optional(),
  creditCode: z.string().trim().max(30).nullable().optional().describe('统一社会信用代码, when the visitor gives it (matched too)'),
  source: LeadSource,
  saysKnownRep: Uuid.nullable().optional().describe('the salesperson the visitor says they deal with (an active sales user)'),
  needDescription: z.string().trim().max(2000).nullable().optional(),
}).meta({ id: 'RegisterReceptionVisit' });
export type RegisterVisitBody = z.infer<typeof RegisterVisitBody>;

export const ReceptionVisitDto = z.object({
  id: Uuid,
  number: z.string().nullable().describe('编号, e.g. JD202611-0007'),
  visitDate: IsoDateString.describe('the day of the visit in the workspace time zone'),
  kind: VisitKind,
  company: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  source: LeadSource,
  saysKnownRep: Person.nullable(),
  customer: z.object({ id: Uuid, matchedBy: z.enum(['creditCode', 'name', 'phone']), ownerId: Uuid.nullable() }).nullable()
    .describe('the existing customer the visitor matched (查重), owned or in the pool'),
  isReturning: z.boolean().describe('routed to the owner of an existing customer at registration'),
  routedBy: RoutedBy,
  autoRoutedBy: RoutedBy.describe('the automatic decision, kept after a manual override'),
  autoAssignee: Person,
  assignee: Person,
  isMakeUpTurn: z.boolean().describe('the visitor went to a rep owed a make-up customer (补客户)'),
  leadId: Uuid.nullable(),
  registeredBy: Person,
  registeredAt: InstantString,
  marketSurvey: z.object({ confirmedAt: InstantString, note: z.string(), by: Person }).nullable(),
  makeUp: z.object({ id: Uuid, status: MakeUpStatus, approvalId: Uuid.nullable(), reason: z.string() }).nullable(),
  access: z.object({ canReassign: z.boolean(), canMarkSurvey: z.boolean(), canRequestMakeUp: z.boolean() }),
  version: z.int(),
}).meta({ id: 'ReceptionVisit' });
export type ReceptionVisitDto = z.infer<typeof ReceptionVisitDto>;

export const ReceptionVisitPage = pageOf(ReceptionVisitDto);

export const VisitListQuery = ListQuery.extend({
  date: IsoDateString.optional().describe('one day; the front desk sees today only'),
  from: IsoDateString.optional(),
  to: IsoDateString.optional(),
  assigneeId: z.union([Uuid, z.literal('me')]).optional(),
  kind: VisitKind.optional(),
  source: LeadSource.optional(),
});

export const ReassignBody = z.strictObject({ toUserId: Uuid, reason: Reason }).meta({ id: 'ReassignReceptionVisit' });
export const MarketSurveyBody = z.strictObject({ note: Reason.describe('what rep and visitor confirmed at the desk') }).meta({ id: 'MarketSurveyBody' });
export const MakeUpBody = z.strictObject({ reason: Reason }).meta({ id: 'MakeUpRequestBody' });
export const MakeUpResult = z.object({ makeUpId: Uuid, approvalId: Uuid, status: z.enum(['pending', 'approved']) }).meta({ id: 'MakeUpRequestResult' });

export const RosterQuery = z.strictObject({ from: IsoDateString, to: IsoDateString });
export const RosterDto = z.object({
  from: IsoDateString,
  to: IsoDateString,
  days: z.array(z.object({ date: IsoDateString, members: z.array(Person) })),
  candidates: z.array(Person).describe('active sales users who may be on duty'),
}).meta({ id: 'ReceptionRoster' });
export type RosterDto = z.infer<typeof RosterDto>;
export const PutRosterBody = z.strictObject({
  days: z.array(z.strictObject({ date: IsoDateString, userIds: z.array(Uuid).max(30) })).max(62)
    .describe('the on-duty members (值班小组) per date, in rotation order; every date of from…to not listed is cleared'),
}).meta({ id: 'PutReceptionRoster' });

export const DailyQuery = z.strictObject({
  date: IsoDateString.optional().describe('one day (default today)'),
  from: IsoDateString.optional(),
  to: IsoDateString.optional(),
});
const Counts = { walkInNew: z.int(), walkInReturning: z.int(), calls: z.int(), total: z.int() };
export const DailyReportDto = z.object({
  from: IsoDateString,
  to: IsoDateString,
  rows: z.array(z.object({ date: IsoDateString, source: LeadSource, ...Counts })).describe('per day and channel; only non-empty rows'),
  bySource: z.array(z.object({ source: LeadSource, ...Counts })).describe('every channel, zeros included'),
  byDay: z.array(z.object({ date: IsoDateString, ...Counts })),
  totals: z.object(Counts),
}).meta({ id: 'ReceptionDailyReport' });
export type DailyReportDto = z.infer<typeof DailyReportDto>;

export const OverridesQuery = ListQuery.extend({ from: IsoDateString.optional(), to: IsoDateString.optional() });
export const OverrideDto = z.object({
  id: Uuid,
  visitId: Uuid,
  visitNumber: z.string().nullable(),
  visitDate: IsoDateString,
  company: z.string(),
  autoRoutedBy: RoutedBy,
  autoAssignee: Person,
  from: Person,
  to: Person,
  reason: z.string(),
  by: Person,
  at: InstantString,
}).meta({ id: 'ReceptionOverride' });
export type OverrideDto = z.infer<typeof OverrideDto>;
export const OverridePage = pageOf(OverrideDto);
