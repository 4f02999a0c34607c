/**
 * Saves a PNG of every page of the web UI at desktop (1366×800) and phone (375×740) widths into
 * screenshots/, against a fresh demo server, and reports horizontal overflow and strings that look
 * like untranslated i18n keys. Run: `npx tsx scripts/screenshots.ts` (or with `SHOTS=<name prefixes>`).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser';
import { loginAs } from '../e2e/support/pages';
import { ensureWebBuilt, startServer } from '../e2e/support/server';

interface Shot {
  name: string;
  user: string | null;
  path: string;
  language?: 'zh-CN' | 'en-US';
  /** after the page is loaded: open a modal, fill a form… */
  act?: (page: Page) => Promise<void>;
}

/** `SHOTS=rep-customer,rep-pool npx tsx scripts/screenshots.ts` saves only the shots whose names start so. */
const only = process.env.SHOTS?.split(',').filter(Boolean);
const viewports = { desktop: { width: 1366, height: 800 }, phone: { width: 375, height: 740 } } as const;
const outDir = resolve('screenshots');

async function openFirstApproval(page: Page) {
  await page.getByTestId('approval-link').first().click();
  await page.getByTestId('steps-timeline').waitFor();
}

/** Opens the first customer of the list, optionally on one tab (by URL: phone tab bars scroll). */
function openFirstCustomer(tab?: string) {
  return async (page: Page) => {
    await page.getByTestId('customer-link').first().click();
    await page.getByTestId('customer-overview').waitFor();
    if (tab) {
      await page.goto(`${page.url()}?tab=${tab}`);
      await page.waitForLoadState('networkidle');
    }
  };
}

/** On the first customer's credit tab: opens the downgrade-trigger form and uploads a file into its picker; `submit` also records it. */
function recordTriggerWithFile(submit: boolean) {
  return async (page: Page) => {
    await openFirstCustomer('credit')(page);
    await page.getByTestId('credit-ratings').getByRole('button').first().click();
    const picker = page.locator('.ant-modal [data-testid=attachment-picker]');
    await picker.locator('input[type=file]').setInputFiles({ name: '法院判决书（2026）沪01民初123号.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 demo') });
    await picker.locator('.ant-select-selection-item').first().waitFor();
    if (!submit) return;
    await page.locator('.ant-modal .ant-select').first().click();
    await page.locator('.ant-select-dropdown .ant-select-item-option').nth(2).click();
    await page.locator('.ant-modal textarea').fill('法定代表人被起诉，见判决书');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page.getByTestId('credit-ratings').getByTestId('attached-files').locator('a').first().waitFor();
  };
}

/** Types into the header search (the phone layout opens it from a button) and waits for the results. */
function searchFor(q: string) {
  return async (page: Page) => {
    if (await page.getByTestId('open-search').count()) await page.getByTestId('open-search').click();
    await page.getByTestId('global-search').last().fill(q);
    await page.locator('.ant-select-dropdown .ant-select-item-option').first().waitFor();
  };
}

/** The built-in big-account pipeline (six stages with the initiation report and bid gates). */
async function bigAccountPipelineId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const { items } = (await (await fetch('/api/v1/pipelines')).json()) as { items: { id: string; template: string | null }[] };
    return items.find((p) => p.template === 'big_account')!.id;
  });
}

/** Opens the newest open big-account opportunity of the list, optionally on one tab. */
function openFirstOpportunity(tab?: string) {
  return async (page: Page) => {
    await page.goto(`${new URL(page.url()).origin}/opportunities/list?status=open&pipelineId=${await bigAccountPipelineId(page)}`);
    await page.getByTestId('opportunity-link').first().click();
    await page.getByTestId('opportunity-header').waitFor();
    if (tab) {
      await page.goto(`${page.url()}?tab=${tab}`);
      await page.getByTestId('opportunity-header').waitFor();
      await page.waitForLoadState('networkidle');
    }
  };
}

/** Creates big-account opportunities for the signed-in rep until the board holds `count` open cards (the 200-card board). */
async function topUpBoard(page: Page, count: number) {
  // no named helpers inside evaluate: tsx would wrap them in a `__name` call the page does not know
  await page.evaluate(async ({ count, pipelineId }) => {
    const board = (await (await fetch(`/api/v1/opportunities/kanban?pipelineId=${pipelineId}&cardsPerColumn=0`)).json()) as { columns: { count: number; stage: { id: string; funnelCategory: string } }[] };
    const open = board.columns.filter((c) => c.stage.funnelCategory !== 'order');
    let missing = count - open.reduce((sum, c) => sum + c.count, 0);
    const { items: customers } = (await (await fetch('/api/v1/customers?ownerId=me&limit=50')).json()) as { items: { id: string; name: string }[] };
    for (let i = 0; missing > 0 && customers.length > 0; i++, missing--) {
      const customer = customers[i % customers.length]!;
      await fetch('/api/v1/opportunities', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'kairos' },
        body: JSON.stringify({ customerId: customer.id, pipelineId, stageId: open[i % open.length]!.stage.id, name: `${customer.name.slice(0, 8)} 项目 ${i + 1}`,
          amount: `${((i * 7919) % 480 + 20) * 10000}.00`, expectedCloseDate: i % 5 === 0 ? null : `2027-0${1 + (i % 6)}-15` }),
      });
    }
  }, { count, pipelineId: await bigAccountPipelineId(page) });
}

