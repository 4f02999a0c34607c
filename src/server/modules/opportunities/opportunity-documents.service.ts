import { todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import type { ApprovalOutcome } from '../../platform/approvals/approvals.registry.js';
import { submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import type { CommandContext } from '../../platform/http/context.js';
import { documentStageWindow, type StageDocument } from './initiation-reports.rules.js';
import { lockOpportunity, type OpportunityRow } from './opportunities.repository.js';
import { opportunityAccess } from './opportunities.service.js';
import { stagesOf } from './pipelines.repository.js';
import type { OpportunityDocumentPermission } from './opportunity-documents.permissions.js';

export const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
export const has = (ctx: CommandContext, permission: OpportunityDocumentPermission) => ctx.actor.permissions.has(permission);

export type DocumentOpportunity = OpportunityRow;

export interface DocumentAccess {
  opportunity: DocumentOpportunity;
  /** the caller may change the opportunity's documents: within their data scope or a write collaborator */
  mayEdit: boolean;
  /** the caller may close the opportunity (no-bid): within their own data scope, as for any close */
  mayManage: boolean;
}

/**
 * How the caller sees an opportunity's documents — the opportunity's own visibility (owner within
 * their data scope, or a collaborator 协作人); otherwise it does not exist for them (404).
 * `forUpdate` locks the opportunity row for the transaction, so commands on one opportunity queue.
 */
export async function requireDocumentOpportunity(db: Executor, ctx: CommandContext, opportunityId: string, options: { forUpdate?: boolean } = {}): Promise<DocumentAccess> {
  const access = await opportunityAccess(db, ctx, opportunityId);
  if (!access) throw notFound('opportunity');
  const opportunity = options.forUpdate ? await lockOpportunity(db, ctx.workspace.id, opportunityId) : access.row;
  if (!opportunity) throw notFound('opportunity');
  return { opportunity, mayEdit: access.viaScope || access.collaboration === 'write', mayManage: access.viaScope };
}

/** Whether the opportunity is open and not past the stage that requires the document. */
export async function stageWindowOf(db: Executor, ctx: CommandContext, opportunity: DocumentOpportunity, document: StageDocument) {
  if (opportunity.status !== 'open') return 'closed' as const;
  const stages = await stagesOf(db, ctx.workspace.id, opportunity.pipelineId);
  return documentStageWindow(stages, opportunity.stageId, document);
}

/**
 * Refuses to change a document unless the caller may edit the opportunity (403), the opportunity is
 * open and stands at or before the stage that requires the document (422).
 */
export async function assertDocumentWritable(db: Executor, ctx: CommandContext, access: DocumentAccess, document: StageDocument, permission: OpportunityDocumentPermission) {
  if (!access.mayEdit || !has(ctx, permission)) throw forbidden();
  const entity = document === 'initiation_report' ? 'initiation_report' : 'bid';
  const window = await stageWindowOf(db, ctx, access.opportunity, document);
  if (window === 'closed') throw new AppError('RULE_VIOLATION', 'errors.opportunityNotOpen');
  if (window === 'no_such_stage') throw new AppError('RULE_VIOLATION', 'errors.documentStageMissing', { entity });
  if (window === 'past_stage') throw new AppError('RULE_VIOLATION', 'errors.documentStagePassed', { entity });
}

// ── what the initiation report and the bid share: write at a version, submit, record the decision ─────

type DocumentEntity = 'initiation_report' | 'bid';
interface DocumentRow { id: string; status: string; version: number }

/** A document in approval or approved cannot be changed (domain §1.2, §17 "approval loopholes closed"). */
export function assertDocumentEditable(row: { status: string }, entity: DocumentEntity) {
  if (row.status === 'pending') throw new AppError('RULE_VIOLATION', 'errors.documentInApproval');
  if (row.status === 'approved') throw new AppError('RULE_VIOLATION', 'errors.documentApproved', { entity });
}

/** Creates the document, or updates it while editable at the version the caller read (409 when stale); audited. */
export async function writeDocument<R extends DocumentRow>(tx: Tx, ctx: CommandContext, p: {
  entity: DocumentEntity; existing: R | null; version: number | undefined;
  insert: () => Promise<R>; update: (existing: R, expectedVersion: number) => Promise<R | null>;
}): Promise<{ created: boolean; row: R }> {
  if (!p.existing) {
    const row = await p.insert();
    await appendAudit(tx, ctx, { entity: p.entity, entityId: row.id, action: 'create', after: row });
    return { created: true, row };
  }
  if (p.version === undefined) throw invalidField('version', 'errors.versionRequired');
  assertDocumentEditable(p.existing, p.entity);
  const row = await p.update(p.existing, p.version);
  if (!row) throw conflict();
  await appendAudit(tx, ctx, { entity: p.entity, entityId: row.id, action: 'update', before: p.existing, after: row });
  return { created: false, row };
}

/** The saved document at the version read, in a state that may be submitted. */
export function requireSubmittable<R extends DocumentRow>(existing: R | null, version: number, entity: DocumentEntity): R {
  if (!existing) throw new AppError('RULE_VIOLATION', 'errors.documentMissing', { entity });
  if (existing.version !== version) throw conflict();
  assertDocumentEditable(existing, entity);
  return existing;
}

/**
 * Claims the document for approval at the version read (two simultaneous submits: one claim, 409 for
 * the other), starts the approval with the opportunity as its subject — the owner, who runs the deal,
 * never approves it — links it to the document and audits the submission. Returns the approval id.
 */
export async function sendForApproval<R extends DocumentRow>(tx: Tx, ctx: CommandContext, p: {
  entity: DocumentEntity; documentType: string; opportunity: DocumentOpportunity; existing: R; version: number;
  claim: (expectedVersion: number) => Promise<R | null>;
  request: (claimed: R) => { title: string; snapshot: Record<string, unknown> };
  link: (documentId: string, approvalId: string) => Promise<void>;
}): Promise<string> {
  const claimed = await p.claim(p.version);
  if (!claimed) throw conflict();
  const { title, snapshot } = p.request(claimed);
  const { approvalId } = await submitForApproval(tx, ctx, {
    documentType: p.documentType, subjectId: p.opportunity.id, title, snapshot, excludedUserIds: [p.opportunity.ownerId],
  });
  await p.link(claimed.id, approvalId);
  await appendAudit(tx, ctx, { entity: p.entity, entityId: claimed.id, action: 'submit', before: { status: p.existing.status }, after: { status: 'pending', approvalId } });
  return approvalId;
}

type Decided = 'approved' | 'rejected' | 'returned';
const decisionAction = { approved: 'approve', rejected: 'reject', returned: 'return' } as const;

/**
 * The engine's callbacks for a document: the decision lands on the document of the opportunity (the
 * approval's subject) in the decision's transaction, audited; the engine notifies the requester.
 */
export function documentDecisionCallbacks(entity: DocumentEntity, decide: (tx: Tx, workspaceId: string, opportunityId: string, status: Decided) => Promise<DocumentRow | null>) {
  const record = (status: Decided) => async (tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome) => {
    const row = await decide(tx, ctx.workspace.id, outcome.subjectId, status);
    if (!row) return; // nothing pending any more: cannot happen while the engine holds the document in approval
    await appendAudit(tx, ctx, {
      entity, entityId: row.id, action: decisionAction[status],
      before: { status: 'pending' }, after: { status, approvalId: outcome.approvalId, comment: outcome.comment },
    });
  };
  return { onApproved: record('approved'), onRejected: record('rejected'), onReturned: record('returned') };
}
