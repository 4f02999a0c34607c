import type { IsoDate } from '../../../shared/dates.js';
import type { ErrorDetail } from '../../../shared/errors.js';
import { money, type Money } from '../../../shared/money.js';

export type SlipStatus = 'in_review' | 'approved' | 'rejected' | 'draft' | 'recorded';
export type SlipAction = 'approve' | 'reject' | 'return' | 'record' | 'resubmit';

/**
 * The slip's status flow (缴款单, domain §11.2): the sales manager decides, then finance records an approved
 * slip; a returned slip (draft) is corrected and resubmitted by its filer; rejected is final; null = not allowed.
 */
export function nextSlipStatus(from: SlipStatus, action: SlipAction): SlipStatus | null {
  if (from === 'in_review') return action === 'approve' ? 'approved' : action === 'reject' ? 'rejected' : action === 'return' ? 'draft' : null;
  if (from === 'approved' && action === 'record') return 'recorded';
  if (from === 'draft' && action === 'resubmit') return 'in_review';
  return null;
}

/**
 * What a slip may be filed for: a prepayment line, not written off or paid, an amount above zero and at
 * most what is still owed on it, received on or before today. Returns the errors naming the field.
 */
export function validateSlip(input: { kind: string; status: string; outstanding: Money; amount: Money; receivedOn: IsoDate; today: IsoDate; contractNumber: string }): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (input.kind !== 'prepayment') errors.push({ path: 'receivableId', message: 'errors.slipNotPrepayment', params: { contractNumber: input.contractNumber } });
  else if (!['open', 'partial'].includes(input.status) || money.compare(input.outstanding, 0) <= 0) errors.push({ path: 'receivableId', message: 'errors.slipLineSettled', params: { contractNumber: input.contractNumber } });
  if (money.compare(input.amount, 0) <= 0) errors.push({ path: 'amount', message: 'errors.paymentAmountPositive' });
  else if (errors.length === 0 && money.compare(input.amount, input.outstanding) > 0) {
    errors.push({ path: 'amount', message: 'errors.slipOverOutstanding', params: { amount: money.format(input.amount), outstanding: input.outstanding, contractNumber: input.contractNumber } });
  }
  if (input.receivedOn > input.today) errors.push({ path: 'receivedOn', message: 'errors.paymentReceivedInFuture', params: { receivedOn: input.receivedOn, today: input.today } });
  return errors;
}
