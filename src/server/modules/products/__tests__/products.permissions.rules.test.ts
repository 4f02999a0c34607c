import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { forbiddenDuties } from '../../../platform/authz/sod.rules.js';
import { productGrants } from '../products.permissions.js';

const holds = (role: RoleCode) => Object.entries(productGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();
const holders = (permission: keyof typeof productGrants): RoleCode[] => [...productGrants[permission]].sort();

/** Product and price permissions by role (domain §0, §1.1, §8), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['product:read', 'product:read_cost', 'price_list:read'],
  sales_vp: ['product:read', 'product:read_cost', 'product:write', 'price:request', 'price_list:read'],
  sales_manager: ['product:read', 'product:read_cost', 'product:write', 'price:request', 'price_list:read'],
  sales_supervisor: ['product:read', 'price_list:read'],
  sales_rep: ['product:read', 'price_list:read'],
  cs_manager: ['product:read'],
  cs_specialist: ['product:read'],
  finance: ['product:read', 'product:read_cost', 'price_list:read'],
  warehouse: ['product:read'],
  receptionist: [],
  admin: [],
};

describe('product and price permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its product permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('finance never sets prices (domain §1.1): no price request, no product write', () => {
    expect((forbiddenDuties.finance as readonly string[]).includes('set_prices')).toBe(true);
    expect(holds('finance')).not.toContain('price:request');
    expect(holds('finance')).not.toContain('product:write');
  });

  it('no role that may not set sales policy requests prices (reps, supervisors)', () => {
    const barred = roleCodes.filter((r) => (forbiddenDuties[r] as readonly string[]).includes('set_sales_policy'));
    expect(barred.filter((r) => holders('price:request').includes(r))).toEqual([]);
  });

  it('costs are for finance and sales managers and above only', () => {
    expect(holders('product:read_cost')).toEqual(['finance', 'gm', 'sales_manager', 'sales_vp']);
  });
});
