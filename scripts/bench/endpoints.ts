import { crmCities } from './crm.js';
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
  /** customers (issue 3): the logins, filter values and search terms of the customer endpoints */
  crm: CrmProbe;
  /** opportunities and activities (issue 4); null when the dataset has no deals part */
  deals: DealsProbe | null;
  /** contracts, receivables, credit, quotes, orders, shipments (issue 5); null when the dataset has no money part */
  money: MoneyProbe | null;
  /** payments, aging, dunning (issue 6); null when the dataset has no collections part */
  collections: CollectionsProbe | null;
}

export interface CollectionsProbe {
  /** the day the collections part was generated in: the reports' asOf (no payment is received after it) */
  asOf: string;
  /** the last three whole months before asOf: the collection-rate period */
  rateFrom: string;
  rateTo: string;
  /** the customer with the most receivable lines (the balance endpoint) */
  balanceCustomerId: string;
  /** open or partial lines: all of them (gm, finance) and those the probe manager sees */
  openLines: number;
  managerOpenLines: number;
  overdueLines: number;
  /** the owner with the most overdue lines, their fullest aging bucket (the drill-down) and how many lines are in it */
  drillOwnerId: string;
  drillBucket: string;
  drillOwnerLines: number;
}

export interface MoneyProbe {
  /** the busy customer with the most receivable lines (the credit view and the credit check) */
  busyCustomerId: string;
  busyCustomerReceivables: number;
  busyCustomerOpenReceivables: number;
  busyCustomerContracts: number;
  /** an executing contract of the busy customer (the detail endpoint) */
  contractId: string;
  /** an open or partially shipped order of the busy customer and a shipment value to check (a tenth of the order) */
  orderId: string | null;
  checkAmount: string;
  /** contracts and quotes rep1 and the probe manager see (owner scope) */
  repContracts: number;
  managerContracts: number;
  repQuotes: number;
  managerQuotes: number;
}

export interface DealsProbe {
  bigPipelineId: string;
  standardPipelineId: string;
  /** the top-level department (大区) above the probe manager's department: the gm's department funnel */
  regionId: string;
  /** the customer with the most activities */
  busyCustomerId: string;
  busyCustomerActivities: number;
  /** cursors deep in the open opportunities, newest first: rep1's 500th, the probe manager's 20 000th (or their last page) */
  repDeepCursor: string;
  managerDeepCursor: string;
  /** open opportunities rep1 and the probe manager see (owner scope) */
  repOpen: number;
  managerOpen: number;
}

export interface CrmProbe {
  /** username of a generated sales manager whose department's children are the sales teams */
  managerLogin: string;
  /** a rep in that manager's teams (the owner filter) */
  teamRepId: string;
  /** the demo territory 华东 (east), with its sub-territories */
  territoryId: string;
  /** a customer of rep1's: two brand words of its name, the pinyin initials of city + first brand word, 8 phone digits, its credit code */
  nameFragment: string;
  shortFragment: string;
  initials: string;
  phoneDigits: string;
  creditCode: string;
  /** an updated-at window of 30 days ending a week before the newest change */
  updatedFrom: string;
  updatedTo: string;
}

/** The logins the endpoints are measured as: rep1 (own data), a generated sales manager (department tree), gm (all), admin, finance1 (all receivables). */
export type Login = 'gm' | 'admin' | 'rep' | 'manager' | 'finance';

export interface EndpointDef {
  name: string;
  /** login the request is made as */
  as: Login;
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
  ...customerEndpoints(),
  ...dealEndpoints(),
  ...moneyEndpoints(),
  ...collectionEndpoints(),
];

const enc = encodeURIComponent;

