import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { invoiceGrants } from '../invoices.permissions.js';

const holds = (role: RoleCode) => Object.entries(invoiceGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();

/** Invoice request permissions by role (domain §1.1, §17), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['invoice:read'],
  sales_vp: ['invoice:read'],
  sales_manager: ['invoice:read', 'invoice:request'],
  sales_supervisor: ['invoice:read', 'invoice:request'],
  sales_rep: ['invoice:read', 'invoice:request'],
  cs_manager: [],
  cs_specialist: [],
  finance: ['invoice:issue', 'invoice:read'],
  warehouse: [],
  receptionist: [],
  admin: [],
};

describe('invoice request permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its invoice permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });
  it('who issues does not request, and who requests does not issue (segregation of duties)', () => {
    const issuers = invoiceGrants['invoice:issue'] as readonly RoleCode[];
    expect((invoiceGrants['invoice:request'] as readonly RoleCode[]).filter((r) => issuers.includes(r))).toEqual([]);
    expect([...issuers]).toEqual(['finance']);
  });
});
