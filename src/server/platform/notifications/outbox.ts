import type { Executor } from '../db/client.js';
import { newId } from '../db/columns.js';
import { outbox } from './notifications.schema.js';

export interface NotifySpec {
  userIds: readonly string[];
  /** notification kind; the web localises `notifications.kinds.<kind>` with `params` */
  kind: string;
  params?: Record<string, unknown>;
  link?: string;
}

export interface DomainEvent {
  /** e.g. `approval.requested`; webhooks subscribe by this name */
  topic: string;
  payload: Record<string, unknown>;
  notify?: NotifySpec;
}

/** Writes an event in the business transaction; notifications and webhooks follow after commit. */
export async function emitEvent(tx: Executor, workspaceId: string, event: DomainEvent): Promise<string> {
  const id = newId();
  await tx.insert(outbox).values({ id, workspaceId, topic: event.topic, payload: { ...event.payload, notify: event.notify ?? null } });
  return id;
}