/** Customer lists, the pool and the search box (issue 3), as rep1, a sales manager and gm. */
function customerEndpoints(): EndpointDef[] {
  const list = (name: string, as: Login, query: (p: CrmProbe) => string, expectIndexes: string[]): EndpointDef => ({
    name, as, path: (p) => `/api/v1/customers?limit=50${query(p.crm) ? `&${query(p.crm)}` : ''}`, mainTable: 'customers', expectIndexes,
  });
  const search = (name: string, as: Login, term: (p: CrmProbe) => string, expectIndexes: string[]): EndpointDef => ({
    name, as, path: (p) => `/api/v1/search?q=${enc(term(p.crm))}`, mainTable: 'customers', expectIndexes,
  });
  return [
    list('customers-rep', 'rep', () => '', ['customers_owner_updated_idx']),
    list('customers-manager', 'manager', () => '', ['customers_updated_idx']),
    list('customers-gm', 'gm', () => '', ['customers_updated_idx']),
    list('customers-gm-class', 'gm', () => 'valueClass=A&status=active', ['customers_updated_idx']),
    list('customers-gm-territory', 'gm', (c) => `territoryId=${c.territoryId}`, ['customers_updated_idx']),
    list('customers-gm-industry', 'gm', () => `industry=${enc('制造业')}`, ['customers_updated_idx']),
    list('customers-gm-tag', 'gm', () => `tag=${enc('重点客户')}`, ['customers_updated_idx']),
    list('customers-manager-owner', 'manager', (c) => `ownerId=${c.teamRepId}`, ['customers_owner_updated_idx']),
    list('customers-rep-stale', 'rep', () => 'notFollowedUpDays=20', ['customers_owner_updated_idx']),
    list('customers-manager-stale', 'manager', () => 'notFollowedUpDays=27&valueClass=B', ['customers_touch_idx']),
    list('customers-gm-updated', 'gm', (c) => `updatedFrom=${c.updatedFrom}&updatedTo=${c.updatedTo}`, ['customers_updated_idx']),
    list('customers-gm-name', 'gm', () => 'sort=name', ['customers_name_idx']),
    list('customers-manager-name', 'manager', () => 'sort=name&valueClass=A', ['customers_name_idx']),
    list('customers-rep-q', 'rep', (c) => `q=${enc(c.nameFragment)}`, ['customers_owner_updated_idx']),
    list('customers-gm-q', 'gm', (c) => `q=${enc(c.nameFragment)}`, ['customers_search_idx']),
    { name: 'customer-pool', as: 'rep', path: () => '/api/v1/customers/pool?limit=50', mainTable: 'customers', expectIndexes: ['customers_pool_idx'] },
    { name: 'customer-counts-manager', as: 'manager', path: () => '/api/v1/customers/counts', mainTable: 'customers', expectIndexes: ['customers_owner_updated_idx'] },
    search('search-rep-name', 'rep', (c) => c.nameFragment, ['customers_search_idx']),
    search('search-rep-initials', 'rep', (c) => c.initials, ['customers_search_idx']),
    search('search-rep-phone', 'rep', (c) => c.phoneDigits, ['customers_phone_trgm_idx']),
    search('search-gm-name', 'gm', (c) => c.nameFragment, ['customers_search_idx']),
    search('search-gm-initials', 'gm', (c) => c.initials, ['customers_search_idx']),
    search('search-gm-phone', 'gm', (c) => c.phoneDigits, ['customers_phone_trgm_idx']),
    search('search-gm-code', 'gm', (c) => c.creditCode, ['customers_credit_code_uq']),
    search('search-gm-short', 'gm', (c) => c.shortFragment, ['customers_search_idx']),
  ];
}

const dealsOf = (p: Probe): DealsProbe => {
  if (!p.deals) throw new Error('the dataset has no deals part (opportunities, activities)');
  return p.deals;
};

