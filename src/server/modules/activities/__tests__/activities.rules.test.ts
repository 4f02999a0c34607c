import { describe, expect, it } from 'vitest';
import {
  actionItemProblems, defaultActivityStatus, isFollowUp, isReminderDue, isReportable, recipientProblems, taskBucket, type RemindableTask,
} from '../activities.rules.js';

describe('reminders of tasks (once per due date, on the reminder day or the due day)', () => {
  const task = (over: Partial<RemindableTask> = {}): RemindableTask => ({ status: 'open', dueDate: '2026-12-10', reminderOn: null, remindedFor: null, ...over });
  it.each([
    ['the day before it is due', task(), '2026-12-09', false],
    ['on the due day', task(), '2026-12-10', true],
    ['overdue, never reminded', task(), '2026-12-15', true],
    ['already reminded about this due date', task({ remindedFor: '2026-12-10' }), '2026-12-15', false],
    ['reminded about an earlier due date, then re-dated', task({ remindedFor: '2026-12-05' }), '2026-12-10', true],
    ['re-dated later: not yet due again', task({ remindedFor: '2026-12-05' }), '2026-12-09', false],
    ['done tasks are never reminded', task({ status: 'done' }), '2026-12-15', false],
    ['an early reminder day, the day before it', task({ reminderOn: '2026-12-08' }), '2026-12-07', false],
    ['an early reminder day, on it', task({ reminderOn: '2026-12-08' }), '2026-12-08', true],
    ['a reminder set after the due day still fires on the due day', task({ reminderOn: '2026-12-12' }), '2026-12-10', true],
  ])('%s → %s', (_label, t, asOf, expected) => expect(isReminderDue(t, asOf)).toBe(expected));
});

describe('my tasks buckets', () => {
  it.each([
    ['2026-12-09', '2026-12-10', 'overdue'],
    ['2026-12-10', '2026-12-10', 'today'],
    ['2026-12-11', '2026-12-10', 'upcoming'],
  ] as const)('due %s as of %s → %s', (dueDate, asOf, bucket) => expect(taskBucket({ status: 'open', dueDate }, asOf)).toBe(bucket));
  it('a done task is done whatever its date', () => expect(taskBucket({ status: 'done', dueDate: '2020-01-01' }, '2026-12-10')).toBe('done'));
});

describe('call report recipients (TO / CC)', () => {
  const known = new Set(['a', 'b', 'c']);
  it.each([
    ['all known, no repeats', ['a'], ['b', 'c'], []],
    ['a stranger in TO is named by position', ['a', 'x'], [], [{ path: 'to.1', key: 'errors.recipientNotUser' }]],
    ['a stranger in CC', ['a'], ['y'], [{ path: 'cc.0', key: 'errors.recipientNotUser' }]],
    ['the same person twice in TO', ['a', 'a'], [], [{ path: 'to.1', key: 'errors.recipientTwice' }]],
    ['a TO recipient copied as well', ['a'], ['b', 'a'], [{ path: 'cc.1', key: 'errors.recipientTwice' }]],
    ['no recipients at all is fine for a draft', [], [], []],
  ])('%s', (_label, to, cc, problems) => expect(recipientProblems(to, cc, known)).toEqual(problems));
});

describe('action items', () => {
  const known = new Set(['a']);
  it.each([
    ['due on the report day', { assigneeId: 'a', dueDate: '2026-12-10' }, []],
    ['due the day before the report', { assigneeId: 'a', dueDate: '2026-12-09' }, [{ path: 'actionItems.0.dueDate', key: 'errors.dueDateTooEarly', params: { min: '2026-12-10' } }]],
    ['assigned to a stranger', { assigneeId: 'z', dueDate: '2026-12-11' }, [{ path: 'actionItems.0.assigneeId', key: 'errors.assigneeNotUser' }]],
  ])('%s', (_label, item, problems) => expect(actionItemProblems([item], known, '2026-12-10')).toEqual(problems));
});

describe('which activities count', () => {
  it.each([
    ['visit', true, true], ['call', true, true], ['meeting', true, false], ['demo', true, false],
    ['email', false, false], ['message', false, false], ['task', false, false],
  ])('%s: follow-up %s, call report %s', (type, followUp, reportable) => {
    expect(isFollowUp(type)).toBe(followUp);
    expect(isReportable(type)).toBe(reportable);
  });
  it.each([
    ['2026-12-10T01:59:59Z', 'done'], ['2026-12-10T02:00:00Z', 'done'], ['2026-12-10T02:00:01Z', 'planned'],
  ] as const)('occurring at %s when it is 02:00Z → %s', (at, status) => expect(defaultActivityStatus(new Date(at), new Date('2026-12-10T02:00:00Z'))).toBe(status));
});
