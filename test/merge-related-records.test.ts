import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../src/server/modules/customers/__tests__/customers.fixtures.js';
import { qualifiedLead, leadRow } from '../src/server/modules/leads/__tests__/leads.fixtures.js';
import { receptionVisits } from '../src/server/modules/reception/reception.schema.js';
import { setupTestApp } from './harness.js';

const t = await setupTestApp();

/** Merging duplicates keeps every related record of the other modules (domain §17 "duplicate merge"). */
describe('merging customers and contacts moves the records of other modules', () => {
  it('re-points converted leads and front-desk visits at the surviving customer and contact', async () => {
    const [rep1, supervisor, desk] = await Promise.all([t.loginAs('rep1'), t.loginAs('supervisor1'), t.loginAs('reception1')]);
    const lead = await qualifiedLead(rep1);
    const converted = await rep1.post(`/api/v1/leads/${lead.id}/convert`, { version: lead.version, customer: { name: lead.company } });
    expect(converted.statusCode, converted.body).toBe(200);
    const { customerId: duplicateId, contactId: duplicateContactId } = converted.json() as { customerId: string; contactId: string };
    const duplicate = (await rep1.get(`/api/v1/customers/${duplicateId}`)).json() as { phone: string | null };

    // the desk matches a walk-in to the converted customer by its contact's phone… or by the company name
    const visit = await desk.post('/api/v1/reception/visits', { kind: 'walk_in', company: lead.company, contactName: '王建国', phone: duplicate.phone, source: 'walk_in' });
    expect(visit.statusCode, visit.body).toBe(201);
    const visitId = (visit.json() as { id: string }).id;
    expect((await t.handle.db.select().from(receptionVisits).where(eq(receptionVisits.id, visitId)))[0]!.customerId).toBe(duplicateId);

    const survivor = await createCustomer(rep1);
    const merged = await supervisor.post(`/api/v1/customers/${survivor.id}/merge`, { duplicateId });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await leadRow(t, lead.id))?.convertedCustomerId).toBe(survivor.id);
    expect((await t.handle.db.select().from(receptionVisits).where(eq(receptionVisits.id, visitId)))[0]!.customerId).toBe(survivor.id);

    // the converted contact moved with its customer; merged into another contact, the lead follows it
    const other = await rep1.post(`/api/v1/customers/${survivor.id}/contacts`, { name: '王建国（新）' });
    expect(other.statusCode, other.body).toBe(201);
    const otherId = (other.json() as { id: string }).id;
    const contactMerge = await supervisor.post(`/api/v1/contacts/${otherId}/merge`, { duplicateId: duplicateContactId });
    expect(contactMerge.statusCode, contactMerge.body).toBe(200);
    expect((await leadRow(t, lead.id))?.convertedContactId).toBe(otherId);
  });
});
