import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Client, TestContext } from '../../../../../test/harness.js';
import { creditCodeCheckChar } from '../customers.rules.js';
import { customers } from '../customers.schema.js';

let counter = 0;
const brands = ['凯思', '睿博', '澜图', '岑达', '翊丰', '珩宇', '沐川', '霁云'];

/** A fresh, unique company (name, valid credit code, landline) that collides with nothing in the demo data. */
export function newCompany() {
  const n = ++counter;
  const unique = `${process.pid % 1000}${String(n).padStart(4, '0')}`;
  const first17 = `91440300K${unique.padStart(8, '0').slice(-8)}`;
  return {
    name: `深圳${brands[n % brands.length]}${unique}测控技术有限公司`,
    creditCode: first17 + creditCodeCheckChar(first17)!,
    phone: `0755-8${unique.padStart(7, '0').slice(-7)}`,
  };
}

export interface CustomerBody { id: string; name: string; ownerId: string | null; version: number; phone: string | null; [key: string]: unknown }

/** Creates a customer through the API and returns it (201 expected). */
export async function createCustomer(client: Client, extra: Record<string, unknown> = {}): Promise<CustomerBody> {
  const res = await client.post('/api/v1/customers', { ...newCompany(), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CustomerBody;
}

/** Every page of a list endpoint, `pageSize` rows at a time. */
export async function allPages<T>(client: Client, url: string, pageSize = 200): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res = await client.get(`${url}${sep}limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Moves a customer's dates (time travel for recycle and cool-down rules), straight in the database. */
export async function setCustomerDates(t: TestContext, id: string, dates: Partial<Record<'ownedSince' | 'lastFollowUpOn' | 'lastDealOn' | 'releasedOn' | 'reviewedOn', string | null>>) {
  await t.handle.db.update(customers).set(dates).where(eq(customers.id, id));
}

export async function customerRow(t: TestContext, id: string) {
  const [row] = await t.handle.db.select().from(customers).where(and(eq(customers.id, id)));
  return row ?? null;
}

/** Notifications of a user after the outbox has been dispatched. */
export async function notificationsOf(t: TestContext, client: Client) {
  await t.dispatch();
  const res = await client.get('/api/v1/notifications?limit=200');
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { kind: string; params: Record<string, unknown>; link: string | null }[] }).items;
}

/** Signs in several demo users at once. */
export async function loginAll<const N extends readonly string[]>(t: TestContext, usernames: N): Promise<{ [K in keyof N]: Client }> {
  return Promise.all(usernames.map((u) => t.loginAs(u))) as Promise<{ [K in keyof N]: Client }>;
}
