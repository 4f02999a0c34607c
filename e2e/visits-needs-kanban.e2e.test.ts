import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 800 };
/** Lhasa, far from every demo customer: the only customer near it is the one the test creates. */
const SITE = { latitude: 29.652, longitude: 91.118 };
const SHOT_DIR = process.env.KAIROS_E2E_SHOTS;

describe.skipIf(!canRunBrowserTests())('field visits, customer needs and the kanban by keyboard', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  const api = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, { method, data: body, headers: { 'X-Requested-With': 'kairos' } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  const shot = async (name: string) => { if (SHOT_DIR) await page.screenshot({ path: `${SHOT_DIR}/${name}.png`, fullPage: true }); };

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('a rep checks in on a phone with the browser location; the visit shows on the customer timeline', async () => {
    await page.setViewportSize(PHONE);
    await loginAs(page, server.baseUrl, 'rep1');
    const customer = await api<{ id: string; name: string }>('/customers', 'POST', {
      name: '拉萨雪域高原测控技术有限公司', latitude: SITE.latitude.toFixed(6), longitude: (SITE.longitude + 0.004).toFixed(6), address: '拉萨市城关区北京中路 1 号',
    });
    // the phone grants the location permission and is 400 m west of the customer
    await browser.context.grantPermissions(['geolocation'], { origin: server.baseUrl });
    await browser.context.setGeolocation({ ...SITE, accuracy: 15 });

    await page.goto(`${server.baseUrl}/check-in`);
    await page.getByTestId('locate').click();
    await expect.poll(async () => Number(await page.getByTestId('lat').inputValue())).toBe(SITE.latitude);
    expect(Number(await page.getByTestId('lng').inputValue())).toBe(SITE.longitude);
    const near = page.getByTestId('near-me');
    await near.getByLabel(customer.name).click(); // the radio (the name itself links to the customer page)
    await page.getByText(`正在拜访：${customer.name}`).waitFor();
    await page.getByLabel('地址').fill('北京中路 1 号 门口');
    await page.getByLabel('备注').fill('现场查看设备安装位置');
    // the page fits a 390 px phone: nothing wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot('check-in-phone');
    await page.getByTestId('check-in-submit').click();
    const done = page.getByTestId('check-in-done');
    await done.waitFor();
    expect(await done.innerText()).toContain(`已签到：${customer.name}`);
    expect(await done.innerText()).toMatch(/距客户登记位置 0\.\d\d 公里/);

    await page.goto(`${server.baseUrl}/customers/${customer.id}?tab=activities`);
    const visit = page.getByTestId('activity-timeline').getByTestId('timeline-activity').filter({ hasText: '拜访' }).first();
    await visit.waitFor();
    expect(await visit.innerText()).toContain('现场查看设备安装位置');
    await shot('check-in-timeline-phone');
    const checkIns = await api<{ items: { type: string; status: string; customerId: string }[] }>(`/activities?customerId=${customer.id}`);
    expect(checkIns.items).toEqual([expect.objectContaining({ type: 'visit', status: 'done', customerId: customer.id })]);
  });

  it('a customer need goes explore → propose → execute → confirm with a satisfaction score, shown on the customer page', async () => {
    await page.setViewportSize(DESKTOP);
    await loginAs(page, server.baseUrl, 'rep1');
    const [customer] = (await api<{ items: { id: string; name: string }[] }>('/customers?ownerId=me&limit=1')).items;
    await page.goto(`${server.baseUrl}/customers/${customer!.id}?tab=mot`);
    const tab = page.getByTestId('customer-mot-tab');
    await tab.getByText('需求', { exact: true }).click();
    await tab.getByTestId('add-need').click();
    const needForm = page.getByTestId('need-form');
    await needForm.getByLabel('需求').fill('产线停机数据需要每日推送');
    await needForm.getByLabel('说明').fill('车间主任希望每天早上 8 点前收到前一天的停机汇总');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();

    const card = (step: string) => tab.getByTestId(`needs-column-${step}`).getByTestId('need-card').filter({ hasText: '产线停机数据需要每日推送' });
    const advance = async (step: string, fill: () => Promise<void>) => {
      await card(step).getByTestId('need-advance').click();
      await page.getByTestId('advance-form').waitFor();
      await fill();
      await page.getByRole('dialog').getByRole('button', { name: /^推\s*进$/ }).click();
      await page.getByTestId('advance-form').waitFor({ state: 'detached' });
    };
    await card('explore').waitFor();
    await advance('explore', () => page.getByTestId('advance-form').getByLabel('承诺', { exact: true }).fill('两周内上线每日停机汇总邮件'));
    await card('propose').filter({ hasText: '两周内上线每日停机汇总邮件' }).waitFor(); // antd's ellipsis keeps hidden copies of the text
    await advance('propose', () => page.getByTestId('advance-form').getByLabel('兑现情况', { exact: true }).fill('已上线，每天 7:30 发送'));
    await card('execute').filter({ hasText: '已上线，每天 7:30 发送' }).waitFor();
    await advance('execute', async () => {
      await page.getByTestId('satisfaction-rate').locator('li').nth(3).click(); // the fourth star
      await page.getByTestId('advance-form').getByLabel('客户评价', { exact: true }).fill('很及时，车间很满意');
    });

    const confirmed = card('confirm');
    await confirmed.waitFor();
    await confirmed.getByLabel('客户满意度 4').waitFor();
    expect(await confirmed.innerText()).toContain('很及时，车间很满意');
    await tab.getByTestId('satisfaction-summary').waitFor();
    await shot('need-confirmed-desktop');
    const needs = await api<{ items: { title: string; step: string; satisfactionScore: number | null }[] }>(`/needs?customerId=${customer!.id}&limit=200`);
    expect(needs.items.find((n) => n.title === '产线停机数据需要每日推送')).toMatchObject({ step: 'confirm', satisfactionScore: 4 });
  });

  it('the visit plans list loads the next page on "load more", on a phone too', async () => {
    await loginAs(page, server.baseUrl, 'rep2');
    // 25 day plans a month ahead, more than the first page of 20
    const start = new Date(Date.now() + 30 * 86_400_000);
    for (let d = 0; d < 25; d++) {
      const day = new Date(start.getTime() + d * 86_400_000).toISOString().slice(0, 10);
      await api('/visit-plans', 'POST', { period: 'day', periodStart: day });
    }
    for (const [viewport, name] of [[DESKTOP, 'visit-plans-desktop'], [PHONE, 'visit-plans-phone']] as const) {
      await page.setViewportSize(viewport);
      await page.goto(`${server.baseUrl}/visit-plans`);
      const table = page.getByTestId('visit-plan-table');
      await page.getByText('全部', { exact: true }).click();
      const rows = table.locator('tbody tr.ant-table-row');
      await expect.poll(() => rows.count()).toBe(20);
      await page.getByTestId('load-more').click();
      await expect.poll(() => rows.count()).toBeGreaterThan(20);
      await shot(name);
    }
  });

  it('on a phone the kanban moves a card to the next stage with the keyboard, and shows the gate refusal the server gives', async () => {
    await page.setViewportSize(PHONE);
    await loginAs(page, server.baseUrl, 'rep1');
    const pipelines = await api<{ items: { id: string; template: string | null; stages: { id: string; code: string | null }[] }[] }>('/pipelines');
    const pipeline = pipelines.items.find((p) => p.template === 'big_account')!;
    const development = pipeline.stages.find((s) => s.code === 'development')!;
    const [customer] = (await api<{ items: { id: string }[] }>('/customers?ownerId=me&limit=1')).items;
    const created = await api<{ id: string; version: number }>('/opportunities', 'POST', {
      customerId: customer!.id, pipelineId: pipeline.id, stageId: development.id, name: '键盘移动测试项目', amount: '260000.00',
      expectedCloseDate: '2027-06-30', needDescription: '仓储温湿度监控',
    });
    await api(`/opportunities/${created.id}/key-nodes/${development.id}`, 'POST', { version: created.version, done: true, note: '项目信息已核实' });
    const stageOf = async () => (await api<{ stageName: string }>(`/opportunities/${created.id}`)).stageName;

    await page.goto(`${server.baseUrl}/opportunities?pipelineId=${pipeline.id}`);
    const cardOf = () => page.locator(`[data-testid="kanban-card"][data-opportunity-id="${created.id}"]`);
    // what the board announces to screen readers while a card is lifted (dnd-kit's live region)
    const announced = (text: string) => page.locator('[aria-live]').filter({ hasText: text }).waitFor({ state: 'attached' });
    /** Focuses the card, lifts it with Space, → over the next column, Space drops it — waiting for each step's announcement. */
    const moveRightByKeyboard = async (from: string, to: string) => {
      const handle = page.locator('[role="button"][aria-roledescription]').filter({ has: cardOf() });
      await handle.focus();
      expect(await handle.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Space');
      await announced(`移到了“${from}”上方`);
      await page.keyboard.press('ArrowRight');
      await announced(`移到了“${to}”上方`);
      await page.keyboard.press('Space');
      await announced(`放到了“${to}”`);
    };

    await cardOf().waitFor();
    await moveRightByKeyboard('客户开发', '立项');
    await page.locator('.ant-message-notice').filter({ hasText: '已移到' }).waitFor();
    await page.locator('[data-testid="kanban-column"]').filter({ hasText: '立项' }).first().locator(`[data-opportunity-id="${created.id}"]`).waitFor();
    expect(await stageOf()).toBe('立项');

    // 立项 → 提案 needs the approved initiation report: the server refuses and the page says why
    await moveRightByKeyboard('立项', '提案');
    const refusal = page.getByTestId('move-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('立项报告必须审批通过');
    await shot('kanban-refusal-phone');
    expect(await stageOf()).toBe('立项');
    await page.locator('[data-testid="kanban-column"]').filter({ hasText: '立项' }).first().locator(`[data-opportunity-id="${created.id}"]`).waitFor();
  });
});
