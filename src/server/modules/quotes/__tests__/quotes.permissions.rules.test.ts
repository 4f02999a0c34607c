import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { forbiddenDuties } from '../../../platform/authz/sod.rules.js';
import { quoteGrants } from '../quotes.permissions.js';

const holds = (role: RoleCode) => Object.entries(quoteGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();
const sales = ['quote:read', 'quote:create', 'quote:update', 'quote:submit', 'quote:send', 'quote:accept'];

/** Quote permissions by role (domain §0, §1.1, §8), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['quote:read'],
  sales_vp: ['quote:read'],
  sales_manager: sales,
  sales_supervisor: sales,
  sales_rep: sales,
  cs_manager: [],
  cs_specialist: [],
  finance: [],
  warehouse: [],
  receptionist: [],
  admin: [],
};

describe('quote permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its quote permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('no role barred from running deals drafts or sends quotes (GM, sales VP: domain §1.1)', () => {
    const barred = roleCodes.filter((r) => (forbiddenDuties[r] as readonly string[]).includes('run_sales_deals'));
    expect(barred.length).toBeGreaterThan(0);
    for (const role of barred) expect(holds(role).filter((p) => p !== 'quote:read')).toEqual([]);
  });
});
