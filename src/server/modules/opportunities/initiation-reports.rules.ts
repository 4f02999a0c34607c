import type { ErrorDetail } from '../../../shared/errors.js';
import type { IsoDate } from '../../../shared/dates.js';
import { money, type Money } from '../../../shared/money.js';

/** Approval documents of the big-account pipeline (§6.2) and the stage approval each one satisfies. */
export type StageDocument = 'initiation_report' | 'bid_price';
export type DocumentStatus = 'draft' | 'pending' | 'approved' | 'rejected' | 'returned';

/** A document may be changed and (re)submitted only while draft, returned for change or rejected (§1.2). */
export function isEditableStatus(status: DocumentStatus | string): boolean {
  return status === 'draft' || status === 'returned' || status === 'rejected';
}

export interface StagePosition { id: string; position: number; requiredApprovals: readonly string[] }

export type StageWindow = 'ok' | 'no_such_stage' | 'past_stage';

/**
 * Whether a document may be written now: the pipeline must have a stage that requires it, and the
 * opportunity must stand in that stage or an earlier one — once it has moved past the stage the
 * approved document is history and no longer changes.
 */
export function documentStageWindow(stages: readonly StagePosition[], currentStageId: string, document: StageDocument): StageWindow {
  const gate = stages.filter((s) => s.requiredApprovals.includes(document)).sort((a, b) => a.position - b.position)[0];
  if (!gate) return 'no_such_stage';
  const current = stages.find((s) => s.id === currentStageId);
  if (!current) return 'no_such_stage';
  return current.position <= gate.position ? 'ok' : 'past_stage';
}

export interface InitiationReportInput {
  expectedContractAmount: Money;
  estimatedGrossMarginPct: string;
  salesExpenseBudget: Money;
  expectedSigningDate: IsoDate;
}

/**
 * Field checks beyond the wire format: amounts are not negative, the estimated gross margin is at
 * most 100 %, and the expected signing date is not before `asOf` (today in the workspace zone).
 */
export function validateInitiationReport(input: InitiationReportInput, asOf: IsoDate): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (money.compare(input.expectedContractAmount, 0) < 0) errors.push({ path: 'expectedContractAmount', message: 'errors.notNegative' });
  if (money.compare(input.salesExpenseBudget, 0) < 0) errors.push({ path: 'salesExpenseBudget', message: 'errors.notNegative' });
  if (money.compare(input.estimatedGrossMarginPct, 100) > 0) errors.push({ path: 'estimatedGrossMarginPct', message: 'errors.tooBig', params: { max: 100 } });
  if (input.expectedSigningDate < asOf) errors.push({ path: 'expectedSigningDate', message: 'errors.signingDateInPast', params: { today: asOf } });
  return errors;
}

/** The GM approves an initiation report whose expected contract amount reaches the policy threshold (inclusive). */
export function needsGmApproval(expectedContractAmount: Money, threshold: Money): boolean {
  return money.compare(expectedContractAmount, threshold) >= 0;
}
