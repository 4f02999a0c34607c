import type { InitiationReportViewDto, SaveInitiationReportBody } from '../../../shared/contracts/opportunities.contract.js';
import { AppError } from '../../../shared/errors.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import type { Executor } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import {
  decideInitiationReport, findInitiationReport, insertInitiationReport, markInitiationReportPending, setInitiationReportApproval,
  updateInitiationReport, type InitiationReportRow,
} from './initiation-reports.repository.js';
import { isEditableStatus, needsGmApproval, validateInitiationReport } from './initiation-reports.rules.js';
import {
  assertDocumentWritable, documentDecisionCallbacks, has, requireDocumentOpportunity, requireSubmittable, sendForApproval, stageWindowOf, todayOf,
  writeDocument, type DocumentAccess,
} from './opportunity-documents.service.js';

/** Approval document type of the initiation report; the approval's subject is the opportunity (one report each). */
export const INITIATION_REPORT_DOCUMENT = 'initiation_report';

async function toDto(db: Executor, ctx: CommandContext, access: DocumentAccess, row: InitiationReportRow): Promise<InitiationReportViewDto> {
  const window = await stageWindowOf(db, ctx, access.opportunity, 'initiation_report');
  return {
    id: row.id, opportunityId: row.opportunityId, projectName: row.projectName, projectNumber: row.projectNumber,
    customerLead: row.customerLead, expectedContractAmount: row.expectedContractAmount, estimatedGrossMarginPct: row.estimatedGrossMarginPct,
    salesExpenseBudget: row.salesExpenseBudget, projectCategory: row.projectCategory, expectedSigningDate: row.expectedSigningDate,
    status: row.status as InitiationReportViewDto['status'], approvalId: row.approvalId, version: row.version,
    updatedAt: row.updatedAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null,
    canEdit: access.mayEdit && has(ctx, 'initiation_report:write') && isEditableStatus(row.status) && window === 'ok',
  };
}

/** The initiation report of a visible opportunity, or null when none is written yet. */
export async function getInitiationReport(ctx: CommandContext, opportunityId: string): Promise<InitiationReportViewDto | null> {
  const access = await requireDocumentOpportunity(ctx.db, ctx, opportunityId);
  const row = await findInitiationReport(ctx.db, ctx.workspace.id, opportunityId);
  return row ? toDto(ctx.db, ctx, access, row) : null;
}

/**
 * Writes the initiation report (立项报告) of an opportunity: creates it as a draft, or updates a draft,
 * returned or rejected one at the version read (it becomes a draft again). The project number is the
 * opportunity's number. The opportunity must be open, editable by the caller, and not past 立项.
 */
export async function saveInitiationReport(ctx: CommandContext, opportunityId: string, input: SaveInitiationReportBody) {
  const errors = validateInitiationReport(input, todayOf(ctx));
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', 'errors.validation', { fields: errors.map((e) => e.path) }, errors);
  return ctx.db.transaction(async (tx) => {
    const access = await requireDocumentOpportunity(tx, ctx, opportunityId, { forUpdate: true });
    await assertDocumentWritable(tx, ctx, access, 'initiation_report', 'initiation_report:write');
    const fields = {
      projectName: input.projectName, customerLead: input.customerLead, expectedContractAmount: input.expectedContractAmount,
      estimatedGrossMarginPct: input.estimatedGrossMarginPct, salesExpenseBudget: input.salesExpenseBudget,
      projectCategory: input.projectCategory, expectedSigningDate: input.expectedSigningDate,
    };
    const { created, row } = await writeDocument(tx, ctx, {
      entity: 'initiation_report', existing: await findInitiationReport(tx, ctx.workspace.id, opportunityId), version: input.version,
      insert: () => insertInitiationReport(tx, { ...fields, workspaceId: ctx.workspace.id, opportunityId, projectNumber: access.opportunity.number }),
      update: (existing, expectedVersion) => updateInitiationReport(tx, { workspaceId: ctx.workspace.id, id: existing.id, expectedVersion, fields }),
    });
    return { created, report: await toDto(tx, ctx, access, row) };
  });
}

/**
 * Sends the initiation report for approval (§6.2 stage 2): the requester's supervisor, then the sales
 * manager, and the GM when the expected contract amount reaches policy opportunity.initiationGmThreshold.
 * The report is claimed at the version read, so two simultaneous submits start one approval (409 for the other).
 */
export async function submitInitiationReport(ctx: CommandContext, opportunityId: string, input: { version: number }) {
  return ctx.db.transaction(async (tx) => {
    const access = await requireDocumentOpportunity(tx, ctx, opportunityId, { forUpdate: true });
    await assertDocumentWritable(tx, ctx, access, 'initiation_report', 'initiation_report:write');
    const existing = requireSubmittable(await findInitiationReport(tx, ctx.workspace.id, opportunityId), input.version, 'initiation_report');
    const threshold = (await readPolicies(tx, ctx.workspace.id))['opportunity.initiationGmThreshold'];
    const { opportunity } = access;
    await sendForApproval(tx, ctx, {
      entity: 'initiation_report', documentType: INITIATION_REPORT_DOCUMENT, opportunity, existing, version: input.version,
      claim: (expectedVersion) => markInitiationReportPending(tx, { workspaceId: ctx.workspace.id, id: existing.id, expectedVersion, submittedBy: ctx.actor.id }),
      request: (r) => ({
        title: `立项报告：${r.projectName}（${r.projectNumber}）`,
        snapshot: {
          opportunityId, opportunityName: opportunity.name, projectName: r.projectName, projectNumber: r.projectNumber,
          customerLead: r.customerLead, expectedContractAmount: r.expectedContractAmount, estimatedGrossMarginPct: r.estimatedGrossMarginPct,
          salesExpenseBudget: r.salesExpenseBudget, projectCategory: r.projectCategory, expectedSigningDate: r.expectedSigningDate,
          gmThreshold: threshold, needsGmApproval: needsGmApproval(r.expectedContractAmount, threshold),
        },
      }),
      link: (id, approvalId) => setInitiationReportApproval(tx, ctx.workspace.id, id, approvalId),
    });
    const row = (await findInitiationReport(tx, ctx.workspace.id, opportunityId))!;
    return toDto(tx, ctx, access, row);
  });
}

registerApprovalSubject(INITIATION_REPORT_DOCUMENT, {
  defaultFlow: {
    name: '立项报告审批',
    steps: [
      { label: '直属上级审批', approver: { supervisorOf: 'requester' } },
      { label: '销售经理审批', approver: { role: 'sales_manager' } },
      { label: '总经理审批', approver: { role: 'gm' }, when: { flag: 'needsGmApproval' } },
    ],
  },
  link: (opportunityId) => `/opportunities/${opportunityId}`,
  ...documentDecisionCallbacks('initiation_report', decideInitiationReport),
});
