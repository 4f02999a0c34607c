import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditRows, countRows } from '../../../../../test/fixtures.js';
import { setupTestApp } from '../../../../../test/harness.js';
import { EXAMPLE_ID } from '../../../../shared/contracts/common.contract.js';
import { createCustomer, newCompany } from '../../customers/__tests__/customers.fixtures.js';
import { contacts, customers } from '../../customers/customers.schema.js';
import { createLead, leadRow, manTConfirmed, qualifiedLead } from './leads.fixtures.js';

const t = await setupTestApp();
const ws = t.demo.workspaceId;
const ids = t.demo.userIds;

async function customersNamed(name: string) {
  return t.handle.db.select().from(customers).where(eq(customers.name, name));
}

describe('converting a lead (customer + contact in one transaction)', () => {
  it('creates the customer and contact from the lead, marks it converted, keeps its history and drafts the opportunity', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1, {
      title: '设备部经理', email: 'zhao@example.cn', industry: '制造业', needDescription: '两条装配线自动化改造', estimatedAmount: '560000.00', source: 'exhibition',
    });
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, customer: { name: lead.company, valueClass: 'B' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      linkedExisting: false,
      lead: { status: 'converted', convertedCustomerId: body.customerId, convertedContactId: body.contactId, convertedAt: expect.any(String), recycleOn: null },
      opportunityDraft: {
        customerId: body.customerId, contactId: body.contactId, source: 'exhibition', needDescription: '两条装配线自动化改造', estimatedAmount: '560000.00', leadId: lead.id,
        name: expect.stringContaining(lead.company),
      },
    });
    const [customer] = await t.handle.db.select().from(customers).where(eq(customers.id, body.customerId));
    expect(customer).toMatchObject({ name: lead.company, ownerId: ids.rep1, valueClass: 'B', industry: '制造业' });
    const [contact] = await t.handle.db.select().from(contacts).where(eq(contacts.id, body.contactId));
    expect(contact).toMatchObject({ customerId: body.customerId, name: '王建国', title: '设备部经理', email: 'zhao@example.cn', mobile: lead.phone });
    expect((await auditRows(t, ws, { entity: 'lead', entityId: lead.id })).map((a) => a.action)).toEqual(['create', 'status_qualified', 'convert']);
    expect((await auditRows(t, ws, { entity: 'customer', entityId: body.customerId })).map((a) => a.action)).toEqual(['create']);
    // the converted lead stays readable and closed
    expect((await rep1.get(`/api/v1/leads/${lead.id}`)).json()).toMatchObject({ status: 'converted', access: { canEdit: false, canConvert: false } });
    expect((await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version + 1 })).statusCode).toBe(422);
  });

  it('is all-or-nothing: a contact that fails leaves no customer and the lead unchanged', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1);
    const [customersBefore, contactsBefore, auditBefore] = [await countRows(t, 'customers', ws), await countRows(t, 'contacts', ws), await countRows(t, 'audit_log', ws)];
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, contact: { name: '赵六', mobile: '12' } });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details[0].path).toBe('contact.mobile');
    expect(await customersNamed(lead.company)).toEqual([]);
    expect(await countRows(t, 'customers', ws)).toBe(customersBefore);
    expect(await countRows(t, 'contacts', ws)).toBe(contactsBefore);
    expect(await countRows(t, 'audit_log', ws)).toBe(auditBefore);
    expect(await leadRow(t, lead.id)).toMatchObject({ status: 'qualified', version: lead.version, convertedCustomerId: null });
  });

  it('links to an existing customer of the caller’s that the duplicate check finds, and shows it in the preview first', async () => {
    const rep1 = await t.loginAs('rep1');
    const existing = await createCustomer(rep1);
    const lead = await qualifiedLead(rep1, { company: existing.name });
    const preview = await rep1.get(`/api/v1/leads/${lead.id}/convert-preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({ match: { field: 'name', visible: true, customerId: existing.id, customerName: existing.name, ownerName: expect.any(String) } });
    const before = await countRows(t, 'customers', ws);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customerId: existing.id, linkedExisting: true, lead: { convertedCustomerId: existing.id } });
    expect(await countRows(t, 'customers', ws)).toBe(before);
    const [contact] = await t.handle.db.select().from(contacts).where(eq(contacts.id, res.json().contactId));
    expect(contact!.customerId).toBe(existing.id);
  });

  it('links to a customer named by id', async () => {
    const rep1 = await t.loginAs('rep1');
    const existing = await createCustomer(rep1);
    const lead = await qualifiedLead(rep1);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, customerId: existing.id, contact: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ customerId: existing.id, contactId: null, linkedExisting: true });
  });

  it('refuses a duplicate of another rep’s customer with 409 DUPLICATE naming the owner, and writes nothing', async () => {
    const rep3 = await t.loginAs('rep3');
    const theirs = await createCustomer(rep3);
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1, { company: theirs.name });
    const preview = (await rep1.get(`/api/v1/leads/${lead.id}/convert-preview`)).json();
    expect(preview.match).toMatchObject({ visible: false, customerId: null, customerName: null, ownerName: expect.any(String) });
    const before = await countRows(t, 'contacts', ws);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining(preview.match.ownerName) });
    expect(await countRows(t, 'contacts', ws)).toBe(before);
    expect((await leadRow(t, lead.id))!.status).toBe('qualified');
    // and linking to it by id is refused as unknown
    const byId = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, customerId: theirs.id });
    expect(byId.statusCode).toBe(400);
    expect(byId.json().error.details[0].path).toBe('customerId');
  });

  it('refuses converting a lead whose M, A, N, T are not confirmed (422) and writes nothing', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1, { qualification: { money: manTConfirmed.money } });
    const before = await countRows(t, 'customers', ws);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('RULE_VIOLATION');
    expect(await countRows(t, 'customers', ws)).toBe(before);
  });

  it('converts a contacted lead whose checklist is complete', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await createLead(rep1, { qualification: manTConfirmed });
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, customer: newCompany() && { name: lead.company } });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each([
    ['a stale version', (v: number) => ({ version: v - 1 }), 409],
    ['no version', () => ({}), 400],
    ['both customerId and customer', (v: number) => ({ version: v, customerId: EXAMPLE_ID, customer: { name: '某公司' } }), 400],
    ['an unknown customer id', (v: number) => ({ version: v, customerId: EXAMPLE_ID }), 400],
    ['a bad credit code', (v: number) => ({ version: v, customer: { name: '某某新公司', creditCode: '123' } }), 400],
    ['an empty customer name', (v: number) => ({ version: v, customer: { name: '' } }), 400],
    ['an unknown field', (v: number) => ({ version: v, opportunity: {} }), 400],
  ])('refuses %s and writes nothing', async (_title, body, status) => {
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1);
    const before = await countRows(t, 'customers', ws);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, body(lead.version));
    expect(res.statusCode, res.body).toBe(status);
    expect(await countRows(t, 'customers', ws)).toBe(before);
    expect(await leadRow(t, lead.id)).toMatchObject({ status: 'qualified', version: lead.version });
  });

  it('names a bad credit code as customer.creditCode', async () => {
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1);
    const res = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, customer: { name: '某某新公司', creditCode: '123' } });
    expect(res.json().error.details[0].path).toBe('customer.creditCode');
  });

  it.each(['gm', 'csm', 'cs1', 'finance1', 'warehouse1', 'reception1'])('refuses %s converting (403 or 404) and writes nothing', async (user) => {
    const rep1 = await t.loginAs('rep1');
    const lead = await qualifiedLead(rep1);
    const res = await (await t.loginAs(user)).post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version });
    expect([403, 404]).toContain(res.statusCode);
    expect((await leadRow(t, lead.id))!.status).toBe('qualified');
  });

  it('another rep cannot convert my lead (404)', async () => {
    const lead = await qualifiedLead(await t.loginAs('rep1'));
    expect((await (await t.loginAs('rep2')).post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version })).statusCode).toBe(404);
  });
});
