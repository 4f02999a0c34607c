import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

/** A customer of its own: no contracts, no receivables and no credit profile (limit 0.00, cash before delivery). */
const CUSTOMER = '拉萨衡准报价发货联调有限公司';
const SHOT_DIR = process.env.KAIROS_E2E_SHOTS;

describe.skipIf(!canRunBrowserTests())('from an exception quote to a shipped over-credit shipment', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  const api = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, { method, data: body, headers: { 'X-Requested-With': 'kairos' } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const idInUrl = (kind: string) => page.url().match(new RegExp(`/${kind}/([0-9a-f-]{36})`))![1]!;
  const shot = async (name: string) => { if (SHOT_DIR) await page.screenshot({ path: `${SHOT_DIR}/${name}.png`, fullPage: true }); };
  /** Waits until the 状态 field of the detail page (quote, contract, order) reads `status`. */
  const statusReads = (status: string) => page.locator('.ant-descriptions-item')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: /^状态$/ }) }).getByText(status, { exact: true }).waitFor();

  /** Signs in as the approver, opens the customer's item from 待办审批 and approves it with a comment. */
  async function approveFromInbox(username: string, comment: string) {
    await loginAs(page, server.baseUrl, username);
    await page.getByTestId('main-menu').getByRole('menuitem', { name: '待办审批' }).click();
    await page.getByTestId('approval-table').getByTestId('approval-link').filter({ hasText: CUSTOMER }).click();
    await page.getByTestId('approval-title').waitFor();
    await page.getByTestId('approve').click();
    await page.getByTestId('decision-comment').fill(comment);
    await page.getByTestId('confirm-decision').click();
    await page.getByTestId('decision-bar').waitFor({ state: 'detached' });
  }

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('a 20 % off quote is approved, becomes a signed contract, and its over-credit shipment ships after the GM\'s override', async () => {
    // ── 1. the rep builds a quote below the floor price; the builder says why it needs approval ──
    await loginAs(page, server.baseUrl, 'rep1');
    // setup outside the flow: the customer itself (created through the real server)
    await api('/customers', 'POST', { name: CUSTOMER, address: '拉萨市城关区金珠西路 8 号' });

    await page.goto(`${server.baseUrl}/quotes`);
    await page.getByRole('button', { name: '新建报价' }).click();
    const form = page.getByTestId('quote-form');
    await form.locator('input#customerId').fill('衡准报价发货');
    await page.locator('.ant-select-item-option').filter({ hasText: CUSTOMER }).click();
    const line = form.getByTestId('quote-line').first();
    await line.getByLabel('产品').fill('PT-300');
    await page.locator('.ant-select-item-option').filter({ hasText: /^PT-300 压力变送器/ }).click();
    // the picked product fills the line with the customer's price (class C: the list price)
    await expect.poll(() => line.getByLabel('含税单价').inputValue()).toBe('6800.00');
    await line.getByLabel('数量').fill('20');
    await line.getByLabel('折扣 %').fill('20');
    await expect.poll(() => line.getByTestId('quote-line-amount').innerText()).toBe('¥108,800.00');

    const banner = form.getByTestId('quote-banner');
    await banner.filter({ hasText: '需要例外审批，因为' }).waitFor();
    const bannerText = await banner.innerText();
    expect(bannerText).toContain('第 1 行净单价 ¥5,440.00 低于最低价 ¥5,600.00');
    expect(bannerText).toContain('整单折扣 20.00% 超过专员权限 5%');
    expect(bannerText).toContain('经理权限内'); // 108,800.00: above the supervisor's amount, within the manager's
    expect(bannerText).toContain('审批流程：销售主管审核 → 销售经理审核');
    expect(bannerText).not.toContain('销售副总');
    await shot('quote-builder-exception');

    await page.getByTestId('quote-save').click();
    await page.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
    const quoteId = idInUrl('quotes');
    const reasons = page.getByTestId('quote-reasons');
    await reasons.waitFor();
    expect(await reasons.innerText()).toContain('低于最低价 ¥5,600.00');
    await page.getByTestId('quote-submit').click();
    await statusReads('审批中');

    // ── 2. the supervisor, then the sales manager approve it from their inbox ──
    await approveFromInbox('supervisor1', '竞争报价，同意让利');
    await page.getByTestId('approval-title').getByText('审批中').waitFor();
    await approveFromInbox('manager1', '同意');
    await page.getByTestId('approval-title').getByText('已通过').waitFor();

    // ── 3. the rep sends it, the customer accepts: a draft contract with the quote's lines ──
    await loginAs(page, server.baseUrl, 'rep1');
    await page.goto(`${server.baseUrl}/quotes/${quoteId}`);
    await statusReads('已批准');
    await page.getByTestId('quote-send').click();
    await statusReads('已发送');
    await page.getByTestId('quote-accept').click();
    await page.getByRole('dialog').getByRole('button', { name: '客户接受' }).click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
    const contractId = idInUrl('contracts');
    const contractLine = page.locator('.ant-table-row').filter({ hasText: '压力变送器 PT-300' });
    await contractLine.waitFor();
    expect(await contractLine.innerText()).toContain('¥108,800.00');
    expect(await contractLine.innerText()).toContain('¥6,800.00');
    expect(await page.locator('.ant-descriptions-item').filter({ hasText: '合同金额' }).innerText()).toContain('¥108,800.00');
    await page.getByTestId('contract-quote-link').waitFor();
    await shot('contract-from-quote');

    await page.getByTestId('contract-submit').click();
    await statusReads('评审中');
    await approveFromInbox('manager1', '合同条款无异议');
    await page.getByTestId('approval-title').getByText('已通过').waitFor();

    await loginAs(page, server.baseUrl, 'rep1');
    await page.goto(`${server.baseUrl}/contracts/${contractId}`);
    await page.getByTestId('contract-sign').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认签订' }).click();
    await statusReads('已签订');

    // ── 3b. the customer wires the prepayment (a prepayment not fully received blocks every shipment of the
    //        contract, even one saved on credit hold — docs/payments-and-aging.md): the rep files a payment
    //        slip (缴款单), the sales manager approves it, finance records it from the collections workbench ──
    const lines = await api<{ items: { id: string; kind: string; amount: string; status: string }[] }>(`/receivables?contractId=${contractId}`);
    const prepayment = lines.items.find((l) => l.kind === 'prepayment')!;
    expect(prepayment.amount).toBe('32640.00'); // 30 % of 108,800.00
    await page.goto(`${server.baseUrl}/receivables`);
    const prepaymentRow = page.getByTestId('receivable-table').locator('.ant-table-row').filter({ hasText: CUSTOMER }).filter({ hasText: '预付款' });
    await prepaymentRow.getByTestId('file-slip').click();
    const slipDialog = page.getByRole('dialog');
    expect(await slipDialog.getByTestId('slip-amount').inputValue()).toBe('32640.00');
    await slipDialog.locator('#slip-submit').click();
    await page.getByText('缴款单已提交销售经理核准').waitFor();

    await approveFromInbox('manager1', '预付款已到账，核准');
    await page.getByTestId('approval-title').getByText('已通过').waitFor();

    await loginAs(page, server.baseUrl, 'finance1');
    await page.getByTestId('main-menu').getByRole('menuitem', { name: '回款登记' }).click();
    await page.getByTestId('approved-slips').locator('.ant-table-row').filter({ hasText: CUSTOMER }).getByTestId('slip-record').click();
    await page.getByText('已按缴款单登记回款 ¥32,640.00').waitFor();
    await shot('payment-slip-recorded');
    const paidLine = (await api<{ items: { id: string; status: string }[] }>(`/receivables?contractId=${contractId}`)).items.find((l) => l.id === prepayment.id)!;
    expect(paidLine.status).toBe('paid');

    await loginAs(page, server.baseUrl, 'rep1');
    await page.goto(`${server.baseUrl}/contracts/${contractId}`);
    await statusReads('已签订');

    // ── 4. an order for the whole contract, then its shipment: refused by the credit check ──
    await page.getByTestId('contract-place-order').click();
    await page.getByTestId('order-qty-0').fill('20');
    await expect.poll(() => page.getByTestId('order-total').innerText()).toBe('¥108,800.00');
    await page.getByTestId('order-submit').click();
    await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
    const orderId = idInUrl('orders');

    // the shipment form shows the credit position before anything is created
    await page.getByTestId('order-ship').click();
    await page.getByTestId('shipment-form').waitFor();
    const verdict = page.getByTestId('credit-verdict');
    await verdict.filter({ hasText: '超出信用额度，不能发货' }).waitFor();
    const position = await page.getByTestId('credit-position').innerText();
    expect(position).toContain('未建信用档案：款到发货（额度 0）');
    expect(position).toMatch(/超出额度\s*¥108,800\.00/);
    expect(await page.getByTestId('shipment-submit').isDisabled()).toBe(true);
    await shot('shipment-credit-refused');

    await page.getByTestId('shipment-hold').click();
    const holdDialog = page.getByRole('dialog');
    await holdDialog.getByTestId('reason-form').locator('textarea').fill('客户为新开户重点客户，预付款本周到账');
    await holdDialog.getByRole('button', { name: '保存为信用冻结并申请特批' }).click();
    await page.waitForURL(/\/shipments\/[0-9a-f-]{36}$/);
    const shipmentId = idInUrl('shipments');
    const tags = page.getByTestId('shipment-tags');
    await tags.getByText('信用冻结').waitFor();
    await tags.getByText('特批审批中').waitFor();
    // the request went with the hold: no second request while it is pending
    expect(await page.getByTestId('request-override').count()).toBe(0);
    const shipmentNumber = (await api<{ number: string }>(`/shipments/${shipmentId}`)).number;

    // a shortfall of 108,800.00 (≥ policy credit.overrideGmShortfall 100,000.00): the GM decides (总经理特批)
    await approveFromInbox('gm', '预付款到账后发货，同意特批');
    await page.getByTestId('approval-title').getByText('已通过').waitFor();
    await page.getByTestId('override-snapshot').getByText(shipmentNumber).waitFor();

    // ── 5. the warehouse walks it through review, pick, pack and ship from its work queue ──
    await loginAs(page, server.baseUrl, 'warehouse1');
    await page.getByTestId('main-menu').getByRole('menuitem', { name: '发货工作台' }).click();
    await page.getByTestId('shipment-filters').getByPlaceholder('发货单号').fill(shipmentNumber);
    await page.getByTestId('shipment-filters').getByPlaceholder('发货单号').press('Enter');
    const row = page.getByTestId('shipment-queue').locator('.ant-table-row').filter({ hasText: shipmentNumber });
    for (const step of ['review', 'pick', 'pack'] as const) {
      await row.getByTestId(`step-${step}`).click();
      await row.getByTestId(`step-${step}`).waitFor({ state: 'detached' });
    }
    await row.getByTestId('step-ship').click();
    const shipForm = page.getByTestId('warehouse-step-form');
    await shipForm.getByLabel('承运商').fill('顺丰速运');
    await shipForm.getByLabel('运单号').fill('SF1234567890');
    await page.getByRole('dialog').getByRole('button', { name: '确认发运' }).click();
    await shipForm.waitFor({ state: 'detached' });

    await page.goto(`${server.baseUrl}/shipments/${shipmentId}`);
    await page.getByTestId('shipment-tags').getByText('已发运').waitFor();
    await page.getByText('顺丰速运 · SF1234567890').waitFor();
    // the position frozen at hold time reads as overridden, not as a refusal
    await page.getByTestId('credit-verdict').filter({ hasText: '本单已获超信用特批，可以发货' }).waitFor();
    expect(await page.getByTestId('step-deliver').count()).toBe(1);
    await shot('shipment-shipped');
    const shipment = await api<{ status: string; amount: string }>(`/shipments/${shipmentId}`);
    expect(shipment).toMatchObject({ status: 'shipped', amount: '108800.00' });

    // the rep sees the order shipped in full
    await loginAs(page, server.baseUrl, 'rep1');
    await page.goto(`${server.baseUrl}/orders/${orderId}`);
    await statusReads('已发货');
  });
});
