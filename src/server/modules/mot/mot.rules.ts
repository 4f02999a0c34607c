import { needSteps, type AdvanceNeedBody, type NeedStep } from '../../../shared/contracts/mot.contract.js';
import type { IsoDate } from '../../../shared/dates.js';

/** The step after this one in explore → propose → execute → confirm; null once confirmed. */
export function nextStep(step: NeedStep): NeedStep | null {
  return needSteps[needSteps.indexOf(step) + 1] ?? null;
}

/** The data fields an advance may carry, by the step it reaches (the rest belong to other steps). */
export const stepFields = {
  explore: [],
  propose: ['promise', 'promiseDueDate'],
  execute: ['fulfilment'],
  confirm: ['satisfactionScore', 'comment'],
} as const satisfies Record<NeedStep, readonly (keyof AdvanceNeedBody)[]>;

/** The fields each step requires: the promise at propose, its fulfilment at execute, score and comment at confirm. */
export const requiredStepFields = {
  explore: [],
  propose: ['promise'],
  execute: ['fulfilment'],
  confirm: ['satisfactionScore', 'comment'],
} as const satisfies Record<NeedStep, readonly (keyof AdvanceNeedBody)[]>;

const allStepFields = ['promise', 'promiseDueDate', 'fulfilment', 'satisfactionScore', 'comment'] as const;

export type AdvanceData = Pick<AdvanceNeedBody, 'to' | (typeof allStepFields)[number]>;

export type FieldProblem = { field: string; problem: 'required' | 'notForStep' | 'satisfactionScore' | 'dueDateInPast' };

export type AdvanceRefusal =
  /** 422: a confirmed need has no further step */
  | { kind: 'alreadyConfirmed' }
  /** 422: steps go strictly in order; `to` named a step other than the next */
  | { kind: 'outOfOrder'; from: NeedStep; to: NeedStep; expected: NeedStep }
  /** 400: the next step's data is missing or wrong, or data of another step was sent */
  | { kind: 'fields'; to: NeedStep; problems: FieldProblem[] };

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Whether a need at `step` may advance with this data, as of `asOf` (the workspace's today): only to
 * the next step, carrying exactly that step's data — a promise to reach propose (due date optional,
 * not before today), its fulfilment to reach execute, a whole-number score 1–5 and a comment to confirm.
 */
export function advanceRefusal(step: NeedStep, data: AdvanceData, asOf: IsoDate): AdvanceRefusal | null {
  const next = nextStep(step);
  if (!next) return { kind: 'alreadyConfirmed' };
  if (data.to !== undefined && data.to !== next) return { kind: 'outOfOrder', from: step, to: data.to, expected: next };
  const problems: FieldProblem[] = [];
  for (const field of allStepFields) {
    if (data[field] !== undefined && !(stepFields[next] as readonly string[]).includes(field)) problems.push({ field, problem: 'notForStep' });
  }
  for (const field of requiredStepFields[next]) {
    if (isBlank(data[field])) problems.push({ field, problem: 'required' });
  }
  const score = data.satisfactionScore;
  if (next === 'confirm' && score !== undefined && !isSatisfactionScore(score)) problems.push({ field: 'satisfactionScore', problem: 'satisfactionScore' });
  if (next === 'propose' && data.promiseDueDate !== undefined && data.promiseDueDate < asOf) problems.push({ field: 'promiseDueDate', problem: 'dueDateInPast' });
  return problems.length > 0 ? { kind: 'fields', to: next, problems } : null;
}

/** A satisfaction score is a whole number from 1 (very unhappy) to 5 (very satisfied). */
export function isSatisfactionScore(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The step data of a need that may still be edited: the promise while at propose, the fulfilment while at execute. */
export const editableStepFields = {
  explore: [],
  propose: ['promise', 'promiseDueDate'],
  execute: ['fulfilment'],
  confirm: [],
} as const satisfies Record<NeedStep, readonly string[]>;

/**
 * Which fields of an edit are refused at this step: a confirmed need is closed (every field); step
 * data can be corrected only while the need stands at that step.
 */
export function editRefusal(step: NeedStep, fields: readonly string[]): { closed: boolean; fields: string[] } | null {
  if (step === 'confirm') return fields.length > 0 ? { closed: true, fields: [...fields] } : null;
  const stepData = ['promise', 'promiseDueDate', 'fulfilment'];
  const refused = fields.filter((f) => stepData.includes(f) && !(editableStepFields[step] as readonly string[]).includes(f));
  return refused.length > 0 ? { closed: false, fields: refused } : null;
}

/** Clock skew tolerated on "not in the future" (a phone a few minutes ahead). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** A touchpoint records what happened: it cannot lie in the future (beyond a few minutes of clock skew). */
export function isFutureInstant(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > FUTURE_TOLERANCE_MS;
}
