import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

const dealName = '上海澜石 立项闸门测试项目';

describe.skipIf(!canRunBrowserTests())('the initiation gate on the kanban', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let pipelineId = '';
  let opportunityId = '';

  const json = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const response = await page.request.fetch(`${server.baseUrl}/api/v1${path}`, { method, data: body, headers: { 'X-Requested-With': 'kairos' } });
    return response.json() as Promise<T>;
  };

  /** Drags the deal's card onto the 提案 column with the mouse. */
  async function dragToProposal() {
    await page.goto(`${server.baseUrl}/opportunities?pipelineId=${pipelineId}`);
    const card = page.locator(`[data-testid="kanban-card"][data-opportunity-id="${opportunityId}"]`);
    await card.waitFor();
    const from = (await card.boundingBox())!;
    const to = (await page.locator('[data-testid="kanban-column"]').filter({ hasText: '提案' }).first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + 20);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + 30, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + 150, { steps: 10 });
    await page.mouse.up();
  }

  const stageOf = async () => (await json<{ stageName: string; version: number }>(`/opportunities/${opportunityId}`));

  beforeAll(async () => { ({ server, browser, page } = await openBrowserSession()); });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('refuses a rep dragging a deal past 立项 until the initiation report is approved, then moves it', async () => {
    await loginAs(page, server.baseUrl, 'rep1');
    // the deal in 立项 with its key node done: only the initiation report still holds it
    const pipelines = await json<{ items: { id: string; template: string | null; stages: { id: string; code: string | null }[] }[] }>('/pipelines');
    const pipeline = pipelines.items.find((p) => p.template === 'big_account')!;
    pipelineId = pipeline.id;
    const initiation = pipeline.stages.find((s) => s.code === 'initiation')!;
    const customers = await json<{ items: { id: string }[] }>('/customers?ownerId=me&limit=1');
    const created = await json<{ id: string; version: number }>('/opportunities', 'POST', {
      customerId: customers.items[0]!.id, pipelineId, stageId: initiation.id, name: dealName, amount: '180000.00', expectedCloseDate: '2027-03-31', needDescription: '产线数据采集',
    });
    opportunityId = created.id;
    await json(`/opportunities/${opportunityId}/key-nodes/${initiation.id}`, 'POST', { version: created.version, done: true, note: '售前立项会已开' });

    await dragToProposal();
    const refusal = page.getByTestId('move-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('立项报告必须审批通过');
    expect((await stageOf()).stageName).toBe('立项');
    // the card went back to its column
    await page.locator('[data-testid="kanban-column"]').filter({ hasText: '立项' }).first().locator(`[data-opportunity-id="${opportunityId}"]`).waitFor();

    // the rep writes the initiation report on the detail page and sends it for approval
    await page.goto(`${server.baseUrl}/opportunities/${opportunityId}?tab=initiation-report`);
    const report = page.getByTestId('initiation-report');
    await report.getByLabel('客户方负责人').fill('王总');
    await report.getByLabel('预计毛利率').fill('28.5');
    await report.getByLabel('销售费用预算').fill('12000.00');
    await report.getByLabel('项目类别').fill('软件实施');
    await page.getByTestId('save-report').click();
    await report.locator('[data-testid="doc-status"][data-status="draft"]').waitFor();
    await page.getByTestId('submit-report').click();
    await report.locator('[data-testid="doc-status"][data-status="pending"]').waitFor();
    const { approvalId } = await json<{ approvalId: string }>(`/opportunities/${opportunityId}/initiation-report`);

    // each approver in the chain approves from the inbox (the supervisor, then the sales manager)
    for (const approver of ['supervisor1', 'manager1', 'gm']) {
      const status = (await json<{ status: string }>(`/opportunities/${opportunityId}/initiation-report`)).status;
      if (status === 'approved') break;
      await loginAs(page, server.baseUrl, approver);
      await page.goto(`${server.baseUrl}/inbox/${approvalId}`);
      await page.getByTestId('approval-title').waitFor();
      if (await page.getByTestId('approve').count() === 0) continue;
      await page.getByTestId('approve').click();
      await page.getByTestId('confirm-decision').click();
      await page.getByTestId('approve').waitFor({ state: 'detached' });
    }
    await loginAs(page, server.baseUrl, 'rep1');
    expect((await json<{ status: string }>(`/opportunities/${opportunityId}/initiation-report`)).status).toBe('approved');

    await dragToProposal();
    await page.locator('[data-testid="kanban-column"]').filter({ hasText: '提案' }).first().locator(`[data-opportunity-id="${opportunityId}"]`).waitFor();
    await page.locator('.ant-message-notice').filter({ hasText: '已移到' }).waitFor();
    expect((await stageOf()).stageName).toBe('提案');
  });
});
