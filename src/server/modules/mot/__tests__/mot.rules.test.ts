import { describe, expect, it } from 'vitest';
import type { NeedStep } from '../../../../shared/contracts/mot.contract.js';
import { advanceRefusal, editRefusal, isFutureInstant, isSatisfactionScore, nextStep, type AdvanceData } from '../mot.rules.js';

const asOf = '2026-11-30';
const promise = { promise: '两周内提供改造方案与报价', promiseDueDate: '2026-12-14' };
const fulfilment = { fulfilment: '12 月 10 日已提交方案' };
const confirmation = { satisfactionScore: 4, comment: '方案专业，响应及时' };

describe('need steps go strictly explore → propose → execute → confirm', () => {
  it.each<[NeedStep, NeedStep | null]>([
    ['explore', 'propose'], ['propose', 'execute'], ['execute', 'confirm'], ['confirm', null],
  ])('after %s comes %s', (step, next) => expect(nextStep(step)).toBe(next));

  it.each<[NeedStep, AdvanceData]>([
    ['explore', promise],
    ['explore', { promise: '提供方案' }],
    ['propose', fulfilment],
    ['execute', confirmation],
  ])('a need at %s advances with the next step\'s data', (step, data) => expect(advanceRefusal(step, data, asOf)).toBeNull());

  it.each<[NeedStep, NeedStep, NeedStep]>([
    ['explore', 'execute', 'propose'], // skipping propose
    ['explore', 'confirm', 'propose'], // skipping to the end
    ['propose', 'propose', 'execute'], // standing still
    ['propose', 'explore', 'execute'], // going back
    ['execute', 'propose', 'confirm'],
    ['execute', 'execute', 'confirm'],
  ])('at %s, asking for %s is out of order (next is %s)', (from, to, expected) => {
    expect(advanceRefusal(from, { to, ...promise, ...fulfilment, ...confirmation }, asOf)).toEqual({ kind: 'outOfOrder', from, to, expected });
  });

  it('naming the next step explicitly is accepted', () => {
    expect(advanceRefusal('explore', { to: 'propose', ...promise }, asOf)).toBeNull();
  });

  it.each<[AdvanceData]>([[{}], [confirmation], [{ to: 'propose' }]])('a confirmed need never advances again (%j)', (data) => {
    expect(advanceRefusal('confirm', data, asOf)).toEqual({ kind: 'alreadyConfirmed' });
  });
});

describe('each step requires its data, and only its data', () => {
  const fieldsOf = (step: NeedStep, data: AdvanceData) => {
    const refusal = advanceRefusal(step, data, asOf);
    return refusal?.kind === 'fields' ? refusal.problems.map((p) => `${p.field}:${p.problem}`) : refusal;
  };

  it.each<[string, NeedStep, AdvanceData, string[]]>([
    ['propose without a promise', 'explore', {}, ['promise:required']],
    ['propose with a blank promise', 'explore', { promise: '   ' }, ['promise:required']],
    ['propose with a due date only', 'explore', { promiseDueDate: '2026-12-01' }, ['promise:required']],
    ['propose due yesterday', 'explore', { promise: '提供方案', promiseDueDate: '2026-11-29' }, ['promiseDueDate:dueDateInPast']],
    ['propose due today (allowed)', 'explore', { promise: '提供方案', promiseDueDate: '2026-11-30' }, []],
    ['propose carrying a score', 'explore', { ...promise, satisfactionScore: 5 }, ['satisfactionScore:notForStep']],
    ['execute without the fulfilment', 'propose', {}, ['fulfilment:required']],
    ['execute re-sending the promise', 'propose', { ...fulfilment, promise: '改口' }, ['promise:notForStep']],
    ['confirm without anything', 'execute', {}, ['satisfactionScore:required', 'comment:required']],
    ['confirm without a comment', 'execute', { satisfactionScore: 5 }, ['comment:required']],
    ['confirm with a blank comment', 'execute', { satisfactionScore: 5, comment: ' ' }, ['comment:required']],
    ['confirm without a score', 'execute', { comment: '满意' }, ['satisfactionScore:required']],
    ['confirm carrying the fulfilment', 'execute', { ...confirmation, ...fulfilment }, ['fulfilment:notForStep']],
  ])('%s', (_, step, data, problems) => {
    expect(fieldsOf(step, data) ?? []).toEqual(problems);
  });

  it.each<[unknown, boolean]>([
    [0, false], [1, true], [3, true], [5, true], [6, false], [4.5, false], [-1, false], [Number.NaN, false], ['4', false],
  ])('satisfaction score %j is valid: %s', (score, valid) => {
    expect(isSatisfactionScore(score)).toBe(valid);
    const refusal = advanceRefusal('execute', { satisfactionScore: score as number, comment: '满意' }, asOf);
    expect(refusal === null).toBe(valid);
    if (!valid) expect(refusal).toEqual({ kind: 'fields', to: 'confirm', problems: [{ field: 'satisfactionScore', problem: 'satisfactionScore' }] });
  });
});

describe('editing a need', () => {
  it.each<[NeedStep, string[], ReturnType<typeof editRefusal>]>([
    ['explore', ['title', 'description', 'ownerId'], null],
    ['explore', ['promise'], { closed: false, fields: ['promise'] }],
    ['propose', ['promise', 'promiseDueDate', 'title'], null],
    ['propose', ['fulfilment'], { closed: false, fields: ['fulfilment'] }],
    ['execute', ['fulfilment'], null],
    ['execute', ['promise', 'fulfilment'], { closed: false, fields: ['promise'] }],
    ['confirm', ['title'], { closed: true, fields: ['title'] }],
    ['confirm', [], null],
  ])('at %s, editing %j → %j', (step, fields, refusal) => expect(editRefusal(step, fields)).toEqual(refusal));
});

describe('touchpoints record what happened', () => {
  const now = new Date('2026-11-30T08:00:00Z');
  it.each<[string, boolean]>([
    ['2026-11-30T07:00:00Z', false],
    ['2026-11-30T08:05:00Z', false], // five minutes of clock skew tolerated
    ['2026-11-30T08:05:01Z', true],
    ['2026-12-01T08:00:00Z', true],
  ])('occurred at %s is in the future: %s', (at, future) => expect(isFutureInstant(new Date(at), now)).toBe(future));
});
