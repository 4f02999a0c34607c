import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import type { PrintTemplateDto, PrintTemplateSummaryDto } from '../../../../shared/contracts/print-templates.contract.js';
import { createContract } from '../../contracts/__tests__/contracts.fixtures.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';
import { DEMO_WORKSPACE } from '../../../seed/demo.js';
import { defaultTemplates } from '../print-templates.defaults.js';
import { pdfText } from './pdf-text.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const [admin, vp, gm, manager, rep1, rep3, warehouse] = await Promise.all(
  ['admin', 'vp', 'gm', 'manager1', 'rep1', 'rep3', 'warehouse1'].map((u) => t.loginAs(u)),
) as [Client, Client, Client, Client, Client, Client, Client];

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
const err = (res: { json(): unknown }) => (res.json() as ErrorBody).error;

async function current(kind: string): Promise<PrintTemplateDto> {
  const res = await admin.get(`/api/v1/print-templates/${kind}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PrintTemplateDto;
}
async function save(client: Client, kind: string, body: string, version?: number) {
  return client.put(`/api/v1/print-templates/${kind}`, { body, version: version ?? (await current(kind)).version });
}
async function resetToDefault(kind: string) {
  const res = await admin.post(`/api/v1/print-templates/${kind}/reset`, { version: (await current(kind)).version });
  expect(res.statusCode, res.body).toBe(200);
}

const customTemplate = '^^ {{company.name}}\n# 定制合同 {{doc.number}}\n[lines no description=品名 amount]\n[totals]\n定制条款：{{contract.deliveryTerms}}';

describe('print templates (打印模板)', () => {
  it('lists the kinds (sales documents and dunning letters) for the administrator and the sales VP, each printing the built-in default until saved', async () => {
    const res = await admin.get('/api/v1/print-templates');
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: PrintTemplateSummaryDto[] }).items;
    expect(items.map((i) => i.kind)).toEqual(['quote', 'contract', 'delivery_note', 'thank_you_letter', 'collection_notice', 'lawyer_letter']);
    expect(items.find((i) => i.kind === 'delivery_note')).toMatchObject({ isDefault: true, version: 0, updatedBy: null, canEdit: true });
    const forVp = ((await vp.get('/api/v1/print-templates')).json() as { items: PrintTemplateSummaryDto[] }).items;
    expect(Object.fromEntries(forVp.map((i) => [i.kind, i.canEdit]))).toEqual({
      quote: true, contract: true, delivery_note: false, thank_you_letter: false, collection_notice: false, lawyer_letter: false,
    });
  });

  it.each([['rep1', rep1], ['manager1', manager], ['gm', gm], ['warehouse1', warehouse]])('refuses %s the template settings (403)', async (_who, client) => {
    expect((await client.get('/api/v1/print-templates')).statusCode).toBe(403);
    expect((await client.get('/api/v1/print-templates/contract')).statusCode).toBe(403);
  });

  it('shows a kind with its default body and the placeholders, line columns and tables it may name, labelled in the caller’s language', async () => {
    const tpl = await current('contract');
    expect(tpl.defaultBody).toBe(defaultTemplates.contract);
    expect(tpl.placeholders).toContainEqual({ name: 'contract.buyerParty', label: '甲方（买方）', sample: '杭州云帆智能制造有限公司' });
    expect(tpl.placeholders).toContainEqual({ name: 'total.amountInWords', label: '合计金额（大写）', sample: '壹拾贰万伍仟元整' });
    expect(tpl.placeholders.map((p) => p.name)).not.toContain('quote.validUntil');
    expect(tpl.tables).toEqual([{ name: 'paymentPlan', columns: [
      { key: 'no', label: '序号' }, { key: 'kind', label: '款项' }, { key: 'dueDate', label: '付款日期' }, { key: 'amount', label: '金额（元）' }, { key: 'percent', label: '比例' },
    ] }]);
    const en = (await admin.get('/api/v1/print-templates/delivery_note', { 'accept-language': 'en-US' })).json() as PrintTemplateDto;
    expect(en.placeholders.find((p) => p.name === 'shipment.trackingNo')!.label).toBe('Tracking number');
    expect((await admin.get('/api/v1/print-templates/dunning_letter')).statusCode).toBe(400);
  });

  it('lets the sales VP save the contract template at the version read, audited with the body before and after; a stale version gets 409 and changes nothing', async () => {
    await resetToDefault('contract');
    const before = await current('contract');
    const res = await save(vp, 'contract', customTemplate, before.version);
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as PrintTemplateDto;
    expect(saved).toMatchObject({ isDefault: false, version: before.version + 1, body: customTemplate, updatedBy: { id: t.demo.userIds.vp, name: '李明' } });
    const audit = (await auditRows(t, ws, { entity: 'print_template', action: 'update' })).at(-1)!;
    expect(audit.before).toMatchObject({ kind: 'contract', body: null });
    expect(audit.after).toMatchObject({ kind: 'contract', body: customTemplate, version: saved.version });

    const stale = await save(admin, 'contract', '# 另一个版本', before.version);
    expect(stale.statusCode).toBe(409);
    expect(err(stale).code).toBe('CONFLICT');
    expect((await current('contract')).body).toBe(customTemplate);
  });

  it('refuses a sales rep (and a sales manager) the contract template — reps may not draft contract terms (§1.1) — and writes nothing', async () => {
    const before = await current('contract');
    const audits = (await auditRows(t, ws, { entity: 'print_template' })).length;
    for (const client of [rep1, manager]) {
      const res = await save(client, 'contract', '# 我的合同', before.version);
      expect(res.statusCode).toBe(403);
      expect(err(res).code).toBe('FORBIDDEN');
      expect((await client.post('/api/v1/print-templates/contract/reset', { version: before.version })).statusCode).toBe(403);
    }
    expect(await current('contract')).toMatchObject({ body: before.body, version: before.version });
    expect((await auditRows(t, ws, { entity: 'print_template' })).length).toBe(audits);
  });

  it('keeps the delivery note template for the administrator: the sales VP is refused, the administrator saves it', async () => {
    const res = await save(vp, 'delivery_note', '# 发货单 {{doc.number}}\n[lines]');
    expect(res.statusCode).toBe(403);
    expect(err(res).message).toBe('您不能修改此类单据的打印模板');
    const ok = await save(admin, 'delivery_note', '# 发货单 {{doc.number}}\n[lines]');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as PrintTemplateDto).isDefault).toBe(false);
  });

  it('refuses unknown placeholders with a 400 naming them (in the caller’s language), and saves nothing', async () => {
    const before = await current('quote');
    const res = await save(vp, 'quote', '# 报价单 {{doc.number}}\n有效期：{{quote.validUntill}}\n甲方：{{contract.buyerParty}}');
    expect(res.statusCode).toBe(400);
    expect(err(res)).toMatchObject({ code: 'VALIDATION_FAILED', message: 'body: 模板中有未知的占位符：{{quote.validUntill}}, {{contract.buyerParty}}' });
    expect(err(res).details).toEqual([{ path: 'body', message: '模板中有未知的占位符：{{quote.validUntill}}, {{contract.buyerParty}}' }]);
    const layout = await vp.put('/api/v1/print-templates/quote', { body: '[lines no price]\n[stamp]', version: before.version }, { 'accept-language': 'en-US' });
    expect(layout.statusCode).toBe(400);
    expect(err(layout).details!.map((d) => d.message)).toEqual([
      'Line 1: unknown table columns price (available: no, product, description, unit, quantity, unitPrice, discount, taxRate, amount)',
      'Line 2: unknown layout directive [stamp]',
    ]);
    const missing = await vp.put('/api/v1/print-templates/quote', { version: before.version });
    expect(missing.statusCode).toBe(400);
    expect(err(missing).details!.map((d) => d.path)).toContain('body');
    expect(await current('quote')).toMatchObject({ body: before.body, version: before.version });
  });

  it('previews a template not yet saved as a PDF with sample data: Chinese text, money with separators, the amount in words', async () => {
    const res = await vp.post('/api/v1/print-templates/quote/preview', { body: '# 报价单预览\n客户：{{customer.name}}\n[lines no product quantity amount]\n[totals]' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    const text = pdfText(pdf);
    expect(text).toContain('报价单预览');
    expect(text).toContain('客户：杭州云帆智能制造有限公司');
    expect(text).toContain('工业边缘控制器 KX-200');
    expect(text).toContain('90,000.00');
    expect(text).toContain('合计金额（大写）：人民币壹拾贰万伍仟元整');
    expect(text).not.toContain('{{');
    expect((await vp.post('/api/v1/print-templates/quote/preview', { body: '{{nope}}' })).statusCode).toBe(400);
    expect((await rep1.post('/api/v1/print-templates/quote/preview', { body: '# 报价单' })).statusCode).toBe(403);
  });

  it('resets a kind to the built-in default at the version read, audited; a stale reset gets 409', async () => {
    await save(vp, 'quote', '# 临时报价单 {{doc.number}}');
    const before = await current('quote');
    expect(before.isDefault).toBe(false);
    const res = await vp.post('/api/v1/print-templates/quote/reset', { version: before.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ isDefault: true, body: defaultTemplates.quote, version: before.version + 1 });
    expect((await auditRows(t, ws, { entity: 'print_template', action: 'reset' })).at(-1)!.after).toMatchObject({ kind: 'quote', body: null });
    expect((await vp.post('/api/v1/print-templates/quote/reset', { version: before.version })).statusCode).toBe(409);
  });
});

describe('GET /contracts/{id}.pdf', () => {
  async function rep1Contract() {
    const customer = await createCustomer(rep1, { address: '上海市浦东新区张江路 88 号' });
    const contact = await rep1.post(`/api/v1/customers/${customer.id}/contacts`, { name: '周婷', mobile: '13800138000', buyingRole: 'economic_buyer' });
    expect(contact.statusCode, contact.body).toBe(201);
    return createContract(rep1, customer.id);
  }

  it('prints the contract through the default template: parties, lines, totals in words, payment plan, named <number>.pdf; audited', async () => {
    await resetToDefault('contract');
    const contract = await rep1Contract();
    const res = await rep1.get(`/api/v1/contracts/${contract.id}.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`filename="${contract.number}.pdf"`);
    const text = pdfText(res.rawPayload);
    for (const expected of [
      DEMO_WORKSPACE, '销 售 合 同', `合同编号：${contract.number}`, '甲方（买方）：上海远航机械有限公司', '乙方（卖方）：凯罗斯智能装备有限公司',
      '地址：上海市浦东新区张江路 88 号', '联系人：周婷', '电话：13800138000', '经办人：陈静',
      '自动化控制柜', '30,000.00', '安装调试服务', '20%', '合计金额（大写）：人民币壹拾万元整', '（小写）¥100,000.00',
      '预付款', '30,000.0030%', '尾款', '2099年12月31日', '70,000.0070%', '合同签订后 30 天内交货，买方现场验收', '“产线自动化改',
    ]) expect(text, expected).toContain(expected);
    expect(text).not.toContain('{{');
    const audit = (await auditRows(t, ws, { entity: 'contract', action: 'print' })).at(-1)!;
    expect(audit).toMatchObject({ entityId: contract.id, after: { number: contract.number, format: 'pdf' } });
  });

  it('prints through the workspace’s own contract template once one is saved', async () => {
    const contract = await rep1Contract();
    expect((await save(vp, 'contract', customTemplate)).statusCode).toBe(200);
    const text = pdfText((await rep1.get(`/api/v1/contracts/${contract.id}.pdf`)).rawPayload);
    expect(text).toContain(`定制合同 ${contract.number}`);
    expect(text).toContain('定制条款：合同签订后 30 天内交货，买方现场验收');
    expect(text).not.toContain('七、其他');
    await resetToDefault('contract');
  });

  it('prints only contracts in the caller’s data scope (404 outside it) and only for those who read contracts (403)', async () => {
    const contract = await rep1Contract();
    // the contract's own page is still served beside its .pdf
    expect((await rep1.get(`/api/v1/contracts/${contract.id}`)).statusCode).toBe(200);
    expect((await rep3.get(`/api/v1/contracts/${contract.id}.pdf`)).statusCode).toBe(404);
    expect((await manager.get(`/api/v1/contracts/${contract.id}.pdf`)).statusCode).toBe(200);
    expect((await warehouse.get(`/api/v1/contracts/${contract.id}.pdf`)).statusCode).toBe(403);
    expect((await admin.get(`/api/v1/contracts/${contract.id}.pdf`)).statusCode).toBe(403);
    expect((await t.anonymous.get(`/api/v1/contracts/${contract.id}.pdf`)).statusCode).toBe(401);
    expect((await rep1.get('/api/v1/contracts/not-a-uuid.pdf')).statusCode).toBe(400);
    const before = await countRows(t, 'audit_log', ws);
    expect((await rep3.get(`/api/v1/contracts/${contract.id}.pdf`)).statusCode).toBe(404);
    expect(await countRows(t, 'audit_log', ws)).toBe(before);
  });
});
