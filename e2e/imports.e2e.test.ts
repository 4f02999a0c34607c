import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { canRunBrowserTests, type LaunchedBrowser } from './support/browser';
import { badCreditCode, creditCode, csvText, encodeGbk, manyCustomersCsv } from './support/import-files';
import { loginAs } from './support/pages';
import type { RunningServer } from './support/server';
import { closeBrowserSession, openBrowserSession } from './support/session';

/** Where scripts/screenshots.ts saves its PNGs (git-ignored): the progress display and the final report land there too. */
const shotsDir = resolve(import.meta.dirname, '../screenshots');

// "企业信用号" is no alias of the credit code: the user maps it by hand; the other headers map themselves
const header = ['客户名称', '企业信用号', '所属行业', '联系电话'];
const customers = [
  ['嘉兴南湖纺织机械有限公司', creditCode(101), '机械制造', '0573-8200 0101'],
  ['绍兴柯桥印染科技有限公司', creditCode(102), '纺织', '0575-8400 0102'],
  ['湖州吴兴竹木制品有限公司', creditCode(103), '家居', '0572-2200 0103'],
];
/** The first file: the third customer's credit code has a wrong check character (a typo). */
const withTypo = customers.map((row, i) => (i === 2 ? [row[0]!, badCreditCode(103), row[2]!, row[3]!] : row));
const gbkFile = (name: string, rows: string[][]) => ({ name, mimeType: 'text/csv', buffer: encodeGbk(csvText([header, ...rows])) });

