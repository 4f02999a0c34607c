import type { DataScope, RoleCode } from '../../../shared/contracts/org.contract.js';
import type { Database, DbKind } from '../db/client.js';
import type { Locale } from '../i18n/translate.js';

export interface Actor {
  id: string;
  workspaceId: string;
  name: string;
  username: string;
  roles: RoleCode[];
  departmentId: string | null;
  permissions: ReadonlySet<string>;
  dataScope: DataScope;
  locale: string;
  /** how the request was authenticated: cookie-session requests must carry the CSRF header */
  via: 'session' | 'token';
}

/** What every service function receives: who acts, where, and the database. */
export interface CommandContext {
  db: Database;
  dbKind: DbKind;
  actor: Actor;
  workspace: { id: string; name: string; timeZone: string };
  requestId: string;
  ip: string | null;
  locale: Locale;
  /** memo of the actor's visible owners for this request (see authz/scope.ts) */
  scopeCache?: Promise<VisibleOwners>;
}

export type VisibleOwners = { kind: 'all' } | { kind: 'users'; ids: string[] };
