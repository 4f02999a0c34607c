import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs, menuLabels } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

const administration = ['用户', '部门', '区域', '角色与权限', '审计日志', 'Webhooks', '编号规则'];

describe.skipIf(!canRunBrowserTests())('menu filtered by permissions', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('shows a sales rep only the rep menu: no administration entries, and their pages answer 403', async () => {
    await loginAs(page, server.baseUrl, 'rep1');
    const labels = await menuLabels(page);
    expect(labels).toEqual(expect.arrayContaining(['首页', '待办审批', '业务策略']));
    for (const entry of administration) expect(labels).not.toContain(entry);
    expect(await page.getByTestId('main-menu').innerText()).not.toContain('系统管理');

    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByText('没有访问权限').waitFor();

    await page.goto(`${server.baseUrl}/settings/policies`);
    await page.getByTestId('policy-value-contracts.majorAmount').waitFor();
    expect(await page.getByTestId('edit-policies').count()).toBe(0);
  });

  it('shows the administrator every administration entry', async () => {
    await loginAs(page, server.baseUrl, 'admin');
    const labels = await menuLabels(page);
    expect(labels).toEqual(expect.arrayContaining(administration));
    expect(await page.getByTestId('main-menu').innerText()).toContain('系统管理');

    await page.getByTestId('main-menu').getByRole('menuitem', { name: '用户' }).click();
    await page.getByTestId('users-table').getByText('rep1').waitFor();
  });
});
