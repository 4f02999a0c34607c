import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { forbiddenDuties } from '../../../platform/authz/sod.rules.js';
import { orderGrants } from '../orders.permissions.js';

const holds = (role: RoleCode) => Object.entries(orderGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();
const reader = ['order:read', 'shipping_ledger:read'];
const seller = ['order:read', 'order:create', 'order:change', 'shipping_ledger:read', 'customer_statement:read'];

/** Order permissions by role (domain §0, §1.1, §9), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: [...reader, 'customer_statement:read'],
  sales_vp: [...reader, 'customer_statement:read'],
  sales_manager: seller,
  sales_supervisor: seller,
  sales_rep: seller,
  cs_manager: [],
  cs_specialist: [],
  finance: [...reader, 'customer_statement:read'],
  warehouse: reader,
  receptionist: [],
  admin: [],
};

describe('order permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its order permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('the warehouse takes no sales orders (domain §1.1): it reads orders but neither places nor changes one', () => {
    expect((forbiddenDuties.warehouse as readonly string[]).includes('take_sales_orders')).toBe(true);
    expect(holds('warehouse')).toContain('order:read');
    expect(holds('warehouse')).not.toContain('order:create');
    expect(holds('warehouse')).not.toContain('order:change');
  });

  it('no role barred from taking sales orders may place or change one', () => {
    const barred = roleCodes.filter((r) => (forbiddenDuties[r] as readonly string[]).includes('take_sales_orders'));
    expect(barred.length).toBeGreaterThan(0);
    for (const role of barred) expect(holds(role).filter((p) => p === 'order:create' || p === 'order:change')).toEqual([]);
  });
});