/** Kanban totals, the funnel report, opportunity lists, the timeline of a busy customer, forecast figures (issue 4). */
function dealEndpoints(): EndpointDef[] {
  const at = (name: string, as: Login, path: (d: DealsProbe, p: Probe) => string, mainTable: string, expectIndexes: string[]): EndpointDef => ({
    name, as, path: (p) => path(dealsOf(p), p), mainTable, expectIndexes,
  });
  const list = (name: string, as: Login, query: (d: DealsProbe) => string, expectIndexes: string[]) =>
    at(name, as, (d) => `/api/v1/opportunities?limit=50${query(d) ? `&${query(d)}` : ''}`, 'opportunities', expectIndexes);
  return [
    at('kanban-totals-manager', 'manager', (d) => `/api/v1/opportunities/kanban?pipelineId=${d.bigPipelineId}&cardsPerColumn=0`, 'opportunities', ['opportunities_open_figures_idx']),
    at('kanban-totals-gm', 'gm', (d) => `/api/v1/opportunities/kanban?pipelineId=${d.bigPipelineId}&cardsPerColumn=0`, 'opportunities', ['opportunities_open_figures_idx']),
    at('kanban-manager', 'manager', (d) => `/api/v1/opportunities/kanban?pipelineId=${d.bigPipelineId}`, 'opportunities', ['opportunities_open_figures_idx']),
    at('kanban-gm', 'gm', (d) => `/api/v1/opportunities/kanban?pipelineId=${d.bigPipelineId}`, 'opportunities', ['opportunities_open_figures_idx']),
    at('funnel-manager', 'manager', (d) => `/api/v1/reports/funnel?period=last-quarter&pipelineId=${d.bigPipelineId}`, 'opportunities', ['opportunities_open_figures_idx']),
    at('funnel-gm-department', 'gm', (d) => `/api/v1/reports/funnel?period=last-quarter&pipelineId=${d.bigPipelineId}&orgNodeId=${d.regionId}`, 'opportunities', ['opportunities_open_figures_idx']),
    at('funnel-gm', 'gm', (d) => `/api/v1/reports/funnel?period=last-quarter&pipelineId=${d.bigPipelineId}`, 'opportunities', ['opportunities_open_figures_idx']),
    list('opportunities-rep', 'rep', () => '', ['opportunities_owner_idx']),
    list('opportunities-rep-open-deep', 'rep', (d) => `status=open&cursor=${d.repDeepCursor}`, ['opportunities_owner_idx']),
    list('opportunities-manager', 'manager', () => '', ['opportunities_owner_idx']),
    list('opportunities-manager-open-deep', 'manager', (d) => `status=open&cursor=${d.managerDeepCursor}`, ['opportunities_owner_idx']),
    list('opportunities-gm-big-open', 'gm', (d) => `status=open&pipelineId=${d.bigPipelineId}`, ['opportunities_workspace_id_id_pk']),
    at('timeline-busy-customer', 'gm', (d) => `/api/v1/customers/${d.busyCustomerId}/timeline?limit=50`, 'activities', ['activities_customer_idx']),
    at('forecast-figures-rep', 'rep', () => '/api/v1/forecasts/figures', 'opportunities', ['opportunities_owner_idx']),
  ];
}

const moneyOf = (p: Probe): MoneyProbe => {
  if (!p.money) throw new Error('the dataset has no money part (contracts, receivables, quotes, orders, shipments)');
  return p.money;
};

/**
 * Contract and quote lists as rep1, a sales manager and gm (with a status and a customer filter), a
 * contract's detail, the customer credit view and the shipment credit check of the customer with the most
 * receivable lines (issue 5 point 12: credit check p99 ≤ 20 ms, lists p99 ≤ 50 ms at L).
 */
export function moneyEndpoints(): EndpointDef[] {
  const at = (name: string, as: Login, path: (m: MoneyProbe) => string, mainTable: string, expectIndexes: string[]): EndpointDef => ({
    name, as, path: (p) => path(moneyOf(p)), mainTable, expectIndexes,
  });
  const list = (doc: 'contracts' | 'quotes', name: string, as: Login, query: (m: MoneyProbe) => string, expectIndexes: string[]) =>
    at(name, as, (m) => `/api/v1/${doc}?limit=50${query(m) ? `&${query(m)}` : ''}`, doc, expectIndexes);
  return [
    list('contracts', 'contracts-rep', 'rep', () => '', ['contracts_owner_idx']),
    list('contracts', 'contracts-manager', 'manager', () => '', ['contracts_owner_idx']),
    list('contracts', 'contracts-gm', 'gm', () => '', ['contracts_workspace_id_id_pk']),
    list('contracts', 'contracts-manager-status', 'manager', () => 'status=signed', ['contracts_owner_idx']),
    list('contracts', 'contracts-gm-status', 'gm', () => 'status=signed', ['contracts_status_idx']),
    list('contracts', 'contracts-gm-customer', 'gm', (m) => `customerId=${m.busyCustomerId}`, ['contracts_customer_idx']),
    at('contract-detail', 'gm', (m) => `/api/v1/contracts/${m.contractId}`, 'contracts', ['contracts_workspace_id_id_pk']),
    list('quotes', 'quotes-rep', 'rep', () => '', ['quotes_owner_idx']),
    list('quotes', 'quotes-manager', 'manager', () => '', ['quotes_owner_idx']),
    list('quotes', 'quotes-gm', 'gm', () => '', ['quotes_workspace_id_id_pk']),
    list('quotes', 'quotes-manager-status', 'manager', () => 'status=sent', ['quotes_owner_idx']),
    list('quotes', 'quotes-gm-status', 'gm', () => 'status=sent', ['quotes_status_idx']),
    // a status that never expires (a fifth of the quotes): the primary key read backwards with a filter finds 50 in
    // ~250 rows; quotes_status_idx (…, status, valid_until, id) would have to sort every accepted quote by id
    list('quotes', 'quotes-gm-accepted', 'gm', () => 'status=accepted', ['quotes_workspace_id_id_pk']),
    list('quotes', 'quotes-gm-customer', 'gm', (m) => `customerId=${m.busyCustomerId}`, ['quotes_customer_idx']),
    at('customer-credit-busy', 'gm', (m) => `/api/v1/customers/${m.busyCustomerId}/credit`, 'receivables', ['receivables_customer_idx']),
    at('shipment-credit-check', 'gm', (m) => {
      if (!m.orderId) throw new Error('the money part has no open order of the busy customer (no orders table?)');
      return `/api/v1/shipments/credit-check?orderId=${m.orderId}&amount=${m.checkAmount}`;
    }, 'receivables', ['receivables_customer_idx']),
  ];
}