const waitForBoard = async (page: Page) => { await page.getByTestId('kanban-board').waitFor(); await page.waitForLoadState('networkidle'); };

/**
 * Drags the first card of the first column onto the second with the mouse (on the phone onto the
 * sliver of the next column at the screen's edge). A gate refuses it and the server's message shows.
 */
async function dragFirstCard(page: Page) {
  await waitForBoard(page);
  const card = await page.getByTestId('kanban-card').first().boundingBox();
  const target = await page.getByTestId('kanban-column').nth(1).boundingBox();
  const width = page.viewportSize()?.width ?? 1366;
  if (!card || !target) throw new Error('no card to drag');
  await page.mouse.move(card.x + card.width / 2, card.y + 20);
  await page.mouse.down();
  await page.mouse.move(card.x + card.width / 2 + 20, card.y + 30, { steps: 5 });
  await page.mouse.move(Math.min(target.x + target.width / 2, width - 12), target.y + 200, { steps: 10 });
  await page.mouse.up();
  await page.getByTestId('move-refusal').waitFor({ timeout: 8000 });
}

/** Opens the customer of the signed-in user's newest activity on its activities tab (the timeline). */
async function openActivityCustomer(page: Page) {
  const customerId = await page.evaluate(async () => ((await (await fetch('/api/v1/activities?ownerId=me&status=done&limit=1')).json()) as { items: { customerId: string }[] }).items[0]!.customerId);
  await page.goto(`${new URL(page.url()).origin}/customers/${customerId}?tab=activities`);
  await page.getByTestId('activity-timeline').waitFor();
  await page.waitForLoadState('networkidle');
}

/** A new call report about that customer, with one action item row. */
async function newCallReport(page: Page) {
  const customerId = await page.evaluate(async () => ((await (await fetch('/api/v1/activities?ownerId=me&status=done&limit=1')).json()) as { items: { customerId: string }[] }).items[0]!.customerId);
  await page.goto(`${new URL(page.url()).origin}/call-reports/new?customerId=${customerId}`);
  await page.getByTestId('call-report-form').waitFor();
  await page.getByTestId('add-action-item').click();
}

/** Opens the first shipment of a work-queue tab. */
function openFirstShipment(tab: string) {
  return async (page: Page) => {
    await page.goto(`${new URL(page.url()).origin}/shipments?tab=${tab}`);
    await page.getByTestId('shipment-queue').locator('.ant-table-row a').first().click();
    await page.getByTestId('shipment-tags').waitFor();
    await page.waitForLoadState('networkidle');
  };
}

/**
 * Opens the shipment screen on an open order of mine that has no shipment yet, placing one for the rest
 * of a contract line when there is none; `overLimit` uses the contract of the demo shipment on credit hold.
 */
function openShipmentScreen(overLimit = false) {
  return async (page: Page) => {
    const orderId = await page.evaluate(async (overLimit) => {
      const headers = { 'Content-Type': 'application/json', 'X-Requested-With': 'kairos' };
      const held = overLimit ? ((await (await fetch('/api/v1/shipments?status=credit_hold')).json()) as { items: { contract: { id: string } }[] }).items[0] : undefined;
      const open = ((await (await fetch('/api/v1/orders?status=open&ownerId=me&limit=50')).json()) as { items: { id: string; contract: { id: string } }[] }).items;
      for (const o of open) {
        if (held && o.contract.id !== held.contract.id) continue;
        if (((await (await fetch(`/api/v1/shipments?orderId=${o.id}`)).json()) as { items: unknown[] }).items.length === 0) return o.id;
      }
      const contracts = held ? [{ id: held.contract.id }] : ((await (await fetch('/api/v1/contracts?status=signed&ownerId=me&limit=20')).json()) as { items: { id: string }[] }).items;
      for (const c of contracts) {
        const o = (await (await fetch(`/api/v1/contracts/${c.id}/orderable-lines`)).json()) as { lines: { contractLineIndex: number; remaining: string }[] };
        const line = o.lines.find((l) => Number(l.remaining) > 0);
        if (!line) continue;
        const due = new Date(Date.now() + 7 * 864e5).toISOString().slice(0, 10);
        const res = await fetch('/api/v1/orders', { method: 'POST', headers, body: JSON.stringify({ contractId: c.id, dueDate: due, lines: [{ contractLineIndex: line.contractLineIndex, quantity: line.remaining }] }) });
        if (res.ok) return ((await res.json()) as { id: string }).id;
      }
      return null;
    }, overLimit);
    await page.goto(`${new URL(page.url()).origin}/shipments/new?orderId=${orderId}`);
    await page.getByTestId('shipment-form').waitFor();
    await page.getByTestId('credit-verdict').waitFor();
  };
}

