import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, pageOf, Uuid, Version } from './common.contract.js';

/**
 * Visit planning (拜访计划) and territory (区域管理), domain §7.1: the quarterly → monthly → weekly →
 * daily plan cascade, route and funnel visits, the weekly plan's checks, a day's route, plan vs
 * actual, field check-ins and customers near a point.
 */

export const visitPlanPeriods = ['quarter', 'month', 'week', 'day'] as const;
export const VisitPlanPeriod = z.enum(visitPlanPeriods);
export type VisitPlanPeriod = z.infer<typeof VisitPlanPeriod>;

export const visitPlanStatuses = ['draft', 'submitted', 'approved', 'returned'] as const;
export const VisitPlanStatus = z.enum(visitPlanStatuses);
export type VisitPlanStatus = z.infer<typeof VisitPlanStatus>;

export const halfDays = ['am', 'pm'] as const;
export const HalfDay = z.enum(halfDays);
export type HalfDay = z.infer<typeof HalfDay>;

/** route: an existing customer visited at its value class's frequency; funnel: new business driven by an open opportunity */
export const visitModes = ['route', 'funnel'] as const;
export const VisitMode = z.enum(visitModes);
export type VisitMode = z.infer<typeof VisitMode>;

export const visitItemStatuses = ['planned', 'done', 'missed'] as const;
export const VisitItemStatus = z.enum(visitItemStatuses);
export type VisitItemStatus = z.infer<typeof VisitItemStatus>;

export const visitWarningCodes = ['no_free_half_day', 'key_customer_overdue', 'executive_not_first', 'weekly_plan_late'] as const;
export const VisitWarningCode = z.enum(visitWarningCodes);
export type VisitWarningCode = z.infer<typeof VisitWarningCode>;

export const Latitude = z.number({ error: 'errors.latitudeRange' }).min(-90, { error: 'errors.latitudeRange' }).max(90, { error: 'errors.latitudeRange' });
export const Longitude = z.number({ error: 'errors.longitudeRange' }).min(-180, { error: 'errors.longitudeRange' }).max(180, { error: 'errors.longitudeRange' });
const numberParam = (schema: z.ZodNumber) => z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? Number(v) : v), schema);

export const VisitPlanItemDto = z.object({
  id: Uuid,
  customerId: Uuid,
  customerName: z.string(),
  valueClass: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  address: z.string().nullable(),
  contactId: Uuid.nullable(),
  contactName: z.string().nullable(),
  isExecutiveContact: z.boolean().describe('the contact is a senior executive or the economic buyer'),
  opportunityId: Uuid.nullable(),
  opportunityName: z.string().nullable(),
  plannedDate: IsoDateString.nullable(),
  halfDay: HalfDay.nullable(),
  plannedVisits: z.int().describe('visits planned in the period (quarter / month plans: the frequency)'),
  purpose: z.string().nullable(),
  mode: VisitMode,
  isExecutiveBooking: z.boolean(),
  status: VisitItemStatus.describe('planned | done | missed (a planned visit whose day has passed counts as missed)'),
  doneActivityId: Uuid.nullable(),
  checkedInAt: InstantString.nullable(),
}).meta({ id: 'VisitPlanItem' });
export type VisitPlanItemDto = z.infer<typeof VisitPlanItemDto>;

export const VisitWarningDto = z.object({
  code: VisitWarningCode,
  message: z.string().describe('localised'),
  customerIds: z.array(Uuid),
  itemIds: z.array(Uuid),
}).meta({ id: 'VisitPlanWarning' });
export type VisitWarningDto = z.infer<typeof VisitWarningDto>;

export const VisitPlanDto = z.object({
  id: Uuid,
  ownerId: Uuid,
  ownerName: z.string(),
  period: VisitPlanPeriod,
  periodStart: IsoDateString,
  periodEnd: IsoDateString,
  parentId: Uuid.nullable(),
  status: VisitPlanStatus,
  dueDate: IsoDateString.nullable().describe('week plans: the Friday before the week'),
  submittedAt: InstantString.nullable(),
  isLate: z.boolean().describe('a week plan submitted (or still not submitted) after its due date'),
  approvalId: Uuid.nullable(),
  note: z.string().nullable(),
  itemCount: z.int(),
  doneCount: z.int(),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'VisitPlan' });
export type VisitPlanDto = z.infer<typeof VisitPlanDto>;

export const VisitPlanDetailDto = VisitPlanDto.extend({
  items: z.array(VisitPlanItemDto),
  warnings: z.array(VisitWarningDto).describe('plan checks: they warn, they never refuse'),
  freeHalfDays: z.int().nullable().describe('week plans: half-days Mon–Fri with nothing booked'),
  dueCustomers: z.array(z.object({
    customerId: Uuid, customerName: z.string(), valueClass: z.string(), lastVisitOn: IsoDateString.nullable(),
    nextDueOn: IsoDateString.nullable(), status: z.enum(['due', 'overdue']), isPlanned: z.boolean(),
  })).describe("the owner's route-plan customers due or overdue for a visit by the end of the period"),
}).meta({ id: 'VisitPlanDetail' });
export type VisitPlanDetailDto = z.infer<typeof VisitPlanDetailDto>;

export const VisitPlanListQuery = z.strictObject({
  owner: z.union([z.literal('me'), Uuid]).optional().describe("'me' or a user id in my data scope"),
  period: VisitPlanPeriod.optional(),
  status: VisitPlanStatus.optional(),
  from: IsoDateString.optional().describe('plans whose period starts on or after'),
  to: IsoDateString.optional().describe('plans whose period starts on or before'),
  limit: ListQuery.shape.limit,
  cursor: ListQuery.shape.cursor.describe('nextCursor of the previous page'),
});
export type VisitPlanListQuery = z.infer<typeof VisitPlanListQuery>;
/** Newest period first (period start, then id, both descending): keyset-paged. */
export const VisitPlanList = pageOf(VisitPlanDto);

