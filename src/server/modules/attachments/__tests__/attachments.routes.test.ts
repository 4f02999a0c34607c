import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp, type Client } from '../../../../../test/harness.js';
import { createCustomer } from '../../customers/__tests__/customers.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;

/** Uploads one file as multipart/form-data, the way a browser form does. */
function upload(client: Client, customerId: string, file: { name: string; type?: string; content: Buffer } | null, extra: Record<string, string> = {}) {
  const boundary = '----kairos-test-boundary';
  const body = file
    ? Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`),
      file.content, Buffer.from(`\r\n--${boundary}--\r\n`),
    ])
    : Buffer.from(`--${boundary}--\r\n`);
  return t.app.inject({
    method: 'POST', url: `/api/v1/customers/${customerId}/attachments`, payload: body,
    headers: { cookie: client.cookie!, 'x-requested-with': 'kairos', 'content-type': `multipart/form-data; boundary=${boundary}`, ...extra },
  });
}

interface Attachment { id: string; fileName: string; sizeBytes: number; sha256: string; canDelete: boolean; uploadedBy: { name: string } }

describe('customer attachments (附件)', () => {
  it('uploads, lists and downloads a file with its UTF-8 name; upload and download are audited', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const content = Buffer.from('%PDF-1.4 合同正文 \u0000\u00ff binary');
    const res = await upload(rep1, customer.id, { name: '采购合同（终版）.pdf', content });
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json() as Attachment;
    expect(saved).toMatchObject({ fileName: '采购合同（终版）.pdf', contentType: 'application/pdf', sizeBytes: content.length, canDelete: true, uploadedBy: { name: '陈静' } });
    expect(saved.sha256).toBe(createHash('sha256').update(content).digest('hex'));

    const list = (await rep1.get(`/api/v1/customers/${customer.id}/attachments`)).json().items as Attachment[];
    expect(list.map((a) => a.id)).toEqual([saved.id]);
    expect(JSON.stringify(list)).not.toContain('content"');

    const download = await rep1.get(`/api/v1/attachments/${saved.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('采购合同（终版）.pdf')}`);
    expect((await auditRows(t, ws, { entity: 'attachment', entityId: saved.id })).map((a) => a.action)).toEqual(['create', 'download']);
  });

  it('follows the customer\'s visibility: another rep gets 404 everywhere and can add nothing', async () => {
    const [rep1, rep2, supervisor] = [await t.loginAs('rep1'), await t.loginAs('rep2'), await t.loginAs('supervisor1')];
    const customer = await createCustomer(rep1);
    const saved = (await upload(rep1, customer.id, { name: 'a.txt', type: 'text/plain', content: Buffer.from('hello') })).json() as Attachment;
    const before = await countRows(t, 'attachments', ws);
    expect((await rep2.get(`/api/v1/customers/${customer.id}/attachments`)).statusCode).toBe(404);
    expect((await rep2.get(`/api/v1/attachments/${saved.id}/download`)).statusCode).toBe(404);
    expect((await rep2.delete(`/api/v1/attachments/${saved.id}`)).statusCode).toBe(404);
    expect((await upload(rep2, customer.id, { name: 'b.txt', content: Buffer.from('x') })).statusCode).toBe(404);
    expect(await countRows(t, 'attachments', ws)).toBe(before);
    // the supervisor sees the team's files
    expect((await supervisor.get(`/api/v1/customers/${customer.id}/attachments`)).json().items).toHaveLength(1);
  });

  it('only the uploader, the customer\'s owner or the administrator deletes a file; deletion is audited', async () => {
    const [rep1, supervisor, admin] = [await t.loginAs('rep1'), await t.loginAs('supervisor1'), await t.loginAs('admin')];
    const customer = await createCustomer(rep1);
    const bySupervisor = (await upload(supervisor, customer.id, { name: 'visit.jpg', type: 'image/jpeg', content: Buffer.from([0xff, 0xd8, 0xff]) })).json() as Attachment;
    const byOwner = (await upload(rep1, customer.id, { name: 'quote.xlsx', content: Buffer.from('xlsx') })).json() as Attachment;

    const seenBySupervisor = (await supervisor.get(`/api/v1/customers/${customer.id}/attachments`)).json().items as Attachment[];
    expect(Object.fromEntries(seenBySupervisor.map((a) => [a.fileName, a.canDelete]))).toEqual({ 'visit.jpg': true, 'quote.xlsx': false });
    const refused = await supervisor.delete(`/api/v1/attachments/${byOwner.id}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('上传人');
    expect((await rep1.delete(`/api/v1/attachments/${bySupervisor.id}`)).statusCode).toBe(204); // the owner removes a colleague's file
    expect((await admin.get(`/api/v1/customers/${customer.id}/attachments`)).statusCode).toBe(403); // sees no business data…
    expect((await admin.delete(`/api/v1/attachments/${byOwner.id}`)).statusCode).toBe(204); // …but may remove a file
    expect((await rep1.get(`/api/v1/customers/${customer.id}/attachments`)).json().items).toEqual([]);
    expect((await auditRows(t, ws, { entity: 'attachment', action: 'delete' })).map((a) => a.entityId)).toEqual(expect.arrayContaining([bySupervisor.id, byOwner.id]));
  });

  it('refuses a file over the size limit with 413 naming the limit, and an upload without a file with 400; nothing is written', async () => {
    const rep1 = await t.loginAs('rep1');
    const customer = await createCustomer(rep1);
    const before = await countRows(t, 'attachments', ws);
    const big = await upload(rep1, customer.id, { name: 'scan.pdf', content: Buffer.alloc(20 * 1024 * 1024 + 1, 1) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [{ path: 'file', message: '文件超过大小上限 20 MB' }] });
    const missing = await upload(rep1, customer.id, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].path).toBe('file');
    const json = await rep1.post(`/api/v1/customers/${customer.id}/attachments`, { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(await countRows(t, 'attachments', ws)).toBe(before);
    // exactly at the limit is fine
    expect((await upload(rep1, customer.id, { name: 'ok.pdf', content: Buffer.alloc(20 * 1024 * 1024, 1) })).statusCode).toBe(201);
  });

  it('moves a merged duplicate\'s files to the surviving customer', async () => {
    const [rep1, supervisor] = [await t.loginAs('rep1'), await t.loginAs('supervisor1')];
    const survivor = await createCustomer(rep1);
    const duplicate = await createCustomer(rep1);
    const file = (await upload(rep1, duplicate.id, { name: 'license.png', type: 'image/png', content: Buffer.from('png') })).json() as Attachment;
    const merged = await supervisor.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await rep1.get(`/api/v1/customers/${survivor.id}/attachments`)).json().items.map((a: Attachment) => a.id)).toEqual([file.id]);
  });
});