const collectionsOf = (p: Probe): CollectionsProbe => {
  if (!p.collections) throw new Error('the dataset has no collections part (payments, allocations, dunning log)');
  return p.collections;
};

/**
 * Aging as of the generation day for the company (gm; by customer, owner, team) and for one department (the
 * probe sales manager), the drill-down, the collection rate of a quarter, the overdue receivables list,
 * the dunning queue and a customer's balance (issue 6 point 11: company aging ≤ 1 s, department ≤ 300 ms at L).
 */
export function collectionEndpoints(): EndpointDef[] {
  const at = (name: string, as: Login, path: (c: CollectionsProbe) => string, mainTable: string, expectIndexes: string[]): EndpointDef => ({
    name, as, path: (p) => path(collectionsOf(p)), mainTable, expectIndexes,
  });
  // the allocations after asOf (none as of the generation day) by payment_allocations_received_idx; the company's lines are all read
  // (a report over the book), a department's or an owner's by receivables_owner_idx; the overdue lists walk the open lines in
  // (due date, id) order by the partial receivables_open_due_idx (migration 0034) and stop after a page
  const AGING_INDEXES = ['payment_allocations_received_idx'];
  const COLLECTION_RATE_INDEXES = ['payment_allocations_received_idx'];
  const aging = (c: CollectionsProbe, groupBy: string) => `/api/v1/reports/aging?asOf=${c.asOf}&groupBy=${groupBy}`;
  return [
    at('aging-company', 'gm', (c) => aging(c, 'customer'), 'receivables', AGING_INDEXES),
    at('aging-company-owner', 'gm', (c) => aging(c, 'owner'), 'receivables', AGING_INDEXES),
    at('aging-company-team', 'gm', (c) => aging(c, 'team'), 'receivables', AGING_INDEXES),
    at('aging-department', 'manager', (c) => aging(c, 'customer'), 'receivables', ['receivables_owner_idx', ...AGING_INDEXES]),
    at('aging-lines', 'gm', (c) => `/api/v1/reports/aging/lines?asOf=${c.asOf}&bucket=${c.drillBucket}&ownerId=${c.drillOwnerId}`, 'receivables', ['receivables_owner_idx', ...AGING_INDEXES]),
    at('collection-rate', 'gm', (c) => `/api/v1/reports/collection-rate?from=${c.rateFrom}&to=${c.rateTo}&groupBy=team`, 'receivables', COLLECTION_RATE_INDEXES),
    at('receivables-list', 'finance', (c) => `/api/v1/receivables?limit=50&overdue=true&asOf=${c.asOf}`, 'receivables', ['receivables_open_due_idx']),
    at('dunning-queue', 'finance', (c) => `/api/v1/dunning?asOf=${c.asOf}`, 'receivables', ['receivables_open_due_idx']),
    at('customer-balance', 'finance', (c) => `/api/v1/customers/${c.balanceCustomerId}/balance?asOf=${c.asOf}`, 'receivables', ['receivables_customer_idx']),
  ];
}

