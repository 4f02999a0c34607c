import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { customerGrants } from '../customers.permissions.js';

const holds = (role: RoleCode) => Object.entries(customerGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();

/** Customer permissions by role (domain §0, §1.1, §5.5, §17), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['customer:read', 'customer:read_phone', 'customer:read_sensitive', 'customer:read_any_file', 'customer:borrow_log', 'customer:stale_files', 'customer:recycle'],
  sales_vp: ['customer:read', 'customer:read_phone', 'customer:read_sensitive', 'customer:read_any_file', 'customer:borrow_log', 'customer:stale_files'],
  sales_manager: [
    'customer:read', 'customer:read_phone', 'customer:create', 'customer:update', 'customer:own', 'customer:assign', 'customer:read_sensitive',
    'customer:read_any_file', 'customer:borrow_log', 'customer:stale_files', 'customer:transfer', 'customer:claim', 'customer:release',
    'customer:lock', 'customer:share', 'customer:merge', 'customer:recycle',
  ],
  sales_supervisor: [
    'customer:read', 'customer:read_phone', 'customer:create', 'customer:update', 'customer:own', 'customer:assign', 'customer:read_sensitive',
    'customer:borrow_log', 'customer:transfer', 'customer:claim', 'customer:release', 'customer:lock', 'customer:share', 'customer:merge',
  ],
  sales_rep: [
    'customer:read', 'customer:read_phone', 'customer:create', 'customer:update', 'customer:own', 'customer:read_sensitive',
    'customer:transfer', 'customer:claim', 'customer:release', 'customer:lock', 'customer:share',
  ],
  cs_manager: [
    'customer:read', 'customer:read_phone', 'customer:create', 'customer:update', 'customer:assign', 'customer:read_sensitive',
    'customer:read_any_file', 'customer:borrow_log', 'customer:stale_files', 'customer:merge',
  ],
  cs_specialist: ['customer:read', 'customer:read_phone', 'customer:update'],
  finance: ['customer:read', 'customer:read_phone'],
  warehouse: ['customer:read'],
  receptionist: ['customer:read', 'customer:create', 'customer:assign', 'customer:route'],
  admin: ['customer:recycle'],
};

describe('customer permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its customer permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('the CS specialist develops no new customers: no create, claim or ownership (domain §1.1)', () => {
    expect(holds('cs_specialist').filter((p) => ['customer:create', 'customer:claim', 'customer:own', 'customer:assign'].includes(p))).toEqual([]);
  });

  it('the administrator reads no customer data', () => {
    expect(holds('admin').some((p) => p.startsWith('customer:read'))).toBe(false);
  });

  it('warehouse and front desk see phone numbers masked', () => {
    expect(roleCodes.filter((r) => !holds(r).includes('customer:read_phone') && holds(r).includes('customer:read'))).toEqual(['warehouse', 'receptionist']);
  });
});