export const CreateVisitPlanBody = z.strictObject({
  period: VisitPlanPeriod,
  periodStart: IsoDateString.describe('quarter: its first day; month: the 1st; week: a Monday; day: the day'),
  ownerId: Uuid.optional().describe('defaults to me; a supervisor may plan for someone in their scope'),
  parentId: Uuid.nullable().optional().describe("the enclosing plan; defaults to the owner's plan of the enclosing period"),
  note: z.string().trim().max(2000).nullable().optional(),
});

export const VisitPlanItemInput = z.strictObject({
  customerId: Uuid,
  contactId: Uuid.nullable().optional(),
  opportunityId: Uuid.nullable().optional(),
  plannedDate: IsoDateString.nullable().optional(),
  halfDay: HalfDay.nullable().optional(),
  plannedVisits: z.int().min(1).max(100).optional(),
  purpose: z.string().trim().max(500).nullable().optional(),
  mode: VisitMode.optional().describe('defaults to funnel when an opportunity is given, else route'),
  isExecutiveBooking: z.boolean().optional(),
});
export type VisitPlanItemInput = z.infer<typeof VisitPlanItemInput>;

export const PutVisitPlanItemsBody = z.strictObject({
  version: Version,
  items: z.array(VisitPlanItemInput).max(500),
});

export const SubmitVisitPlanBody = z.strictObject({ version: Version });

export const RouteQuery = z.strictObject({
  date: IsoDateString,
  startLat: numberParam(Latitude).optional(),
  startLng: numberParam(Longitude).optional(),
});
export const RouteStopDto = z.object({
  order: z.int(),
  item: VisitPlanItemDto,
  legKm: z.number().nullable().describe('from the previous stop (or the start point)'),
});
export const RouteDto = z.object({
  planId: Uuid,
  date: IsoDateString,
  start: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  stops: z.array(RouteStopDto).describe('located stops in route order, then those without coordinates'),
  distanceBeforeKm: z.number().describe('the planned order (date, half-day, as entered)'),
  distanceAfterKm: z.number().describe('nearest neighbour + 2-opt; never longer than before'),
}).meta({ id: 'VisitRoute' });
export type RouteDto = z.infer<typeof RouteDto>;

export const AdherenceQuery = z.strictObject({
  from: IsoDateString,
  to: IsoDateString,
  ownerId: z.union([z.literal('me'), Uuid]).optional(),
  departmentId: Uuid.optional(),
});
export const AdherenceRowDto = z.object({
  ownerId: Uuid,
  ownerName: z.string(),
  planned: z.int().describe('visits planned in week / day plans in the period'),
  done: z.int(),
  missed: z.int(),
  pending: z.int().describe('planned for today or later, not done yet'),
  adherencePercent: z.number().nullable().describe('done / (done + missed) × 100'),
  visitsDone: z.int().describe('all visits done in the period, planned or not'),
  unplannedVisits: z.int(),
});
export const AdherenceDto = z.object({ from: IsoDateString, to: IsoDateString, rows: z.array(AdherenceRowDto) }).meta({ id: 'VisitAdherence' });
export type AdherenceDto = z.infer<typeof AdherenceDto>;

export const NearQuery = z.strictObject({
  lat: numberParam(Latitude),
  lng: numberParam(Longitude),
  radiusKm: numberParam(z.number({ error: 'errors.radiusRange' }).gt(0, { error: 'errors.radiusRange' }).max(200, { error: 'errors.radiusRange' })).default(5),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const NearCustomerDto = z.object({
  id: Uuid, name: z.string(), valueClass: z.string(), status: z.string(), address: z.string().nullable(),
  latitude: z.number(), longitude: z.number(), distanceKm: z.number(), ownerId: Uuid.nullable(), ownerName: z.string().nullable(),
  lastFollowUpOn: IsoDateString.nullable(),
});
export const NearList = z.object({ items: z.array(NearCustomerDto) });
export type NearCustomerDto = z.infer<typeof NearCustomerDto>;

export const CreateCheckInBody = z.strictObject({
  latitude: Latitude,
  longitude: Longitude,
  accuracyMeters: z.number().min(0).max(100000).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  planItemId: Uuid.optional().describe('the plan item visited: marked done'),
  activityId: Uuid.optional().describe('a planned visit activity: completed'),
  customerId: Uuid.optional().describe('without a plan item or activity: a done visit is logged on this customer'),
  photoAttachmentId: Uuid.nullable().optional().describe("a photo uploaded first to the customer's attachments"),
});
export const CheckInDto = z.object({
  id: Uuid,
  userId: Uuid,
  customerId: Uuid,
  customerName: z.string(),
  planItemId: Uuid.nullable(),
  activityId: Uuid,
  latitude: z.number(),
  longitude: z.number(),
  accuracyMeters: z.number().nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  photoAttachmentId: Uuid.nullable(),
  distanceFromCustomerKm: z.number().nullable().describe("from the customer's recorded location, when it has one"),
  checkedAt: InstantString.describe('server time'),
}).meta({ id: 'CheckIn' });
export type CheckInDto = z.infer<typeof CheckInDto>;

export const ReminderBody = z.strictObject({ asOf: IsoDateString.optional() });
export const ReminderResult = z.object({ asOf: IsoDateString, weekStart: IsoDateString, reminded: z.int() });

export const MapConfigDto = z.object({
  tileUrl: z.string(),
  attribution: z.string(),
}).meta({ id: 'MapConfig' });
