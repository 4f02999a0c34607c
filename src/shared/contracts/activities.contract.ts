import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, pageOf, Uuid, Version } from './common.contract.js';

/** Activities, call reports (访问报告) and action items / tasks (domain §7.2), and the timeline. */

export const activityTypes = ['visit', 'call', 'email', 'meeting', 'demo', 'message', 'task'] as const;
export const ActivityType = z.enum(activityTypes);
export type ActivityType = z.infer<typeof ActivityType>;

export const activityStatuses = ['planned', 'done', 'cancelled'] as const;
export const ActivityStatus = z.enum(activityStatuses);
export type ActivityStatus = z.infer<typeof ActivityStatus>;

export const callReportStatuses = ['draft', 'sent'] as const;
export const CallReportStatus = z.enum(callReportStatuses);
export type CallReportStatus = z.infer<typeof CallReportStatus>;

export const taskStatuses = ['open', 'done'] as const;
export const TaskStatus = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof TaskStatus>;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();

export const ActivityDto = z.object({
  id: Uuid,
  type: ActivityType,
  subject: z.string(),
  notes: z.string().nullable(),
  customerId: Uuid,
  customerName: z.string().nullable(),
  contactId: Uuid.nullable(),
  opportunityId: Uuid.nullable(),
  opportunityName: z.string().nullable(),
  status: ActivityStatus,
  occurredAt: InstantString.describe('when it happened (done) or is planned for'),
  durationMinutes: z.int().nullable(),
  location: z.string().nullable(),
  outcome: z.string().nullable(),
  completedAt: InstantString.nullable(),
  ownerId: Uuid,
  ownerName: z.string().nullable(),
  callReportId: Uuid.nullable().describe('the call report written for this activity, if any'),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Activity' });
export type ActivityDto = z.infer<typeof ActivityDto>;

const activityFields = {
  type: ActivityType,
  subject: z.string().trim().min(1).max(200),
  notes: optionalText(4000),
  customerId: Uuid,
  contactId: Uuid.nullable().optional(),
  opportunityId: Uuid.nullable().optional(),
  occurredAt: z.iso.datetime({ offset: true, error: 'errors.instant' }).describe('ISO 8601 instant'),
  durationMinutes: z.int().min(0).max(24 * 60).nullable().optional(),
  location: optionalText(300),
  outcome: optionalText(2000),
};

export const CreateActivityBody = z.strictObject({
  ...activityFields,
  customerId: Uuid.optional().describe("required unless opportunityId is given (then the opportunity's customer)"),
  status: z.enum(['planned', 'done']).optional().describe('default: done when occurredAt is in the past, else planned'),
  ownerId: Uuid.optional().describe('default: me; someone else within my data scope'),
}).meta({ id: 'CreateActivity' });
export type CreateActivityBody = z.infer<typeof CreateActivityBody>;

export const UpdateActivityBody = z.strictObject({
  version: Version,
  type: activityFields.type.optional(),
  subject: activityFields.subject.optional(),
  notes: activityFields.notes,
  contactId: activityFields.contactId,
  opportunityId: activityFields.opportunityId,
  occurredAt: activityFields.occurredAt.optional(),
  durationMinutes: activityFields.durationMinutes,
  location: activityFields.location,
  outcome: activityFields.outcome,
  status: z.enum(['planned', 'cancelled']).optional().describe('done only through POST /activities/{id}/complete'),
}).meta({ id: 'UpdateActivity' });
export type UpdateActivityBody = z.infer<typeof UpdateActivityBody>;

export const CompleteActivityBody = z.strictObject({
  version: Version,
  outcome: optionalText(2000),
  notes: optionalText(4000),
  occurredAt: activityFields.occurredAt.optional().describe('default: the planned time, or now when it was planned later'),
}).meta({ id: 'CompleteActivity' });
export type CompleteActivityBody = z.infer<typeof CompleteActivityBody>;

export const ActivityListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  opportunityId: Uuid.optional(),
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  type: ActivityType.optional(),
  status: ActivityStatus.optional(),
  from: IsoDateString.optional().describe('occurred on or after this day (workspace time zone)'),
  to: IsoDateString.optional().describe('occurred on or before this day'),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuery>;
export const ActivityPage = pageOf(ActivityDto);

// ── call reports ────────────────────────────────────────────────────────────────────────────

/** The message sections of a call report (§7.2): product budget, org chart, decision model, competitors. */
export const callReportSections = ['budget', 'orgChart', 'decisionModel', 'competitors', 'other'] as const;
export type CallReportSection = (typeof callReportSections)[number];
export const CallReportMessage = z.strictObject(
  Object.fromEntries(callReportSections.map((k) => [k, text(4000).nullable().optional()])) as Record<CallReportSection, ReturnType<typeof optionalText>>,
).meta({ id: 'CallReportMessage' });
export type CallReportMessage = z.infer<typeof CallReportMessage>;

export const ActionItemInput = z.strictObject({
  action: z.string().trim().min(1).max(500),
  assigneeId: Uuid,
  dueDate: IsoDateString,
  reminderAt: z.iso.datetime({ offset: true, error: 'errors.instant' }).nullable().optional().describe('default: 09:00 on the due date (workspace time zone)'),
});
export type ActionItemInput = z.infer<typeof ActionItemInput>;

const UserRef = z.object({ id: Uuid, name: z.string() });

export const ActionItemDto = z.object({
  index: z.int(),
  action: z.string(),
  assigneeId: Uuid,
  assigneeName: z.string().nullable(),
  dueDate: IsoDateString,
  reminderAt: InstantString.nullable(),
  taskId: Uuid.nullable().describe('the task created when the report was sent'),
  taskStatus: TaskStatus.nullable(),
});

export const CallReportDto = z.object({
  id: Uuid,
  activityId: Uuid.nullable(),
  reportDate: IsoDateString,
  customerId: Uuid,
  customerName: z.string().nullable(),
  contactId: Uuid.nullable(),
  opportunityId: Uuid.nullable(),
  company: z.string(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  purpose: z.string().nullable(),
  notes: z.string().nullable(),
  message: CallReportMessage,
  to: z.array(UserRef),
  cc: z.array(UserRef),
  actionItems: z.array(ActionItemDto),
  status: CallReportStatus,
  sentAt: InstantString.nullable(),
  authorId: Uuid,
  authorName: z.string().nullable(),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'CallReport' });
export type CallReportDto = z.infer<typeof CallReportDto>;

const callReportFields = {
  customerId: Uuid.optional().describe("required unless activityId or opportunityId gives it"),
  contactId: Uuid.nullable().optional(),
  opportunityId: Uuid.nullable().optional(),
  activityId: Uuid.nullable().optional().describe('the visit or call this report is about (one report per activity)'),
  reportDate: IsoDateString.optional().describe("default: the activity's day, else today"),
  company: optionalText(200).describe("default: the customer's name"),
  contactName: optionalText(100),
  phone: optionalText(40),
  address: optionalText(300),
  purpose: optionalText(4000).describe('written before the visit'),
  notes: optionalText(8000).describe('written during the visit'),
  message: CallReportMessage.optional(),
  to: z.array(Uuid).max(50).optional().describe('direct supervisor and the people who must act; at least one to send'),
  cc: z.array(Uuid).max(50).optional(),
  actionItems: z.array(ActionItemInput).max(50).optional(),
};

export const CreateCallReportBody = z.strictObject({
  ...callReportFields,
  send: z.boolean().optional().describe('true: send at once (notifies TO and CC, creates the tasks)'),
}).meta({ id: 'CreateCallReport' });
export type CreateCallReportBody = z.infer<typeof CreateCallReportBody>;

const { customerId: _customerId, activityId: _activityId, ...editableCallReportFields } = callReportFields;
export const UpdateCallReportBody = z.strictObject({
  version: Version,
  ...editableCallReportFields,
}).meta({ id: 'UpdateCallReport' });
export type UpdateCallReportBody = z.infer<typeof UpdateCallReportBody>;

export const SendCallReportBody = z.strictObject({ version: Version.optional() }).meta({ id: 'SendCallReport' });

export const CallReportListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  opportunityId: Uuid.optional(),
  authorId: z.union([Uuid, z.literal('me')]).optional(),
  recipient: z.literal('me').optional().describe('reports addressed to me (TO or CC)'),
  status: CallReportStatus.optional(),
  from: IsoDateString.optional(),
  to: IsoDateString.optional(),
});
export type CallReportListQuery = z.infer<typeof CallReportListQuery>;
export const CallReportPage = pageOf(CallReportDto.omit({ actionItems: true, message: true }).extend({ actionItemCount: z.int() }));

// ── tasks (action items) ────────────────────────────────────────────────────────────────────

export type TaskBucket = 'overdue' | 'today' | 'upcoming' | 'done';

/** Where a task sits on "my tasks": overdue after its due day, today on it, upcoming before (days in the workspace zone). */
export function taskBucket(task: { status: TaskStatus; dueDate: string }, asOf: string): TaskBucket {
  if (task.status === 'done') return 'done';
  if (task.dueDate < asOf) return 'overdue';
  if (task.dueDate === asOf) return 'today';
  return 'upcoming';
}

export const TaskDto = z.object({
  id: Uuid,
  action: z.string(),
  assigneeId: Uuid,
  assigneeName: z.string().nullable(),
  dueDate: IsoDateString,
  reminderAt: InstantString.nullable(),
  status: TaskStatus,
  doneAt: InstantString.nullable(),
  customerId: Uuid.nullable(),
  customerName: z.string().nullable(),
  opportunityId: Uuid.nullable(),
  callReportId: Uuid.nullable(),
  createdBy: Uuid.nullable(),
  version: z.int(),
  createdAt: InstantString,
}).meta({ id: 'Task' });
export type TaskDto = z.infer<typeof TaskDto>;

export const CreateTaskBody = z.strictObject({
  action: ActionItemInput.shape.action,
  assigneeId: Uuid.optional().describe('default: me'),
  dueDate: IsoDateString,
  reminderAt: ActionItemInput.shape.reminderAt,
  customerId: Uuid.nullable().optional(),
  opportunityId: Uuid.nullable().optional(),
}).meta({ id: 'CreateTask' });
export type CreateTaskBody = z.infer<typeof CreateTaskBody>;

export const CompleteTaskBody = z.strictObject({ version: Version.optional() });

export const TaskListQuery = ListQuery.extend({
  assignee: z.union([Uuid, z.literal('me')]).optional(),
  status: TaskStatus.optional(),
  dueBefore: IsoDateString.optional().describe('due on or before this day'),
  dueAfter: IsoDateString.optional().describe('due on or after this day'),
  customerId: Uuid.optional(),
  opportunityId: Uuid.optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
export const TaskPage = pageOf(TaskDto);

export const TaskReminderBody = z.strictObject({ asOf: IsoDateString.optional() });
export const TaskReminderResult = z.object({ asOf: IsoDateString, reminded: z.int() }).meta({ id: 'TaskReminderResult' });

// ── timeline ────────────────────────────────────────────────────────────────────────────────

export const timelineKinds = ['activity', 'call_report', 'task', 'stage_change'] as const;
export const TimelineEntry = z.object({
  kind: z.enum(timelineKinds),
  id: Uuid,
  at: InstantString,
  title: z.string(),
  detail: z.string().nullable(),
  /** activity type for activities */
  type: z.string().nullable(),
  status: z.string(),
  userId: Uuid.nullable().describe('owner / author / assignee'),
  userName: z.string().nullable(),
  customerId: Uuid.nullable(),
  opportunityId: Uuid.nullable(),
}).meta({ id: 'TimelineEntry' });
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const TimelineQuery = z.strictObject({
  limit: ListQuery.shape.limit,
  cursor: ListQuery.shape.cursor,
  kind: z.enum(timelineKinds).optional(),
});
export const TimelinePage = pageOf(TimelineEntry);
