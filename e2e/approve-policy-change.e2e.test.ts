import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

describe.skipIf(!canRunBrowserTests())('policy change approval from the inbox', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('lets the GM approve the pending major-contract threshold, after which the policies page shows 800000.00', async () => {
    await loginAs(page, server.baseUrl, 'gm');
    await page.goto(`${server.baseUrl}/settings/policies`);
    await page.getByTestId('pending-change-banner').waitFor();
    expect(await page.getByTestId('policy-value-contracts.majorAmount').innerText()).toContain('1000000.00');

    await page.getByTestId('main-menu').getByRole('menuitem', { name: '待办审批' }).click();
    const link = page.getByTestId('approval-table').getByTestId('approval-link').filter({ hasText: '重大合同金额' });
    await link.click();
    await page.getByTestId('policy-change-table').getByText('800000.00').waitFor();

    await page.getByTestId('approve').click();
    await page.getByTestId('decision-comment').fill('同意调整');
    await page.getByTestId('confirm-decision').click();
    await page.getByTestId('approval-title').getByText('已通过').waitFor();
    expect(await page.getByTestId('decision-bar').count()).toBe(0);

    await page.getByTestId('main-menu').getByRole('menuitem', { name: '业务策略' }).click();
    const value = page.getByTestId('policy-value-contracts.majorAmount');
    await page.waitForFunction(() => document.querySelector('[data-testid="policy-value-contracts.majorAmount"]')?.textContent?.includes('800000.00'));
    expect(await value.innerText()).toContain('800000.00');
    expect(await page.getByTestId('pending-change-banner').count()).toBe(0);

    // the decided change has left the GM's inbox (other demo approvals, e.g. an over-credit shipment, stay)
    await page.getByTestId('main-menu').getByRole('menuitem', { name: '待办审批' }).click();
    await page.getByTestId('approval-table').getByTestId('approval-link').first().waitFor();
    // the list may first show the cached inbox; wait until the refetched one no longer holds the change
    await page.getByTestId('approval-table').getByTestId('approval-link').filter({ hasText: '重大合同金额' }).waitFor({ state: 'detached' });
  });

  it('tells the requester (admin) through the notification bell that the change was approved', async () => {
    await loginAs(page, server.baseUrl, 'admin');
    // the outbox is dispatched just after commit; reload until the notification has arrived
    for (let attempt = 0; attempt < 20; attempt++) {
      await page.getByTestId('notification-bell').click();
      const item = page.getByTestId('notification-item').filter({ hasText: '您的申请已通过' });
      if (await item.count() > 0) break;
      await page.waitForTimeout(1000);
      await page.reload();
      await page.getByTestId('main-menu').waitFor();
    }
    await page.getByTestId('notification-item').filter({ hasText: '您的申请已通过' }).first().click();
    await page.getByTestId('approval-title').getByText('已通过').waitFor();
  });
});
