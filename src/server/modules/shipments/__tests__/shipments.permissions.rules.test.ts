import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { forbiddenDuties } from '../../../platform/authz/sod.rules.js';
import { shipmentGrants } from '../shipments.permissions.js';

const holds = (role: RoleCode) => Object.entries(shipmentGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();
const salesSide = ['shipment:read', 'shipment:create', 'shipment:cancel', 'shipment:override_request', 'shipment:credit_check'];

/** Shipment permissions by role (domain §0, §1.1, §9), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['shipment:read', 'shipment:credit_check'],
  sales_vp: ['shipment:read', 'shipment:credit_check'],
  sales_manager: salesSide,
  sales_supervisor: salesSide,
  sales_rep: salesSide,
  cs_manager: [],
  cs_specialist: [],
  finance: ['shipment:read', 'shipment:credit_check'],
  warehouse: ['shipment:read', 'shipment:warehouse', 'shipment:credit_check'],
  receptionist: [],
  admin: [],
};

describe('shipment permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its shipment permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('the warehouse takes no sales orders (domain §1.1): it never creates shipments', () => {
    expect((forbiddenDuties.warehouse as readonly string[]).includes('take_sales_orders')).toBe(true);
    expect(holds('warehouse')).not.toContain('shipment:create');
  });

  it('only the warehouse records warehouse steps; the override is decided through approvals, not a permission', () => {
    expect([...shipmentGrants['shipment:warehouse']]).toEqual(['warehouse']);
  });
});