const shots: Shot[] = [
  // shipments (发货): the warehouse queue, a shipment on credit hold with its frozen position, the shipment screen from an order, a picked shipment
  { name: 'shipments-queue', user: 'warehouse1', path: '/shipments' },
  { name: 'shipments-queue-en', user: 'warehouse1', path: '/shipments', language: 'en-US' },
  { name: 'shipments-hold', user: 'gm', path: '/shipments', act: openFirstShipment('credit_hold') },
  { name: 'shipments-picked', user: 'warehouse1', path: '/shipments', act: openFirstShipment('picked') },
  { name: 'shipments-new', user: 'rep1', path: '/shipments', act: openShipmentScreen() },
  { name: 'shipments-new-refused', user: 'rep2', path: '/shipments', act: openShipmentScreen(true) },
  { name: 'shipments-override-approval', user: 'gm', path: '/shipments', act: async (p) => {
    await openFirstShipment('credit_hold')(p);
    await p.getByRole('link', { name: '查看特批审批' }).click();
    await p.getByTestId('override-snapshot').waitFor();
  } },
  { name: 'login', user: null, path: '/login' },
  { name: 'login-en', user: null, path: '/login', language: 'en-US' },
  { name: 'login-error', user: null, path: '/login', act: async (p) => {
    await p.getByLabel('用户名或邮箱').fill('rep1');
    await p.getByLabel('密码').fill('wrong-password');
    await p.getByLabel('密码').press('Enter');
    await p.getByRole('alert').first().waitFor();
  } },
  { name: 'rep-home', user: 'rep1', path: '/' },
  { name: 'rep-menu-open', user: 'rep1', path: '/', act: async (p) => {
    if (await p.getByTestId('open-menu').count()) {
      await p.getByTestId('open-menu').click();
      await p.getByTestId('main-menu').last().waitFor();
    }
  } },
  { name: 'rep-forbidden', user: 'rep1', path: '/admin/users' },
  { name: 'rep-policies', user: 'rep1', path: '/settings/policies' },
  { name: 'rep-inbox-empty', user: 'rep1', path: '/inbox' },
  { name: 'gm-home', user: 'gm', path: '/' },
  { name: 'gm-bell', user: 'gm', path: '/', act: async (p) => {
    await p.getByTestId('notification-bell').click();
    await p.getByTestId('notification-panel').waitFor();
  } },
  { name: 'gm-inbox', user: 'gm', path: '/inbox' },
  { name: 'gm-approval', user: 'gm', path: '/inbox', act: openFirstApproval },
  { name: 'gm-reject-modal', user: 'gm', path: '/inbox', act: async (p) => {
    await openFirstApproval(p);
    await p.getByTestId('reject').click();
    await p.getByTestId('confirm-decision').click();
    await p.getByText('请填写原因').waitFor();
  } },
  { name: 'gm-policies', user: 'gm', path: '/settings/policies' },
  { name: 'gm-roles', user: 'gm', path: '/admin/roles' },
  { name: 'admin-home', user: 'admin', path: '/' },
  { name: 'admin-inbox-mine', user: 'admin', path: '/inbox?tab=mine' },
  { name: 'admin-approval-own', user: 'admin', path: '/inbox?tab=mine', act: openFirstApproval },
  { name: 'admin-users', user: 'admin', path: '/admin/users' },
  { name: 'admin-user-edit', user: 'admin', path: '/admin/users', act: async (p) => {
    await p.getByTestId('users-table').getByRole('button').first().click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'admin-user-sod', user: 'admin', path: '/admin/users', act: async (p) => {
    await p.getByTestId('create-user').click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('用户名').fill('sod.test');
    await dialog.getByLabel('姓名').fill('职责测试');
    await dialog.getByLabel('初始密码').fill('kairos-demo-1');
    await dialog.getByTestId('roles-select').click();
    await p.locator('.ant-select-item-option[title="总经理"]').click();
    await p.locator('.ant-select-item-option[title="销售代表"]').click();
    await p.keyboard.press('Escape');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.locator('[data-error-code="SEGREGATION_OF_DUTIES"]').waitFor();
  } },
  { name: 'admin-departments', user: 'admin', path: '/admin/departments' },
  { name: 'admin-department-edit', user: 'admin', path: '/admin/departments', act: async (p) => {
    await p.getByRole('button', { name: /销售一部/ }).first().click();
    await p.getByRole('menuitem', { name: '编辑部门' }).click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'admin-territories', user: 'admin', path: '/admin/territories' },
  { name: 'admin-roles', user: 'admin', path: '/admin/roles' },
  { name: 'admin-audit', user: 'admin', path: '/admin/audit', act: async (p) => {
    await p.getByTestId('audit-table').locator('.ant-table-row-expand-icon').first().click();
    await p.getByTestId('audit-diff').first().waitFor();
  } },
  { name: 'admin-policies', user: 'admin', path: '/settings/policies' },
  { name: 'admin-policies-edit', user: 'admin', path: '/settings/policies', act: async (p) => {
    await p.getByTestId('edit-policies').click();
    await p.getByTestId('policy-input-contracts.majorAmount').fill('12.345');
    await p.getByTestId('save-policies').click();
    await p.getByText('金额格式').first().waitFor({ timeout: 5000 }).catch(() => undefined);
  } },
  { name: 'admin-numbering', user: 'admin', path: '/settings/numbering' },
  { name: 'admin-webhooks', user: 'admin', path: '/settings/webhooks' },
  { name: 'admin-webhook-create', user: 'admin', path: '/settings/webhooks', act: async (p) => {
    await p.getByRole('button', { name: '新建 Webhook' }).click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'admin-tokens', user: 'admin', path: '/account/tokens' },
  { name: 'admin-password', user: 'admin', path: '/account/password' },
  { name: 'admin-notifications', user: 'admin', path: '/notifications' },
  { name: 'admin-not-found', user: 'admin', path: '/no/such/page' },
  { name: 'rep-leads', user: 'rep1', path: '/leads' },
  { name: 'rep-lead-create', user: 'rep1', path: '/leads', act: async (p) => {
    await p.getByTestId('create-lead').click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'rep-lead-convert', user: 'rep1', path: '/leads', act: async (p) => {
    const id = await p.evaluate(async () => ((await (await fetch('/api/v1/leads?status=qualified&ownerId=me&limit=1')).json()) as { items: { id: string }[] }).items[0]?.id);
    await p.goto(`${new URL(p.url()).origin}/leads/${id}`);
    await p.getByTestId('lead-convert').click();
    await p.getByTestId('convert-duplicate').locator('.ant-alert').waitFor();
  } },
  { name: 'rep-lead-pool', user: 'rep2', path: '/leads/pool' },
  { name: 'rep-lead-pool-claimed', user: 'rep2', path: '/leads/pool', act: async (p) => {
    await p.getByTestId('lead-claim').first().click();
    await p.locator('.ant-message-notice').first().waitFor();
  } },
  { name: 'en-admin-home', user: 'admin', path: '/', language: 'en-US' },
  { name: 'en-admin-policies', user: 'admin', path: '/settings/policies', language: 'en-US' },
  { name: 'en-admin-audit', user: 'admin', path: '/admin/audit', language: 'en-US' },
  { name: 'en-admin-roles', user: 'admin', path: '/admin/roles', language: 'en-US' },
  { name: 'en-gm-approval', user: 'gm', path: '/inbox', language: 'en-US', act: openFirstApproval },
  { name: 'rep-customers', user: 'rep1', path: '/customers' },
  { name: 'rep-customers-filters', user: 'rep1', path: '/customers?status=active&valueClass=B', act: async (p) => {
    await p.getByTestId('more-filters').click();
  } },
  { name: 'rep-customer-create', user: 'rep1', path: '/customers', act: async (p) => {
    await p.getByTestId('create-customer').click();
    await p.getByRole('dialog').getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  } },
  { name: 'rep-customer-duplicate', user: 'rep1', path: '/customers', act: async (p) => {
    const existing = await p.getByTestId('customer-link').first().innerText();
    await p.getByTestId('create-customer').click();
    await p.getByTestId('customer-name').fill(existing);
    await p.getByTestId('customer-name').press('Enter');
    await p.getByTestId('duplicate-alert').waitFor();
  } },
  { name: 'rep-customer-detail', user: 'rep1', path: '/customers', act: openFirstCustomer() },
  { name: 'rep-customer-contacts', user: 'rep1', path: '/customers', act: openFirstCustomer('contacts') },
  { name: 'rep-customer-org-chart', user: 'rep1', path: '/customers', act: async (p) => {
    await openFirstCustomer('contacts')(p);
    await p.getByText('组织关系').click();
    await p.getByTestId('contact-org-chart').waitFor();
  } },
  { name: 'rep-customer-contact-form', user: 'rep1', path: '/customers', act: async (p) => {
    await openFirstCustomer('contacts')(p);
    await p.getByTestId('add-contact').click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'rep-customer-file', user: 'rep1', path: '/customers', act: async (p) => {
    await openFirstCustomer('file')(p);
    await p.getByLabel('查看用途').fill('准备商务谈判');
    await p.getByLabel('查看用途').press('Enter');
    await p.getByTestId('customer-file').waitFor();
  } },
  { name: 'rep-customer-collaborators', user: 'rep1', path: '/customers', act: openFirstCustomer('collaborators') },
  { name: 'rep-customer-later-tab', user: 'rep1', path: '/customers', act: openFirstCustomer('quotes') },
  { name: 'rep-customer-transfer', user: 'rep1', path: '/customers', act: async (p) => {
    await openFirstCustomer()(p);
    await p.getByTestId('transfer-customer').click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'cs-customer-file-refused', user: 'cs1', path: '/customers', act: openFirstCustomer('file') },
  { name: 'gm-customer-history', user: 'gm', path: '/customers', act: openFirstCustomer('history') },
  { name: 'rep-pool', user: 'rep1', path: '/customers/pool' },
  { name: 'csm-stale-files', user: 'csm', path: '/customers/stale-files' },
  { name: 'manager-borrow-records', user: 'manager1', path: '/customers/borrow-records' },
  { name: 'warehouse-customers-masked', user: 'warehouse1', path: '/customers' },
  { name: 'en-rep-customers', user: 'rep1', path: '/customers', language: 'en-US' },
  { name: 'en-rep-customer-contacts', user: 'rep1', path: '/customers', language: 'en-US', act: openFirstCustomer('contacts') },
  { name: 'en-rep-pool', user: 'rep1', path: '/customers/pool', language: 'en-US' },
  // custom fields, search, saved views, attachments
  { name: 'admin-custom-fields', user: 'admin', path: '/settings/custom-fields' },
  { name: 'admin-custom-field-create', user: 'admin', path: '/settings/custom-fields', act: async (p) => {
    await p.getByRole('button', { name: '新增字段' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('名称（中文）').fill('客户来源');
    await dialog.getByLabel('名称（英文）').fill('Customer source');
    await dialog.getByLabel('字段标识').fill('bad key');
    await dialog.getByLabel('字段标识').press('Enter');
    await p.waitForTimeout(800);
  } },
  { name: 'en-admin-custom-fields', user: 'admin', path: '/settings/custom-fields', language: 'en-US' },
  { name: 'rep-search', user: 'rep1', path: '/', act: searchFor('hx') },
  { name: 'warehouse-search-masked', user: 'warehouse1', path: '/', act: searchFor('0571') },
  { name: 'rep-customer-attachments', user: 'rep1', path: '/customers', act: async (p) => {
    await openFirstCustomer('attachments')(p);
    await p.evaluate(async () => {
      const id = location.pathname.split('/').pop()!;
      const form = new FormData();
      form.append('file', new Blob(['%PDF-1.4 demo'], { type: 'application/pdf' }), '采购合同（2026 年度框架协议）.pdf');
      await fetch(`/api/v1/customers/${id}/attachments`, { method: 'POST', body: form, headers: { 'X-Requested-With': 'kairos' } });
    });
    await p.reload();
    await p.getByTestId('attachment-list').locator('.ant-list-item').first().waitFor();
  } },
  { name: 'rep-saved-view-save', user: 'rep1', path: '/customers?valueClass=A', act: async (p) => {
    await p.getByTestId('saved-views-bar').getByRole('button', { name: /保存视图/ }).click();
    await p.getByRole('dialog').waitFor();
  } },
  { name: 'reception-desk', user: 'reception1', path: '/reception/desk', act: async (p) => {
    await p.getByTestId('desk-company').fill('上海示例来访科技有限公司');
    await p.getByTestId('desk-phone').press('Enter');
    await p.getByTestId('desk-assignee').waitFor();
  } },
  { name: 'manager-reception-roster', user: 'manager1', path: '/reception/roster' },
  { name: 'manager-reception-daily', user: 'manager1', path: '/reception/daily' },
  { name: 'manager-reception-overrides', user: 'manager1', path: '/reception/overrides' },
  { name: 'rep-reception-mine', user: 'rep1', path: '/reception/mine' },
  // imports (数据导入): the wizard before upload, a dry run with bad rows, a finished import; the export button on the list
  { name: 'rep-import', user: 'rep1', path: '/imports/customers' },
  { name: 'rep-import-check', user: 'rep1', path: '/imports/customers', act: async (p) => {
    await p.locator('input[type=file]').setInputFiles(resolve('src/server/modules/imports/__tests__/fixtures/long-cell.csv'));
    await p.getByTestId('import-report').waitFor();
  } },
  { name: 'rep-import-done', user: 'rep1', path: '/imports/customers', act: async (p) => {
    await p.locator('input[type=file]').setInputFiles(resolve('src/server/modules/imports/__tests__/fixtures/customers-gbk.csv'));
    await p.getByTestId('import-run').click();
    await p.getByTestId('import-again').waitFor();
  } },
  { name: 'rep-import-en', user: 'rep1', path: '/imports/contacts', language: 'en-US' },
  { name: 'rep-customers-export', user: 'rep1', path: '/customers', act: async (p) => {
    await p.getByTestId('export-customers').click();
    await p.locator('.ant-dropdown-menu').waitFor();
  } },
  // opportunities (商机): the board (with 200 cards), a drag refused by a gate, list, detail tabs, create, pipelines admin
  { name: 'rep-opportunity-kanban', user: 'rep1', path: '/opportunities', act: waitForBoard },
  { name: 'rep-opportunity-kanban-200', user: 'rep1', path: '/opportunities', act: async (p) => {
    await topUpBoard(p, 200);
    await p.reload();
    await waitForBoard(p);
  } },
  { name: 'rep-opportunity-drag-refused', user: 'rep1', path: '/opportunities', act: dragFirstCard },
  { name: 'rep-opportunities', user: 'rep1', path: '/opportunities/list' },
  { name: 'rep-opportunity-detail', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity() },
  { name: 'rep-opportunity-contacts', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity('contacts') },
  { name: 'rep-opportunity-initiation-report', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity('initiation-report') },
  { name: 'rep-opportunity-bid', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity('bid') },
  { name: 'rep-opportunity-history', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity('history') },
  { name: 'rep-opportunity-activities', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity('activities') },
  { name: 'rep-opportunity-approvals', user: 'rep1', path: '/opportunities/list', act: openFirstOpportunity('approvals') },
  { name: 'rep-opportunity-move-refused', user: 'rep1', path: '/opportunities/list', act: async (p) => {
    // a deal of the first stage: its key node (and required fields) hold it there
    const id = await p.evaluate(async (pipelineId) => ((await (await fetch(`/api/v1/opportunities/kanban?pipelineId=${pipelineId}`)).json()) as { columns: { cards: { id: string }[] }[] }).columns[0]!.cards[0]!.id, await bigAccountPipelineId(p));
    await p.goto(`${new URL(p.url()).origin}/opportunities/${id}`);
    await p.getByTestId('opportunity-header').waitFor();
    await p.getByTestId('move-forward').click();
    await p.getByTestId('confirm-move').click();
    await p.getByRole('dialog').locator('[data-error-code]').waitFor({ timeout: 8000 });
  } },
  { name: 'rep-opportunity-close', user: 'rep1', path: '/opportunities/list', act: async (p) => {
    await openFirstOpportunity()(p);
    await p.getByTestId('close-lost').click();
    await p.getByTestId('confirm-close').click();
    await p.getByText('请选择丢单原因').waitFor();
  } },
  { name: 'rep-opportunity-create', user: 'rep1', path: '/opportunities/new' },
  { name: 'rep-opportunity-create-errors', user: 'rep1', path: '/opportunities/new', act: async (p) => {
    await p.getByTestId('opportunity-amount').fill('12.345');
    await p.getByTestId('opportunity-probability').fill('60');
    await p.getByTestId('save-opportunity').click();
    await p.getByText('金额格式').first().waitFor();
  } },
  { name: 'rep-customer-opportunities', user: 'rep1', path: '/customers', act: openFirstCustomer('opportunities') },
  { name: 'admin-pipelines', user: 'admin', path: '/settings/pipelines' },
  { name: 'admin-pipeline-edit', user: 'admin', path: '/settings/pipelines', act: async (p) => {
    await p.getByTestId('edit-pipeline').last().click();
    await p.getByTestId('stage-editor').first().waitFor();
  } },
  { name: 'admin-pipeline-errors', user: 'admin', path: '/settings/pipelines', act: async (p) => {
    await p.getByTestId('edit-pipeline').last().click();
    const second = p.getByTestId('stage-editor').nth(1).getByLabel('阶段名称');
    await second.fill(await p.getByTestId('stage-editor').first().getByLabel('阶段名称').inputValue());
    await p.getByTestId('save-pipeline').click();
    await p.getByText('阶段名称重复').first().waitFor({ timeout: 8000 });
  } },
  { name: 'en-rep-opportunity-kanban', user: 'rep1', path: '/opportunities', language: 'en-US', act: waitForBoard },
  { name: 'en-rep-opportunity-detail', user: 'rep1', path: '/opportunities/list', language: 'en-US', act: openFirstOpportunity() },
  { name: 'rep-tasks', user: 'rep1', path: '/tasks', act: async (p) => { await p.getByTestId('tasks-overdue').waitFor(); } },
  { name: 'rep-customer-timeline', user: 'rep1', path: '/tasks', act: openActivityCustomer },
  { name: 'rep-call-report-new', user: 'rep1', path: '/tasks', act: newCallReport },
  { name: 'rep-call-report-errors', user: 'rep1', path: '/tasks', act: async (p) => {
    await newCallReport(p);
    await p.getByTestId('send-report').click();
    await p.locator('.ant-modal-confirm .ant-btn-primary').click();
    await p.locator('.ant-form-item-explain-error').first().waitFor();
  } },
  { name: 'supervisor-call-reports', user: 'supervisor1', path: '/call-reports?', act: async (p) => { await p.locator('.ant-table-row').first().waitFor(); } },
  { name: 'supervisor-call-report-detail', user: 'supervisor1', path: '/call-reports', act: async (p) => {
    await p.locator('.ant-table-row a').first().click();
    await p.getByTestId('call-report-view').waitFor();
  } },
  { name: 'en-rep-tasks', user: 'rep1', path: '/tasks', language: 'en-US', act: async (p) => { await p.getByTestId('tasks-overdue').waitFor(); } },
  // collections with the demo's overdue lines (demo-collections.ts): queue, aging, last month's penalties, the reps' slips
  { name: 'collections-demo-dunning', user: 'finance1', path: '/dunning', act: async (p) => { await p.getByTestId('dunning-table').locator('.ant-table-row').first().waitFor(); } },
  { name: 'collections-demo-aging', user: 'finance1', path: '/reports/aging', act: async (p) => { await p.getByTestId('aging-cell-over_120').first().waitFor(); } },
  // collection targets (回款目标): the manager's editable table after "accept proposals", in English, and a rep's own row
  { name: 'collection-targets-manager', user: 'manager1', path: '/collection-targets', act: async (p) => {
    await p.getByTestId('targets-table').locator('.ant-table-row').first().waitFor();
    await p.getByTestId('targets-accept').click();
    await p.waitForTimeout(800);
  } },
  { name: 'collection-targets-manager-en', user: 'manager1', path: '/collection-targets', language: 'en-US', act: async (p) => { await p.getByTestId('targets-table').locator('.ant-table-row').first().waitFor(); await p.waitForTimeout(800); } },
  { name: 'collection-targets-team', user: 'gm', path: '/collection-targets', act: async (p) => {
    await p.getByTestId('targets-table').locator('.ant-table-row').first().waitFor();
    await p.getByText('按团队').click();
    await p.waitForTimeout(800);
  } },
  { name: 'collection-targets-rep', user: 'rep1', path: '/collection-targets', act: async (p) => { await p.getByTestId('targets-table').locator('.ant-table-row').first().waitFor(); await p.waitForTimeout(800); } },
  // files cited by a downgrade trigger: uploaded from the form, then a download link in the trigger history
  { name: 'credit-attach-trigger', user: 'cs1', path: '/customers', act: recordTriggerWithFile(false) },
  { name: 'credit-attach-history', user: 'cs1', path: '/customers', act: recordTriggerWithFile(true) },
  { name: 'collections-demo-penalties', user: 'finance1', path: '/penalties', act: async (p) => {
    await p.getByTestId('penalty-statement').locator('.ant-table-row').first().waitFor();
    await p.getByTestId('penalty-statement').locator('.ant-table-row-expand-icon').first().click().catch(() => undefined);
    await p.waitForTimeout(800);
  } },
  { name: 'collections-demo-slips-rep1', user: 'rep1', path: '/payment-slips', act: async (p) => { await p.getByTestId('my-slips').locator('.ant-table-row').first().waitFor(); } },
  { name: 'collections-demo-slips-rep2', user: 'rep2', path: '/payment-slips', act: async (p) => { await p.getByTestId('my-slips').locator('.ant-table-row').first().waitFor(); } },
  { name: 'collections-demo-slips-resubmit', user: 'rep2', path: '/payment-slips', act: async (p) => {
    await p.getByTestId('slip-resubmit').first().click();
    await p.getByTestId('resubmit-reference').waitFor();
  } },
  { name: 'collections-demo-slips-empty', user: 'rep3', path: '/payment-slips', act: async (p) => {
    await p.getByTestId('slip-status-filter').getByText('已退回').click();
    await p.waitForTimeout(600);
  } },
  { name: 'collections-demo-en-slips', user: 'rep1', path: '/payment-slips', language: 'en-US', act: async (p) => { await p.getByTestId('my-slips').locator('.ant-table-row').first().waitFor(); } },
  { name: 'collections-demo-en-dunning', user: 'finance1', path: '/dunning', language: 'en-US', act: async (p) => { await p.getByTestId('dunning-table').locator('.ant-table-row').first().waitFor(); } },
  // the dunning queue paged with "load more", the manual run of the daily dunning computation, the report exports
  { name: 'dunning-sweep-queue', user: 'finance1', path: '/dunning', act: async (p) => {
    await p.getByTestId('dunning-table').locator('.ant-table-row').first().waitFor();
    await p.getByTestId('dunning-run').click();
    await p.locator('.ant-message-notice').first().waitFor();
  } },
  { name: 'dunning-sweep-tasks', user: 'rep1', path: '/tasks', act: async (p) => { await p.getByText('催款：').first().waitFor(); } },
  { name: 'dunning-sweep-reports', user: 'finance1', path: '/reports/credit-control', act: async (p) => { await p.getByTestId('credit-execution-export').waitFor(); } },
  { name: 'dunning-sweep-en-queue', user: 'finance1', path: '/dunning', language: 'en-US', act: async (p) => { await p.getByTestId('dunning-run').waitFor(); await p.getByTestId('dunning-table').locator('.ant-table-row').first().waitFor(); } },
];

/** Text that looks like an i18n key (`menu.users`, `errors.title.X`) rather than a translation. */
const keyPattern = /\b(?:menu|users|field|status|errors|pages|actions|common|policies|pending|group|unit|numbering|webhooks|delivery|audit|filter|column|diff|entity|action|kind|bell|home|login|password|tokens|inbox|detail|decide|snapshot|role|scope|perm|departments|territories|roles|contact|contacts|collab|borrow|borrows|valueClass|buyingRole|history|stale|transfer|merge|kanban|keyNode|pipeline|stage|category|bid|doc|signals|requirable)\.[A-Za-z_.]+\b/g;

async function check(page: Page, name: string) {
  const { overflow, text } = await page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    text: document.body.innerText,
  }));
  const keys = [...new Set(text.match(keyPattern) ?? [])].filter((k) => !/^(contracts|auth|pool|credit)\./.test(k));
  if (overflow > 0) console.warn(`  ! ${name}: page is ${overflow}px wider than the viewport`);
  if (keys.length > 0) console.warn(`  ! ${name}: possible untranslated keys: ${keys.join(', ')}`);
}

/** Long pages are also cut into screen-high parts, readable at full size. */
async function saveParts(page: Page, base: string, viewport: { width: number; height: number }) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (height <= viewport.height * 1.5) return;
  for (let part = 1; part <= 4 && (part - 1) * viewport.height < height; part++) {
    const y = (part - 1) * viewport.height;
    await page.screenshot({ path: `${base}.part${part}.png`, fullPage: true, clip: { x: 0, y, width: viewport.width, height: Math.min(viewport.height, height - y) } });
  }
}

async function setLanguage(page: Page, baseUrl: string, language: 'zh-CN' | 'en-US') {
  if (!page.url().startsWith(baseUrl)) await page.goto(`${baseUrl}/login`);
  await page.evaluate((lng) => localStorage.setItem('kairos.language', lng), language);
}

async function main() {
  mkdirSync(outDir, { recursive: true });
  ensureWebBuilt();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    for (const [label, viewport] of Object.entries(viewports)) {
      const page = await browser.context.newPage();
      await page.setViewportSize(viewport);
      let signedInAs: string | null | undefined; // unknown: the context may still hold the last page's session
      let language: 'zh-CN' | 'en-US' = 'zh-CN';
      for (const shot of shots.filter((s) => !only || only.some((prefix) => s.name.startsWith(prefix)))) {
        const wanted = shot.language ?? 'zh-CN';
        if (wanted !== language) {
          await setLanguage(page, server.baseUrl, wanted);
          language = wanted;
        }
        if (shot.user !== signedInAs) {
          if (shot.user) await loginAs(page, server.baseUrl, shot.user);
          else await page.context().clearCookies();
          signedInAs = shot.user;
        }
        await page.goto(`${server.baseUrl}${shot.path}`);
        await page.waitForLoadState('networkidle');
        try {
          await shot.act?.(page);
        } catch (error) {
          console.warn(`  ! ${shot.name} (${label}): action failed: ${(error as Error).message.split('\n')[0]}`);
        }
        await page.waitForTimeout(400);
        const file = join(outDir, `${shot.name}.${label}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await saveParts(page, join(outDir, `${shot.name}.${label}`), viewport);
        await check(page, `${shot.name}.${label}`);
        console.log(`saved ${file}`);
      }
      await page.evaluate(() => localStorage.removeItem('kairos.language'));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
