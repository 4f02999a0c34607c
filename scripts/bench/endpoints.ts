import type { RawClient } from './database.js';

/** Values the endpoints need from the generated data, looked up at bench time. */
export interface Probe {
  workspaceId: string;
  /** a recently changed customer and how many audit rows it has */
  entity: string;
  entityId: string;
  entityRows: number;
  /** a user of typical activity and how many audit rows they wrote */
  actorId: string;
  actorRows: number;
}

export interface EndpointDef {
  name: string;
  /** demo login the request is made as */
  as: 'gm' | 'admin';
  path(probe: Probe): string;
  /** the table of the endpoint's main query (the one timed as "raw SQL"); null for the no-database baseline */
  mainTable: string | null;
  /** indexes the main query's plan is expected to use */
  expectIndexes: string[];
}

export const endpoints: EndpointDef[] = [
  // baseline: the HTTP stack alone (no session, no SQL) — the ceiling of this machine for the others
  { name: 'health', as: 'gm', path: () => '/health', mainTable: null, expectIndexes: [] },
  {
    name: 'me', as: 'gm', path: () => '/api/v1/auth/me',
    mainTable: 'sessions', expectIndexes: ['sessions_pkey', 'users_workspace_id_id_pk', 'workspaces_pkey'],
  },
  {
    name: 'approvals-inbox', as: 'gm', path: () => '/api/v1/approvals?status=pending&assignee=me&limit=50',
    mainTable: 'approvals', expectIndexes: ['approval_steps_inbox_idx'],
  },
  {
    name: 'audit', as: 'admin', path: () => '/api/v1/audit?limit=50',
    mainTable: 'audit_log', expectIndexes: ['audit_log_workspace_id_id_pk'],
  },
  {
    name: 'audit-entity', as: 'admin', path: (p) => `/api/v1/audit?limit=50&entity=${encodeURIComponent(p.entity)}&entityId=${encodeURIComponent(p.entityId)}`,
    mainTable: 'audit_log', expectIndexes: ['audit_entity_idx'],
  },
  {
    name: 'audit-actor', as: 'admin', path: (p) => `/api/v1/audit?limit=50&actorId=${p.actorId}`,
    mainTable: 'audit_log', expectIndexes: ['audit_actor_idx'],
  },
];

/** `--only` filter: exact endpoint names; unknown names are an error. */
export function selectEndpoints(only: readonly string[]): EndpointDef[] {
  if (only.length === 0) return endpoints;
  const unknown = only.filter((name) => !endpoints.some((e) => e.name === name));
  if (unknown.length > 0) throw new Error(`unknown endpoint ${unknown.join(', ')}; known: ${endpoints.map((e) => e.name).join(', ')}`);
  return endpoints.filter((e) => only.includes(e.name));
}

export async function loadProbe(raw: RawClient, workspaceId: string, sampleActorId: string): Promise<Probe> {
  const entity = 'customer';
  const recent = await raw.query(
    'select entity_id from audit_log where workspace_id = $1 and entity = $2 order by id desc limit 1', [workspaceId, entity]);
  const entityId = String(recent.rows[0]?.entity_id ?? '');
  if (!entityId) throw new Error('no customer audit rows: was the dataset generated?');
  const count = async (column: string, value: string) => Number((await raw.query(
    `select count(*) as n from audit_log where workspace_id = $1 and ${column} = $2${column === 'entity_id' ? ` and entity = '${entity}'` : ''}`,
    [workspaceId, value])).rows[0]!.n);
  return {
    workspaceId, entity, entityId, entityRows: await count('entity_id', entityId),
    actorId: sampleActorId, actorRows: await count('actor_id', sampleActorId),
  };
}
