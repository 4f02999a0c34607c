import type { ActivityType, TaskStatus } from '../../../shared/contracts/activities.contract.js';
import type { IsoDate } from '../../../shared/dates.js';

/**
 * Activity types that are a real exchange with the customer and so count as a follow-up (跟进) when
 * done: they restart the customer's pool-recycle clock (domain §5.3). E-mails and messages may go
 * unanswered, and a task is internal work, so they do not.
 */
export const followUpTypes = ['visit', 'call', 'meeting', 'demo'] as const satisfies readonly ActivityType[];
export const isFollowUp = (type: string): boolean => (followUpTypes as readonly string[]).includes(type);

/** A call report is written about a visit or a call (访问报告, §7.2). */
export const reportableTypes = ['visit', 'call'] as const satisfies readonly ActivityType[];
export const isReportable = (type: string): boolean => (reportableTypes as readonly string[]).includes(type);

/** A new activity without a status is done when it lies in the past, planned when it lies ahead. */
export function defaultActivityStatus(occurredAt: Date, now: Date): 'planned' | 'done' {
  return occurredAt.getTime() <= now.getTime() ? 'done' : 'planned';
}

/** Where a task sits on "my tasks" (shared with the web page, so it lives in the contract). */
export { taskBucket, type TaskBucket } from '../../../shared/contracts/activities.contract.js';

export interface RemindableTask {
  status: TaskStatus;
  dueDate: IsoDate;
  /** the day of the reminder instant in the workspace zone (null: remind on the due day) */
  reminderOn: IsoDate | null;
  /** the due date the assignee was last reminded about */
  remindedFor: IsoDate | null;
}

/**
 * An open task is reminded once per due date, on its reminder day or its due day, whichever is
 * earlier — and still when the sweep runs later (overdue). Re-dating the task re-arms the reminder.
 */
export function isReminderDue(task: RemindableTask, asOf: IsoDate): boolean {
  if (task.status !== 'open') return false;
  if (task.remindedFor === task.dueDate) return false;
  const remindOn = task.reminderOn && task.reminderOn < task.dueDate ? task.reminderOn : task.dueDate;
  return remindOn <= asOf;
}

export interface FieldProblem { path: string; key: string }

/**
 * TO and CC of a call report: every id must be an active user of the workspace (`known`), and a
 * person appears once across both lists. Problems name the field, e.g. `to.1` (the same form as schema validation).
 */
export function recipientProblems(to: readonly string[], cc: readonly string[], known: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const check = (list: readonly string[], name: 'to' | 'cc') => list.forEach((id, i) => {
    if (!known.has(id)) problems.push({ path: `${name}.${i}`, key: 'errors.recipientNotUser' });
    else if (seen.has(id)) problems.push({ path: `${name}.${i}`, key: 'errors.recipientTwice' });
    seen.add(id);
  });
  check(to, 'to');
  check(cc, 'cc');
  return problems;
}

/** Action items: each assignee an active user of the workspace, each due no earlier than the report's day. */
export function actionItemProblems(items: readonly { assigneeId: string; dueDate: IsoDate }[], known: ReadonlySet<string>, reportDate: IsoDate): (FieldProblem & { params?: Record<string, unknown> })[] {
  const problems: (FieldProblem & { params?: Record<string, unknown> })[] = [];
  items.forEach((item, i) => {
    if (!known.has(item.assigneeId)) problems.push({ path: `actionItems.${i}.assigneeId`, key: 'errors.assigneeNotUser' });
    if (item.dueDate < reportDate) problems.push({ path: `actionItems.${i}.dueDate`, key: 'errors.dueDateTooEarly', params: { min: reportDate } });
  });
  return problems;
}