/** `--only` filter: exact endpoint names; unknown names are an error. */
export function selectEndpoints(only: readonly string[]): EndpointDef[] {
  if (only.length === 0) return endpoints;
  const unknown = only.filter((name) => !endpoints.some((e) => e.name === name));
  if (unknown.length > 0) throw new Error(`unknown endpoint ${unknown.join(', ')}; known: ${endpoints.map((e) => e.name).join(', ')}`);
  return endpoints.filter((e) => only.includes(e.name));
}

export async function loadProbe(raw: RawClient, workspaceId: string, sampleActorId: string, busyCustomerId: string | null = null, moneyCustomerId: string | null = null,
  collectionsAsOf: string | null = null): Promise<Probe> {
  const entity = 'customer';
  const recent = await raw.query(
    'select entity_id from audit_log where workspace_id = $1 and entity = $2 order by id desc limit 1', [workspaceId, entity]);
  const entityId = String(recent.rows[0]?.entity_id ?? '');
  const crm = await loadCrmProbe(raw, workspaceId);
  if (!entityId) throw new Error('no customer audit rows: was the dataset generated?');
  const count = async (column: string, value: string) => Number((await raw.query(
    `select count(*) as n from audit_log where workspace_id = $1 and ${column} = $2${column === 'entity_id' ? ` and entity = '${entity}'` : ''}`,
    [workspaceId, value])).rows[0]!.n);
  return {
    workspaceId, entity, entityId, entityRows: await count('entity_id', entityId),
    actorId: sampleActorId, actorRows: await count('actor_id', sampleActorId), crm,
    deals: busyCustomerId ? await loadDealsProbe(raw, workspaceId, crm.managerLogin, busyCustomerId) : null,
    money: moneyCustomerId ? await loadMoneyProbe(raw, workspaceId, crm.managerLogin, moneyCustomerId) : null,
    collections: collectionsAsOf && moneyCustomerId ? await loadCollectionsProbe(raw, workspaceId, crm.managerLogin, moneyCustomerId, collectionsAsOf) : null,
  };
}

