import { and, eq } from 'drizzle-orm';
import { addDays, addMonths, todayIn } from '../../shared/dates.js';
import type { RoleCode } from '../../shared/contracts/org.contract.js';
import { appendAuditAs } from '../platform/audit/audit.service.js';
import { contextFor } from '../platform/auth/context-for.js';
import { hashPassword } from '../platform/auth/passwords.js';
import { childPath } from '../platform/authz/scope.rules.js';
import type { DbHandle } from '../platform/db/client.js';
import { newId } from '../platform/db/columns.js';
import { departments, territories, users, workspaces } from '../platform/org/org.schema.js';
import { updatePolicies } from '../platform/policies/policies.service.js';
import { seedDemoCustomers } from './demo-customers.js';
import { seedDemoLeads } from './demo-leads.js';
import { seedDemoReception } from './demo-reception.js';
import { seedDemoActivities } from './demo-activities.js';
import { seedDemoMot } from './demo-mot.js';
import { seedDemoVisitPlans } from './demo-visit-plans.js';
import { seedDemoCustomFields } from './demo-custom-fields.js';
import { ensureBuiltInPipelines } from '../modules/opportunities/index.js';
import { seedDemoOpportunities } from './demo-opportunities.js';
import { seedDemoForecasts } from './demo-forecasts.js';
import { seedDemoCredit } from './demo-credit.js';
import { seedDemoCreditRatings } from './demo-credit-ratings.js';
import { seedDemoProducts } from './demo-products.js';
import { seedDemoContracts } from './demo-contracts.js';
import { seedDemoOrders } from './demo-orders.js';
import { seedDemoShipments } from './demo-shipments.js';
import { seedDemoQuotes } from './demo-quotes.js';
import { seedDemoInvoicesAndAmendments } from './demo-invoices.js';
import { endedMonths, seedDemoPenalties } from './demo-penalties.js';
import { seedDemoCollections } from './demo-collections.js';
import { seedDemoPrintTemplates } from './demo-print-templates.js';

export const DEMO_PASSWORD = 'kairos-demo';
export const DEMO_WORKSPACE = '示例科技有限公司';

type DeptKey = 'sales' | 'sales1' | 'sales2' | 'service' | 'finance' | 'warehouse';
type TerritoryKey = 'east' | 'shanghai' | 'hangzhou' | 'north' | 'beijing';

/** The demo logins (all with password `kairos-demo`), printed at start. */
export const demoUsers: { username: string; name: string; roles: RoleCode[]; dept: DeptKey | null; territories?: TerritoryKey[] }[] = [
  { username: 'admin', name: '系统管理员', roles: ['admin'], dept: null },
  { username: 'gm', name: '王建国', roles: ['gm'], dept: null },
  { username: 'vp', name: '李明', roles: ['sales_vp'], dept: null },
  { username: 'manager1', name: '张伟', roles: ['sales_manager'], dept: 'sales' },
  { username: 'supervisor1', name: '刘洋', roles: ['sales_supervisor'], dept: 'sales1', territories: ['east'] },
  { username: 'rep1', name: '陈静', roles: ['sales_rep'], dept: 'sales1', territories: ['shanghai'] },
  { username: 'rep2', name: '杨帆', roles: ['sales_rep'], dept: 'sales1', territories: ['hangzhou'] },
  { username: 'rep3', name: '赵磊', roles: ['sales_rep'], dept: 'sales2', territories: ['beijing'] },
  { username: 'csm', name: '孙丽', roles: ['cs_manager'], dept: 'service' },
  { username: 'cs1', name: '周敏', roles: ['cs_specialist'], dept: 'service' },
  { username: 'finance1', name: '吴芳', roles: ['finance'], dept: 'finance' },
  { username: 'warehouse1', name: '郑强', roles: ['warehouse'], dept: 'warehouse' },
  { username: 'reception1', name: '何佳', roles: ['receptionist'], dept: null },
];

const departmentTree: { key: DeptKey; name: string; parent: DeptKey | null; manager: string | null }[] = [
  { key: 'sales', name: '销售部', parent: null, manager: 'manager1' },
  { key: 'sales1', name: '销售一部', parent: 'sales', manager: 'supervisor1' },
  { key: 'sales2', name: '销售二部', parent: 'sales', manager: null },
  { key: 'service', name: '客服部', parent: null, manager: 'csm' },
  { key: 'finance', name: '财务部', parent: null, manager: 'finance1' },
  { key: 'warehouse', name: '仓储部', parent: null, manager: 'warehouse1' },
];

const territoryTree: { key: TerritoryKey; name: string; parent: TerritoryKey | null }[] = [
  { key: 'east', name: '华东', parent: null },
  { key: 'shanghai', name: '上海', parent: 'east' },
  { key: 'hangzhou', name: '杭州', parent: 'east' },
  { key: 'north', name: '华北', parent: null },
  { key: 'beijing', name: '北京', parent: 'north' },
];

let demoHash: Promise<string> | undefined;

/** The last day of a `YYYY-MM` month. */
const monthEnd = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);

/**
 * Seeds the demo workspace 示例科技有限公司: departments, territories, the 13 demo logins and a
 * pending policy change waiting in the GM's inbox, and a few hundred customers with contacts (unless
 * `customers: false`). `usernameSuffix` lets tests seed a second copy. `pendingCreditChange` adds a credit
 * change waiting for finance's review (the running demo; off in tests so their inboxes stay as they expect);
 * `pendingPriceChange` likewise a price change waiting for the sales VP's review; `pendingContractReviews` contracts in review
 * (one major) and one approved, through the real review flow.
 */
