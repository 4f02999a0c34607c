import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { contractGrants } from '../contracts.permissions.js';

const holds = (role: RoleCode) => Object.entries(contractGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();
const sales = ['contract:read', 'contract:create', 'contract:update', 'contract:submit', 'contract:sign', 'contract:amend'];

/** Contract permissions by role (domain §0, §1.1, §9), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['contract:read'],
  sales_vp: ['contract:read'],
  sales_manager: [...sales, 'contract:assign', 'contract:terminate'],
  sales_supervisor: [...sales, 'contract:assign'],
  sales_rep: sales,
  cs_manager: [],
  cs_specialist: [],
  finance: ['contract:read'],
  warehouse: [],
  receptionist: [],
  admin: [],
};

describe('contract permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its contract permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });
  it('only the sales manager terminates a contract', () => {
    expect([...contractGrants['contract:terminate']]).toEqual(['sales_manager']);
  });
});
