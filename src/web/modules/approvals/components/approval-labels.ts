import type { TFunction } from 'i18next';
import type { Approval, ApprovalStep } from '../api';

/** Document types are registered by server modules; unknown ones show their code. */
export function documentTypeLabel(t: TFunction<'approvals'>, documentType: string): string {
  return t(`docType.${documentType}` as 'docType.policy_change', { defaultValue: documentType });
}

export const statusColors: Record<Approval['status'], string> = {
  pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', cancelled: 'default',
};

export const stepColors: Record<ApprovalStep['status'], string> = {
  waiting: 'gray', pending: 'blue', approved: 'green', rejected: 'red', returned: 'orange', cancelled: 'gray',
};

export function currentStepOf(approval: Approval): ApprovalStep | undefined {
  return approval.steps.find((s) => s.stepIndex === approval.currentStep);
}
