import { z } from 'zod';
import { InstantString, ListQuery, pageOf, Uuid, Version } from './common.contract.js';
import { RoleCode } from './org.contract.js';

export const StepCondition = z.union([
  z.strictObject({ field: z.string().min(1).max(64), op: z.enum(['gte', 'gt', 'lte', 'lt', 'eq']), value: z.union([z.string().max(64), z.number(), z.boolean()]) }),
  z.strictObject({ flag: z.string().min(1).max(64) }),
]);
export type StepCondition = z.infer<typeof StepCondition>;

export const FlowStep = z.strictObject({
  label: z.string().min(1).max(100),
  approver: z.union([z.strictObject({ role: RoleCode }), z.strictObject({ supervisorOf: z.literal('requester') })]),
  when: StepCondition.optional(),
});
export type FlowStep = z.infer<typeof FlowStep>;

export const ApprovalFlowDto = z.object({
  documentType: z.string(), name: z.string(), steps: z.array(FlowStep), version: z.int(),
}).meta({ id: 'ApprovalFlow' });
export const UpdateApprovalFlowBody = z.strictObject({
  version: Version, name: z.string().min(1).max(100).optional(), steps: z.array(FlowStep).min(1).max(10),
});

export const approvalStatuses = ['pending', 'approved', 'rejected', 'returned', 'cancelled'] as const;
export const ApprovalStepDto = z.object({
  stepIndex: z.int(),
  label: z.string(),
  assignees: z.array(z.object({ id: Uuid, name: z.string() })),
  status: z.enum(['waiting', 'pending', 'approved', 'rejected', 'returned', 'cancelled']),
  decidedBy: z.object({ id: Uuid, name: z.string() }).nullable(),
  decidedAt: InstantString.nullable(),
  comment: z.string().nullable(),
});
export const ApprovalDto = z.object({
  id: Uuid,
  documentType: z.string(),
  subjectId: Uuid,
  title: z.string(),
  requester: z.object({ id: Uuid, name: z.string() }),
  status: z.enum(approvalStatuses),
  currentStep: z.int(),
  snapshot: z.record(z.string(), z.unknown()).describe('the values being approved, frozen at submission'),
  steps: z.array(ApprovalStepDto),
  canDecide: z.boolean().describe('the caller is an assignee of the current step'),
  createdAt: InstantString,
  decidedAt: InstantString.nullable(),
  version: z.int(),
}).meta({ id: 'Approval' });
export type ApprovalDto = z.infer<typeof ApprovalDto>;

export const ApprovalListQuery = ListQuery.extend({
  status: z.enum(approvalStatuses).optional(),
  assignee: z.literal('me').optional().describe('only approvals whose current step waits on me'),
  requester: z.literal('me').optional(),
  documentType: z.string().max(64).optional(),
});
export const ApprovalPage = pageOf(ApprovalDto);

export const ApproveBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });
export const RejectBody = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
