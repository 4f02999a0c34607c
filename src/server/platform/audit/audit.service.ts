import type { Executor } from '../db/client.js';
import type { CommandContext } from '../http/context.js';
import { auditLog } from './audit.schema.js';

export interface AuditEntry {
  entity: string;
  entityId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'secret', 'tokenHash', 'token']);

/** Strips secrets and turns Dates into ISO strings so before/after JSON is safe to show. */
function redact(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_FIELDS.has(k))
      .map(([k, v]) => [k, redact(v)]));
  }
  return value;
}

/** Appends an audit row inside the caller's transaction: the change and its audit commit together. */
export async function appendAudit(tx: Executor, ctx: CommandContext, entry: AuditEntry): Promise<void> {
  await appendAuditAs(tx, {
    workspaceId: ctx.workspace.id, actorId: ctx.actor.id, actorName: ctx.actor.name,
    requestId: ctx.requestId, ip: ctx.ip,
  }, entry);
}

export interface AuditActor { workspaceId: string; actorId: string | null; actorName: string | null; requestId?: string | null; ip?: string | null }

/** For events without a session yet (login, failed login, scheduler sweeps). */
export async function appendAuditAs(tx: Executor, who: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    workspaceId: who.workspaceId,
    actorId: who.actorId,
    actorName: who.actorName,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    action: entry.action,
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    requestId: who.requestId ?? null,
    ip: who.ip ?? null,
  });
}