async function loadCollectionsProbe(raw: RawClient, workspaceId: string, managerLogin: string, customerId: string, asOf: string): Promise<CollectionsProbe> {
  const n = async (text: string, params: unknown[]) => Number((await raw.query(text, params)).rows[0]!.n);
  const manager = (await raw.query(`select d.path from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
    where u.workspace_id = $1 and u.username = $2`, [workspaceId, managerLogin])).rows[0]!;
  const teamOwners = `select u.id from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
    where u.workspace_id = $1 and d.path like $2 || '%'`;
  // the owner with the most overdue lines, and their fullest bucket (> 120 days at M and L; the history of S is 90 days)
  const drill = (await raw.query(`
    select owner_id, bucket, count(*) as n from (
      select owner_id, case when $2::date - due_date > 120 then 'over_120' when $2::date - due_date > 90 then '91_120' when $2::date - due_date > 60 then '61_90'
        when $2::date - due_date > 30 then '31_60' else '1_30' end as bucket
      from receivables where workspace_id = $1 and status in ('open', 'partial') and due_date < $2::date
        and owner_id = (select owner_id from receivables where workspace_id = $1 and status in ('open', 'partial') and due_date < $2::date
          group by owner_id order by count(*) desc, owner_id limit 1)) x
    group by owner_id, bucket order by count(*) desc, bucket limit 1`, [workspaceId, asOf])).rows[0];
  if (!drill) throw new Error('bench probe found no overdue receivable line');
  const month = asOf.slice(0, 7);
  const monthStart = (offset: number) => {
    const d = new Date(`${month}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + offset);
    return d.toISOString().slice(0, 10);
  };
  return {
    asOf, rateFrom: monthStart(-3), rateTo: new Date(Date.parse(`${monthStart(0)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
    balanceCustomerId: customerId,
    openLines: await n(`select count(*) as n from receivables where workspace_id = $1 and status in ('open', 'partial')`, [workspaceId]),
    managerOpenLines: await n(`select count(*) as n from receivables where workspace_id = $1 and status in ('open', 'partial') and owner_id in (${teamOwners})`,
      [workspaceId, manager.path]),
    overdueLines: await n(`select count(*) as n from receivables where workspace_id = $1 and status in ('open', 'partial') and due_date < $2::date`, [workspaceId, asOf]),
    drillOwnerId: String(drill.owner_id), drillBucket: String(drill.bucket), drillOwnerLines: Number(drill.n),
  };
}

async function loadMoneyProbe(raw: RawClient, workspaceId: string, managerLogin: string, customerId: string): Promise<MoneyProbe> {
  const n = async (text: string, params: unknown[]) => Number((await raw.query(text, params)).rows[0]!.n);
  const exists = async (table: string) => Boolean((await raw.query('select to_regclass($1) is not null as ok', [`public.${table}`])).rows[0]?.ok);
  const contract = (await raw.query(`select id from contracts where workspace_id = $1 and customer_id = $2 and status = 'executing' order by id desc limit 1`,
    [workspaceId, customerId])).rows[0];
  if (!contract) throw new Error('bench probe found no executing contract of the busy money customer');
  const order = (await exists('orders')) ? (await raw.query(`select id, amount from orders where workspace_id = $1 and customer_id = $2
    and status in ('open', 'partially_shipped') order by id desc limit 1`, [workspaceId, customerId])).rows[0] : undefined;
  const manager = (await raw.query(`select d.path from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
    where u.workspace_id = $1 and u.username = $2`, [workspaceId, managerLogin])).rows[0]!;
  const teamOwners = `select u.id from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
    where u.workspace_id = $1 and d.path like $2 || '%'`;
  const rep1 = `select id from users where workspace_id = $1 and username = 'rep1'`;
  const hasQuotes = await exists('quotes');
  return {
    busyCustomerId: customerId,
    busyCustomerReceivables: await n('select count(*) as n from receivables where workspace_id = $1 and customer_id = $2', [workspaceId, customerId]),
    busyCustomerOpenReceivables: await n(`select count(*) as n from receivables where workspace_id = $1 and customer_id = $2 and status in ('open', 'partial')`, [workspaceId, customerId]),
    busyCustomerContracts: await n('select count(*) as n from contracts where workspace_id = $1 and customer_id = $2', [workspaceId, customerId]),
    contractId: String(contract.id),
    orderId: order ? String(order.id) : null,
    // a tenth of the order, to the cent (the API takes money as a string with two decimals)
    checkAmount: order ? (Math.round(Number(order.amount) * 10) / 100).toFixed(2) : '10000.00',
    repContracts: await n(`select count(*) as n from contracts where workspace_id = $1 and owner_id = (${rep1})`, [workspaceId]),
    managerContracts: await n(`select count(*) as n from contracts where workspace_id = $1 and owner_id in (${teamOwners})`, [workspaceId, manager.path]),
    repQuotes: hasQuotes ? await n(`select count(*) as n from quotes where workspace_id = $1 and owner_id = (${rep1})`, [workspaceId]) : 0,
    managerQuotes: hasQuotes ? await n(`select count(*) as n from quotes where workspace_id = $1 and owner_id in (${teamOwners})`, [workspaceId, manager.path]) : 0,
  };
}

async function loadDealsProbe(raw: RawClient, workspaceId: string, managerLogin: string, busyCustomerId: string): Promise<DealsProbe> {
  const first = async (text: string, params: unknown[]) => {
    const row = (await raw.query(text, params)).rows[0];
    if (!row) throw new Error(`bench probe found nothing: ${text.trim().split('\n')[0]}`);
    return row;
  };
  const pipelines = (await raw.query(`select template, id from pipelines where workspace_id = $1 and template is not null`, [workspaceId])).rows;
  const pipelineOf = (template: string) => String(pipelines.find((r) => r.template === template)?.id ?? '');
  const manager = await first(`select u.id, d.path from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
    where u.workspace_id = $1 and u.username = $2`, [workspaceId, managerLogin]);
  // the root of the manager's path: paths are '/<id>/<id>/…/' (scope.rules childPath)
  const regionId = String(manager.path).split('/').filter(Boolean)[0]!;
  const rep = await first(`select id from users where workspace_id = $1 and username = 'rep1'`, [workspaceId]);
  // scope of a manager: owners in their department and every department under it
  const teamOwners = `select u.id from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
    where u.workspace_id = $1 and d.path like $2 || '%'`;
  const deep = async (owners: string, params: unknown[], offset: number) => {
    const { rows } = await raw.query(`select id from opportunities where workspace_id = $1 and status = 'open' and owner_id in (${owners})
      order by id desc offset $${params.length + 1} limit 1`, [...params, offset]);
    const last = rows[0] ?? (await raw.query(`select id from opportunities where workspace_id = $1 and status = 'open' and owner_id in (${owners})
      order by id limit 1 offset 50`, params)).rows[0];
    return Buffer.from(JSON.stringify([String(last!.id)])).toString('base64url');
  };
  const openOf = async (owners: string, params: unknown[]) =>
    Number((await raw.query(`select count(*) as n from opportunities where workspace_id = $1 and status = 'open' and owner_id in (${owners})`, params)).rows[0]!.n);
  const busy = await first(`select count(*) as n from activities where workspace_id = $1 and customer_id = $2`, [workspaceId, busyCustomerId]);
  return {
    bigPipelineId: pipelineOf('big_account'), standardPipelineId: pipelineOf('standard'), regionId, busyCustomerId, busyCustomerActivities: Number(busy.n),
    repDeepCursor: await deep('$2', [workspaceId, rep.id], 500), managerDeepCursor: await deep(teamOwners, [workspaceId, manager.path], 20_000),
    repOpen: await openOf('$2', [workspaceId, rep.id]), managerOpen: await openOf(teamOwners, [workspaceId, manager.path]),
  };
}

async function loadCrmProbe(raw: RawClient, workspaceId: string): Promise<CrmProbe> {
  const one = async (text: string, params: unknown[]) => {
    const row = (await raw.query(text, params)).rows[0];
    if (!row) throw new Error(`bench probe found nothing: ${text.trim().split('\n')[0]}`);
    return row;
  };
  const manager = await one(`
select u.username, u.department_id from users u join departments d on d.workspace_id = u.workspace_id and d.id = u.department_id
where u.workspace_id = $1 and u.username like 'bench%' and 'sales_manager' = any(u.roles)
  and exists (select 1 from departments c where c.workspace_id = d.workspace_id and c.parent_id = d.id)
  and not exists (select 1 from departments c join departments g on g.workspace_id = c.workspace_id and g.parent_id = c.id
    where c.workspace_id = d.workspace_id and c.parent_id = d.id)
order by u.username limit 1`, [workspaceId]);
  // the busiest rep of the manager's teams
  const teamRep = await one(`
select c.owner_id from customers c join users u on u.workspace_id = c.workspace_id and u.id = c.owner_id
  join departments t on t.workspace_id = u.workspace_id and t.id = u.department_id
where c.workspace_id = $1 and t.parent_id = $2 and 'sales_rep' = any(u.roles) group by c.owner_id order by count(*) desc limit 1`,
  [workspaceId, manager.department_id]);
  const territory = await one(`select id from territories where workspace_id = $1 and name = '华东'`, [workspaceId]);
  const customer = await one(`
select c.name, c.search_text, c.phone_normalised, c.credit_code from customers c join users u on u.workspace_id = c.workspace_id and u.id = c.owner_id
where c.workspace_id = $1 and u.username = 'rep1' and c.credit_code is not null and c.phone_normalised is not null and c.name like '%公司'
  and length(c.name) > 12 order by c.updated_at desc limit 1`, [workspaceId]);
  const name = String(customer.name);
  const city = crmCities.map(([c]) => c).find((c) => name.startsWith(c)) ?? name.slice(0, 2);
  const newest = await one(`select (max(updated_at) at time zone 'Asia/Shanghai')::date::text as d from customers where workspace_id = $1`, [workspaceId]);
  const day = (offset: number) => new Date(Date.parse(`${String(newest.d)}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return {
    managerLogin: String(manager.username), teamRepId: String(teamRep.owner_id), territoryId: String(territory.id),
    nameFragment: name.slice(city.length, city.length + 4), shortFragment: name.slice(city.length, city.length + 2),
    initials: String(customer.search_text).split(' ')[1]!.slice(0, city.length + 2),
    phoneDigits: String(customer.phone_normalised).slice(-8), creditCode: String(customer.credit_code),
    updatedFrom: day(-37), updatedTo: day(-7),
  };
}
