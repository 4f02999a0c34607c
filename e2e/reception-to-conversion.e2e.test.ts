import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { DEMO_PASSWORD, loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

interface Customer { id: string; name: string; phone: string | null; ownerId: string | null }

/** One of rep1's demo customers with a phone, read through the API as rep1 (the demo seed picks the data). */
async function aCustomerOfRep1(baseUrl: string): Promise<Customer> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'rep1', password: DEMO_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const list = await fetch(`${baseUrl}/api/v1/customers?ownerId=me&limit=50&sort=name`, { headers: { cookie } });
  const { items } = await list.json() as { items: Customer[] };
  const customer = items.find((c) => c.phone);
  if (!customer) throw new Error('the demo seed has no customer of rep1 with a phone');
  return customer;
}

describe.skipIf(!canRunBrowserTests())('from the front desk to a converted lead', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let customer: Customer;

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession());
    customer = await aCustomerOfRep1(server.baseUrl);
  });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('the receptionist registers a walk-in whose phone belongs to rep1\'s customer and sees rep1 (陈静) as the assignee, as a returning customer', async () => {
    await loginAs(page, server.baseUrl, 'reception1');
    // the desk is the receptionist's home page, with the cursor in the company field
    await page.getByTestId('desk-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/reception/desk');
    await page.keyboard.type(customer.name);
    await page.getByTestId('desk-contact').fill('王经理');
    await page.getByTestId('desk-phone').fill(customer.phone!);
    await page.getByTestId('desk-phone').press('Enter');

    await page.getByTestId('desk-assignee').getByText('陈静').waitFor();
    expect(await page.getByTestId('desk-reason').innerText()).toBe('老客户，归属 陈静');
    await page.getByTestId('desk-visits').getByText(customer.name).waitFor();
  });

  it('rep1 opens the new lead from "my reception visits" and converts it, linked to the existing customer', async () => {
    await loginAs(page, server.baseUrl, 'rep1');
    await page.getByTestId('main-menu').getByRole('menuitem', { name: '我的接待' }).click();
    const row = page.getByTestId('my-visits').locator('tr', { hasText: customer.name }).first();
    await row.getByTestId('open-lead').click();
    await page.waitForURL(/\/leads\/[0-9a-f-]{36}$/);
    await page.getByText(customer.name).first().waitFor();

    // conversion needs money, authority, need and timing confirmed (MAN-COTH)
    for (const item of ['money', 'authority', 'need', 'timing']) {
      await page.getByTestId(`qual-${item}`).getByText('已确认').click();
    }
    await page.getByTestId('save-qualification').click();
    await page.getByTestId('qualification').getByText('已确认', { exact: true }).first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="save-qualification"]')?.hasAttribute('disabled'));
    await page.getByTestId('lead-convert').click();
    await page.getByTestId('convert-link-existing').waitFor();
    await page.getByTestId('lead-convert-confirm').click();
    // the conversion offers the opportunity next, prefilled from the lead; rep1 opens the customer instead
    await page.getByTestId('create-from-lead').waitFor();
    await page.getByTestId('open-converted-customer').click();
    await page.waitForURL(new RegExp(`/customers/${customer.id}$`));
  });
});
