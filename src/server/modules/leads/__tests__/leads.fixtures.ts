import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import { leads } from '../leads.schema.js';

let counter = 0;
const brands = ['瀚川', '铭拓', '琨宇', '骁驰', '璟澜', '峻熙', '昱衡', '泓毅'];

/** A unique company that collides with nothing in the demo data. */
export function newLeadCompany() {
  const n = ++counter;
  const unique = `${process.pid % 1000}${String(n).padStart(4, '0')}`;
  return { company: `苏州${brands[n % brands.length]}${unique}智能装备有限公司`, phone: `139${unique.padStart(8, '0').slice(-8)}` };
}

export interface LeadBody {
  id: string; number: string | null; company: string; ownerId: string | null; status: string; version: number;
  qualification: Record<string, { status: string; note: string | null }>; [key: string]: unknown;
}

/** Creates a lead through the API (201 expected). */
export async function createLead(client: Client, extra: Record<string, unknown> = {}): Promise<LeadBody> {
  const res = await client.post('/api/v1/leads', { ...newLeadCompany(), contactName: '王建国', source: 'exhibition', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as LeadBody;
}

export const confirmed = (note = '已确认') => ({ status: 'confirmed', note });
/** M, A, N and T confirmed: the checklist of a lead that may be qualified. */
export const manTConfirmed = { money: confirmed('预算 50 万'), authority: confirmed('总经理拍板'), need: confirmed('产线改造'), timing: confirmed('下季度采购') };

/** A lead of the client's with M, A, N, T confirmed and status qualified. */
export async function qualifiedLead(client: Client, extra: Record<string, unknown> = {}): Promise<LeadBody> {
  const lead = await createLead(client, { qualification: manTConfirmed, ...extra });
  const res = await client.patch(`/api/v1/leads/${lead.id}`, { version: lead.version, status: 'qualified' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as LeadBody;
}

export async function leadRow(t: TestContext, id: string) {
  const [row] = await t.handle.db.select().from(leads).where(eq(leads.id, id));
  return row ?? null;
}

/** Moves a lead's dates (time travel for recycle and cool-down rules), straight in the database. */
export async function setLeadDates(t: TestContext, id: string, dates: Partial<Record<'ownedSince' | 'lastFollowUpOn' | 'releasedOn', string | null>>) {
  await t.handle.db.update(leads).set(dates).where(eq(leads.id, id));
}
