import { and, count, eq } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ImportReport } from '../../../../shared/contracts/imports.contract.js';
import { auditLog } from '../../../platform/audit/audit.schema.js';
import { contacts, customers } from '../../customers/customers.schema.js';
import type { Client, TestContext } from '../../../../../test/harness.js';

export const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
export const dataset = (path: string) => readFileSync(`/work/shared/datasets/${path}`);
export const CSV = 'text/csv';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs a file as the raw body, as the web wizard does. */
export function upload(t: TestContext, client: Client, entity: string, body: Buffer | string, query: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const qs = new URLSearchParams({ dryRun: 'true', ...query }).toString();
  return t.app.inject({
    method: 'POST', url: `/api/v1/imports/${entity}?${qs}`, payload: body,
    headers: { cookie: client.cookie!, 'x-requested-with': 'kairos', 'content-type': CSV, ...headers },
  });
}

export async function report(res: { statusCode: number; body: string; json: () => unknown }, status = 200): Promise<ImportReport> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as ImportReport;
}

/** How many customers, contacts and audit rows the database holds: "nothing written" compares two of these. */
export async function footprint(t: TestContext) {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]!.n;
  return {
    customers: await n(t.handle.db.select({ n: count() }).from(customers)),
    contacts: await n(t.handle.db.select({ n: count() }).from(contacts)),
    audit: await n(t.handle.db.select({ n: count() }).from(auditLog)),
  };
}

export async function customerByName(t: TestContext, name: string) {
  const [row] = await t.handle.db.select().from(customers).where(eq(customers.name, name));
  return row ?? null;
}

export async function auditRows(t: TestContext, entity: string, action: string) {
  return t.handle.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.action, action)));
}

let serial = 0;
/** A CSV line set of fresh companies (unique names, valid credit codes). */
export function companies(n: number, creditCode: (i: number) => string) {
  const tag = `${process.pid % 1000}${++serial}`;
  return Array.from({ length: n }, (_, i) => ({ name: `测试导入${tag}号${i}科技有限公司`, creditCode: creditCode(i), phone: `0755-7${tag.padStart(3, '0')}${String(i).padStart(3, '0')}` }));
}
