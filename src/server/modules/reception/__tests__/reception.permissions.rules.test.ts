import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { receptionGrants } from '../reception.permissions.js';

const holds = (role: RoleCode) => Object.entries(receptionGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();
const leading = ['reception:read', 'reception:roster_read', 'reception:report', 'reception:overrides'];

/** Reception permissions by role (domain §0, §4.2), one row per role. */
const expected: Record<RoleCode, string[]> = {
  receptionist: ['reception:register', 'reception:desk', 'reception:read', 'reception:reassign', 'reception:roster_read', 'reception:report'],
  gm: leading,
  sales_vp: leading,
  sales_manager: [...leading, 'reception:reassign', 'reception:roster_manage', 'reception:market_survey'],
  sales_supervisor: [...leading, 'reception:reassign', 'reception:market_survey'],
  sales_rep: ['reception:read', 'reception:roster_read', 'reception:market_survey'],
  admin: ['reception:roster_read', 'reception:roster_manage'],
  cs_manager: [],
  cs_specialist: [],
  finance: [],
  warehouse: [],
};

describe('reception permissions by role', () => {
  it.each(roleCodes)('%s holds exactly its reception permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });
});
