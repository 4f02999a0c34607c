import type { FlowStep } from '../../../shared/contracts/approvals.contract.js';
import type { Tx } from '../db/client.js';
import type { CommandContext } from '../http/context.js';

export interface ApprovalOutcome {
  approvalId: string;
  subjectId: string;
  snapshot: Record<string, unknown>;
  comment: string | null;
}

/** What a module tells the engine about a document type it sends for approval. */
export interface ApprovalSubject {
  /** default flow, used until the workspace stores its own */
  defaultFlow: { name: string; steps: FlowStep[] };
  /** link shown in the inbox and notifications */
  link?: (subjectId: string) => string;
  onApproved(tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome): Promise<void>;
  onRejected(tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome): Promise<void>;
  onReturned(tx: Tx, ctx: CommandContext, outcome: ApprovalOutcome): Promise<void>;
  /** hides snapshot fields the reader may not see (e.g. costs); the stored snapshot stays whole */
  redactSnapshot?(snapshot: Record<string, unknown>, permissions: ReadonlySet<string>): Record<string, unknown>;
}

const subjects = new Map<string, ApprovalSubject>();

/** Modules register their document types when the app is built. */
export function registerApprovalSubject(documentType: string, subject: ApprovalSubject) {
  subjects.set(documentType, subject);
}

export function approvalSubject(documentType: string): ApprovalSubject | undefined {
  return subjects.get(documentType);
}

export function registeredDocumentTypes(): string[] {
  return [...subjects.keys()].sort();
}
