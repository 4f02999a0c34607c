/**
 * Saves a PNG of every page of the web UI at desktop (1366×800) and phone (375×740) widths into
 * screenshots/, against a fresh demo server, and reports horizontal overflow and strings that look
 * like untranslated i18n keys. Run: `npx tsx scripts/screenshots.ts`.
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

const viewports = { desktop: { width: 1366, height: 800 }, phone: { width: 375, height: 740 } } as const;
const outDir = resolve('screenshots');

async function openFirstApproval(page: Page) {
  await page.getByTestId('approval-link').first().click();
  await page.getByTestId('steps-timeline').waitFor();
}

const shots: Shot[] = [
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
  { name: 'en-admin-home', user: 'admin', path: '/', language: 'en-US' },
  { name: 'en-admin-policies', user: 'admin', path: '/settings/policies', language: 'en-US' },
  { name: 'en-admin-audit', user: 'admin', path: '/admin/audit', language: 'en-US' },
  { name: 'en-admin-roles', user: 'admin', path: '/admin/roles', language: 'en-US' },
  { name: 'en-gm-approval', user: 'gm', path: '/inbox', language: 'en-US', act: openFirstApproval },
];

/** Text that looks like an i18n key (`menu.users`, `errors.title.X`) rather than a translation. */
const keyPattern = /\b(?:menu|users|field|status|errors|pages|actions|common|policies|pending|group|unit|numbering|webhooks|delivery|audit|filter|column|diff|entity|action|kind|bell|home|login|password|tokens|inbox|detail|decide|snapshot|role|scope|perm|departments|territories|roles)\.[A-Za-z_.]+\b/g;

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
      for (const shot of shots) {
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
