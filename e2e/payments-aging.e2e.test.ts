import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { money } from '../src/shared/money';
import { formatMoney } from '../src/shared/money-format';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

const SHOT_DIR = process.env.KAIROS_E2E_SHOTS;
const PAID = '10000.00';

interface Line { id: string; customer: { id: string; name: string }; contract: { number: string }; kind: string; dueDate: string; outstanding: string; daysOverdue: number; status: string }
interface Aging { asOf: string; rows: { key: string | null; name: string; buckets: Record<string, string>; total: string }[]; totals: { total: string; buckets: Record<string, string> } }

const bucketOf = (days: number) => (days <= 0 ? 'not_due' : days <= 30 ? '1_30' : days <= 60 ? '31_60' : days <= 90 ? '61_90' : days <= 120 ? '91_120' : 'over_120');

describe.skipIf(!canRunBrowserTests())('finance records a partial payment in the collections workbench', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  const api = async <T>(path: string): Promise<T> => {
    const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, { headers: { 'X-Requested-With': 'kairos' } });
    if (!response.ok()) throw new Error(`GET ${path}: ${response.status()} ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const shot = async (name: string) => { if (SHOT_DIR) await page.screenshot({ path: `${SHOT_DIR}/${name}.png`, fullPage: true }); };

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });
  afterAll(() => closeBrowserSession({ server, browser }));

  it('the aging report and the customer\'s available credit move by the amount paid', async () => {
    await loginAs(page, server.baseUrl, 'finance1');
    // a demo customer with a credit profile and an open line of more than the payment
    const open = await api<{ items: Line[] }>('/receivables?status=open&limit=200');
    let line: Line | undefined;
    let creditBefore: { available: string; hasProfile: boolean } | undefined;
    for (const l of open.items.filter((i) => money.compare(i.outstanding, '20000') > 0)) {
      const credit = await api<{ available: string; hasProfile: boolean }>(`/customers/${l.customer.id}/credit`);
      if (credit.hasProfile) { line = l; creditBefore = credit; break; }
    }
    expect(line, 'a demo customer with a credit profile and an open line above 20,000').toBeDefined();
    const customer = line!.customer;
    const bucket = bucketOf(line!.daysOverdue);
    const agingBefore = await api<Aging>('/reports/aging?groupBy=customer');
    const rowBefore = agingBefore.rows.find((r) => r.key === customer.id)!;

    // ── the workbench: customer, amount, an allocation with the live remaining ──
    await page.goto(`${server.baseUrl}/collections`);
    const form = page.getByTestId('payment-form');
    await form.locator('input#payment-customer').fill(customer.name.slice(0, 6));
    await page.locator('.ant-select-item-option').filter({ hasText: customer.name }).first().click();
    await page.getByTestId('payment-amount').fill(PAID);
    await form.getByTestId('payment-reference').fill('HD20261201-001');
    const row = page.getByTestId('open-lines').locator('.ant-table-row').filter({ hasText: line!.contract.number }).filter({ hasText: line!.dueDate }).first();
    await row.getByTestId('allocation-input').fill('6000');
    await expect.poll(() => page.getByTestId('allocation-remaining').innerText(), { timeout: 15_000 }).toContain('¥4,000.00');
    // a remainder needs a choice: the button stays disabled until it is allocated or kept as credit
    expect(await page.getByTestId('payment-submit').isDisabled()).toBe(true);
    await page.getByTestId('keep-credit').waitFor();
    await row.getByTestId('allocation-input').fill(PAID);
    await expect.poll(() => page.getByTestId('allocation-remaining').innerText(), { timeout: 15_000 }).toContain('¥0.00');
    await shot('collections-workbench');
    await page.getByTestId('payment-submit').click();
    await page.getByText(`已登记回款 ${formatMoney(PAID)}`).waitFor();
    await page.getByTestId('payment-list').locator('.ant-table-row').filter({ hasText: 'HD20261201-001' }).waitFor();

    const after = await api<{ items: Line[] }>(`/receivables?customerId=${customer.id}&status=partial`);
    expect(after.items.find((l) => l.id === line!.id)?.outstanding).toBe(money.sub(line!.outstanding, PAID));

    // ── the aging report: the total, the customer's row and the line's bucket are 10,000.00 lower ──
    await page.goto(`${server.baseUrl}/reports/aging`);
    const total = money.sub(agingBefore.totals.total, PAID);
    await expect.poll(() => page.getByTestId('aging-total').innerText(), { timeout: 15_000 }).toContain(formatMoney(total));
    const agingRow = page.getByTestId('aging-table').locator('.ant-table-row').filter({ hasText: customer.name });
    expect(await agingRow.innerText()).toContain(formatMoney(money.sub(rowBefore.total, PAID)));
    const bucketAfter = money.sub(agingBefore.totals.buckets[bucket]!, PAID);
    const totalsRow = page.getByTestId('aging-totals');
    expect(await totalsRow.innerText()).toContain(formatMoney(bucketAfter));
    // drill-down from the customer's cell in that bucket lists the line with what is left
    if (money.compare(money.sub(rowBefore.buckets[bucket]!, PAID), 0) > 0) {
      await agingRow.getByTestId(`aging-cell-${bucket}`).click();
      const drill = page.getByTestId('aging-lines');
      await drill.locator('.ant-table-row').filter({ hasText: line!.contract.number }).filter({ hasText: formatMoney(money.sub(line!.outstanding, PAID)) }).first().waitFor();
    }
    await shot('aging-report');

    // ── the customer's credit tab: available credit up by the payment, the line still open for the rest ──
    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=credit`);
    const available = money.add(creditBefore!.available, PAID);
    await expect.poll(() => page.getByTestId('credit-available').innerText(), { timeout: 15_000 }).toContain(formatMoney(available));
    const openCard = page.getByTestId('customer-open-receivables');
    await openCard.locator('.ant-table-row').filter({ hasText: line!.contract.number }).filter({ hasText: '部分回款' }).first().waitFor();
    await shot('customer-credit-open-receivables');
  });
});
