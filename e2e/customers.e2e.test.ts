import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

const company = '上海澜石信息技术有限公司';
const sameCompany = '上海澜石信息技术股份有限公司';

describe.skipIf(!canRunBrowserTests())('customers', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  const api = async <T>(path: string): Promise<T> => (await page.request.get(`${server.baseUrl}/api/v1${path}`)).json() as Promise<T>;

  async function createCustomer(name: string) {
    await page.goto(`${server.baseUrl}/customers`);
    await page.getByTestId('create-customer').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('customer-name').fill(name);
    await dialog.getByTestId('customer-name').press('Enter');
    return dialog;
  }

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('lets a rep create a customer, refuses the same company under another legal form naming its owner, and add a contact', async () => {
    await loginAs(page, server.baseUrl, 'rep1');

    await createCustomer(company);
    await page.getByTestId('customer-overview').getByText(company).waitFor();
    expect(page.url()).toMatch(/\/customers\/[0-9a-f-]{36}$/);

    const dialog = await createCustomer(sameCompany);
    const duplicate = dialog.getByTestId('duplicate-alert');
    await duplicate.waitFor();
    expect(await duplicate.innerText()).toContain('陈静');
    expect(await duplicate.locator('a').count()).toBe(0);
    const found = await api<{ items: { name: string }[] }>(`/customers?q=${encodeURIComponent('澜石')}`);
    expect(found.items.map((c) => c.name)).toEqual([company]);

    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await page.getByTestId('customers-table').getByRole('link', { name: company }).click();
    await page.getByRole('tab', { name: /联系人/ }).click();
    await page.getByTestId('add-contact').click();
    const contactDialog = page.getByRole('dialog');
    await contactDialog.getByTestId('contact-name').fill('周立');
    await contactDialog.getByLabel('职务').fill('总经理');
    await contactDialog.getByLabel('拜访角色').click();
    await page.locator('.ant-select-item-option[title="经济决策者"]').click();
    await contactDialog.getByTestId('contact-name').press('Enter');
    await page.getByTestId('contacts-table').getByText('周立').waitFor();
    await page.getByTestId('contacts-table').getByText('经济决策者').waitFor();

    const customerId = page.url().match(/customers\/([0-9a-f-]{36})/)![1];
    const contacts = await api<{ items: { name: string; title: string; buyingRole: string }[] }>(`/customers/${customerId}/contacts`);
    expect(contacts.items).toEqual([expect.objectContaining({ name: '周立', title: '总经理', buyingRole: 'economic_buyer' })]);
  });
});