export async function seedDemoWorkspace(handle: DbHandle, options: { usernameSuffix?: string; name?: string; pendingPolicyChange?: boolean; customers?: boolean; pendingCreditChange?: boolean; pendingPriceChange?: boolean; pendingContractReviews?: boolean; pendingOrderChange?: boolean; demoShipments?: boolean; demoPenalties?: boolean; demoCreditRatings?: boolean; demoCollections?: boolean } = {}) {
  const suffix = options.usernameSuffix ?? '';
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  const workspaceId = newId();
  const userIds = Object.fromEntries(demoUsers.map((u) => [u.username, newId()])) as Record<string, string>;
  const deptIds = {} as Record<DeptKey, { id: string; path: string }>;
  const territoryIds = {} as Record<TerritoryKey, { id: string; path: string }>;

  await handle.db.transaction(async (tx) => {
    await tx.insert(workspaces).values({ id: workspaceId, name: options.name ?? DEMO_WORKSPACE });
    for (const t of territoryTree) {
      const id = newId();
      territoryIds[t.key] = { id, path: childPath(t.parent ? territoryIds[t.parent].path : null, id) };
      await tx.insert(territories).values({ workspaceId, id, name: t.name, parentId: t.parent ? territoryIds[t.parent].id : null, path: territoryIds[t.key].path });
    }
    for (const d of departmentTree) {
      const id = newId();
      deptIds[d.key] = { id, path: childPath(d.parent ? deptIds[d.parent].path : null, id) };
      await tx.insert(departments).values({ workspaceId, id, name: d.name, parentId: d.parent ? deptIds[d.parent].id : null, path: deptIds[d.key].path });
    }
    await tx.insert(users).values(demoUsers.map((u) => ({
      workspaceId, id: userIds[u.username]!, username: `${u.username}${suffix}`, name: u.name, passwordHash, roles: u.roles,
      departmentId: u.dept ? deptIds[u.dept].id : null, territoryIds: (u.territories ?? []).map((t) => territoryIds[t].id),
    })));
    for (const d of departmentTree) {
      if (d.manager) {
        await tx.update(departments).set({ managerId: userIds[d.manager] })
          .where(and(eq(departments.workspaceId, workspaceId), eq(departments.id, deptIds[d.key].id)));
      }
    }
    await appendAuditAs(tx, { workspaceId, actorId: null, actorName: 'system' }, { entity: 'workspace', entityId: workspaceId, action: 'seed_demo' });
    await ensureBuiltInPipelines(tx, workspaceId);
  });

  const ids = (map: Record<string, { id: string }>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k, v.id]));
  if (options.customers ?? true) {
    await seedDemoCustomers(handle, { workspaceId, userIds, departmentIds: ids(deptIds), territoryIds: ids(territoryIds) });
    await seedDemoCustomFields(handle, workspaceId);
    await seedDemoLeads(handle, { workspaceId, userIds, territoryIds: ids(territoryIds) });
    await seedDemoReception(handle, { workspaceId, userIds });
    await seedDemoOpportunities(handle, { workspaceId, userIds });
    await seedDemoForecasts(handle, { workspaceId, userIds });
    await seedDemoCredit(handle, { workspaceId, userIds }, { pendingChange: options.pendingCreditChange ?? false });
    if (options.demoCreditRatings) await seedDemoCreditRatings(handle, { workspaceId, userIds });
    await seedDemoProducts(handle, { workspaceId, userIds }, { pendingChange: options.pendingPriceChange ?? false });
    await seedDemoContracts(handle, { workspaceId, userIds }, { pendingReviews: options.pendingContractReviews ?? false });
    await seedDemoOrders(handle, { workspaceId, userIds }, { pendingChange: options.pendingOrderChange ?? false });
    if (options.demoShipments) await seedDemoShipments(handle, { workspaceId, userIds });
    // quotes waiting in the approval inbox go with the other pending reviews of the full demo (npm start)
    if (options.pendingContractReviews) await seedDemoQuotes(handle, { workspaceId, userIds });
    // an amendment waiting for the sales manager and two invoice requests (one issued) in the full demo
    if (options.pendingContractReviews) await seedDemoInvoicesAndAmendments(handle, { workspaceId, userIds });
    await seedDemoActivities(handle, { workspaceId, userIds });
    await seedDemoMot(handle, { workspaceId, userIds });
    await seedDemoVisitPlans(handle, { workspaceId, userIds });
    await seedDemoPrintTemplates(handle, { workspaceId, userIds });
    // overdue receivables in every aging bucket, dunning, deferrals, a write-off and payment slips (full demo)
    const months = endedMonths(todayIn('Asia/Shanghai'), 3);
    const collections = options.demoCollections
      ? await seedDemoCollections(handle, { workspaceId, userIds }, { firstMonthEnd: monthEnd(months[0]!), lastMonthEnd: monthEnd(months[2]!) })
      : null;
    // finance runs the last three payroll months' collection penalties (full demo: after payments and deferrals);
    // the refund line is paid after the first month is run, so a later month refunds it
    if (options.demoPenalties) await seedDemoPenalties(handle, { workspaceId, userIds }, { afterFirstMonth: collections?.settle });
    else await collections?.settle();
  }

  if (options.pendingPolicyChange ?? true) {
    const admin = await contextFor(handle, workspaceId, userIds.admin!);
    await updatePolicies(admin, { version: 1, values: { 'contracts.majorAmount': '800000.00' } });
  }
  return { workspaceId, userIds, departmentIds: Object.fromEntries(Object.entries(deptIds).map(([k, v]) => [k, v.id])) as Record<DeptKey, string>, territoryIds: Object.fromEntries(Object.entries(territoryIds).map(([k, v]) => [k, v.id])) as Record<TerritoryKey, string> };
}