describe.skipIf(!canRunBrowserTests())('import wizard', () => {
  let server: RunningServer;
  let browser: LaunchedBrowser;
  let page: Page;

  const api = async <T>(path: string): Promise<T> => (await page.request.get(`${server.baseUrl}/api/v1${path}`)).json() as Promise<T>;
  const customerNamed = async (name: string) =>
    (await api<{ items: { name: string; creditCode: string | null; industry: string | null }[] }>(`/customers?q=${encodeURIComponent(name)}`)).items.filter((c) => c.name === name);
  const upload = (file: { name: string; mimeType: string; buffer: Buffer }) => page.locator('input[type=file]').setInputFiles(file);
  const statistic = (title: string) => page.getByTestId('import-report').locator('.ant-statistic').filter({ hasText: title }).locator('.ant-statistic-content-value');

  beforeAll(async () => {
    ({ server, browser, page } = await openBrowserSession());
    mkdirSync(shotsDir, { recursive: true });
  });

  afterAll(() => closeBrowserSession({ server, browser }));

  it('lets a rep map a column by hand, see a bad row in the dry run (nothing written), upload the corrected GBK file, import it and find the customer', async () => {
    await loginAs(page, server.baseUrl, 'rep1');
    await page.getByTestId('main-menu').getByRole('menuitem', { name: '数据导入' }).click();
    await page.getByTestId('import-entity').getByText('客户', { exact: true }).click();
    await page.waitForURL(/\/imports\/customers$/);

    await upload(gbkFile('客户名单.csv', withTypo));
    const mappingTable = page.getByTestId('mapping-table');
    await mappingTable.waitFor();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('import-report').innerText()).toContain('编码：GBK / GB18030');
    const creditCodeField = mappingTable.getByRole('row').filter({ hasText: '企业信用号' });
    expect(await creditCodeField.innerText()).toContain('（不导入）');
    expect(await mappingTable.getByRole('row').filter({ hasText: '所属行业' }).innerText()).toContain('行业');

    // map 企业信用号 → 统一社会信用代码 with the keyboard: open the select, type to filter, Enter picks the match
    const select = page.getByLabel('导入到字段: 企业信用号');
    await select.click();
    await select.pressSequentially('信用代码');
    await page.locator('.ant-select-item-option-active').filter({ hasText: '统一社会信用代码' }).waitFor();
    await select.press('Enter');
    expect(await creditCodeField.innerText()).toContain('统一社会信用代码');
    // the first check was for the old mapping: it is withdrawn until the user checks again
    await page.getByTestId('import-check-stale').getByText('列映射已修改').waitFor();
    expect(await page.getByTestId('import-report').count()).toBe(0);
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.getByTestId('import-recheck').click();

    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const badRow = errors.locator('tbody tr.ant-table-row');
    expect(await badRow.count()).toBe(1);
    // header is line 1, so the third customer is on line 4 of the file
    expect((await badRow.locator('td').allInnerTexts()).map((s) => s.trim())).toEqual(['4', '企业信用号', '统一社会信用代码无效（应为 18 位且校验位正确）']);
    expect(await statistic('有错误的行').innerText()).toBe('1');
    expect(await page.getByTestId('import-report').innerText()).toContain('有 1 行需要修改');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    await page.screenshot({ path: join(shotsDir, 'e2e-import-check.desktop.png'), fullPage: true });

    // the dry run wrote nothing: none of the three customers exists
    for (const [name] of customers) expect(await customerNamed(name!)).toEqual([]);

    // the user fixes the typo in the file and uploads it again: the hand-made mapping is kept
    await page.getByRole('button', { name: '换一个文件' }).click();
    await upload(gbkFile('客户名单-已改正.csv', customers));
    await page.getByText('文件：客户名单-已改正.csv').waitFor();
    await page.getByTestId('import-report').getByText('所有行都通过了检查，可以导入。').waitFor();
    expect(await mappingTable.getByRole('row').filter({ hasText: '企业信用号' }).innerText()).toContain('统一社会信用代码');
    expect(await statistic('新建').innerText()).toBe('3');

    await page.getByTestId('import-run').click();
    await page.getByText('导入完成').waitFor();
    expect(await page.getByText('新建 3 条，更新 0 条，跳过 0 条。').count()).toBe(1);

    await page.getByTestId('main-menu').getByRole('menuitem', { name: /(^|\s)客户$/ }).click();
    await page.waitForURL(/\/customers$/);
    await page.getByLabel('搜索客户名称').fill('柯桥印染');
    await page.getByLabel('搜索客户名称').press('Enter');
    const table = page.getByTestId('customers-table');
    await page.waitForURL(/q=/);
    const rows = table.locator('tbody tr.ant-table-row');
    // the unfiltered first page (newest first) also lists it: wait for the search to narrow the list
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.getByTestId('customer-link').innerText()).toBe('绍兴柯桥印染科技有限公司');

    // the mapped column was imported: the credit code came from 企业信用号
    expect(await customerNamed('湖州吴兴竹木制品有限公司')).toEqual([expect.objectContaining({ creditCode: creditCode(103), industry: '家居' })]);
  });

  it('runs a 5,000-row import as a background job: the progress display appears, then the report with the counts', async () => {
    await loginAs(page, server.baseUrl, 'rep1');
    await page.goto(`${server.baseUrl}/imports/customers`);
    await upload({ name: '五千客户.csv', mimeType: 'text/csv', buffer: manyCustomersCsv(5000) });
    await page.getByTestId('import-report').getByText('所有行都通过了检查，可以导入。').waitFor();
    expect(await statistic('总行数').innerText()).toBe('5,000');

    // the job may be quicker than a screenshot: record every state the progress display shows, from the click on
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-progress').waitFor();
    await page.screenshot({ path: join(shotsDir, 'e2e-import-progress.desktop.png'), fullPage: true });

    await page.getByText('导入完成').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await page.getByText('新建 5000 条，更新 0 条，跳过 0 条。').count()).toBe(1);
    await page.screenshot({ path: join(shotsDir, 'e2e-import-large-done.desktop.png'), fullPage: true });

    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toContain('正在后台导入 五千客户.csv：共 5000 行');
    for (const text of seen) expect(text).toMatch(/^正在后台导入 五千客户\.csv：共 5000 行(已写入 \d+ \/ 5000 行)?/);

    const found = await api<{ items: { name: string }[] }>(`/customers?q=${encodeURIComponent('批量导入测试05000号')}`);
    expect(found.items.map((c) => c.name)).toEqual(['批量导入测试05000号科技有限公司']);
  });
});
