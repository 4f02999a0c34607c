import { describe, expect, it } from 'vitest';
import { roleCodes, type DataScope, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { dataScopeOf, permissionsOf, platformGrants, roleDataScope } from '../permissions.js';

/** What every signed-in person may do on the platform: pick users, see the org, read policies, approvals, notifications, own tokens. */
const basic = ['approval:read', 'notification:read', 'org:read', 'policy:read', 'token:manage', 'user:read'];
const businessBasic = [...basic, 'approval:decide'];

const expectedPermissions: Record<RoleCode, string[]> = {
  admin: [...basic, 'approval-flow:manage', 'audit:read', 'numbering:manage', 'org:manage', 'policy:update', 'role:read', 'user:manage', 'webhook:manage'],
  gm: [...businessBasic, 'audit:read', 'policy:update', 'role:read'],
  sales_vp: businessBasic,
  sales_manager: businessBasic,
  sales_supervisor: businessBasic,
  sales_rep: businessBasic,
  cs_manager: businessBasic,
  cs_specialist: businessBasic,
  finance: businessBasic,
  warehouse: businessBasic,
  receptionist: businessBasic,
};

const expectedScope: Record<RoleCode, DataScope> = {
  gm: 'all',
  sales_vp: 'all',
  sales_manager: 'department_tree',
  sales_supervisor: 'department_tree',
  sales_rep: 'own',
  cs_manager: 'all',
  cs_specialist: 'all',
  finance: 'all',
  warehouse: 'all',
  receptionist: 'own',
  admin: 'none',
};

describe('role → permissions', () => {
  it.each(roleCodes)('%s holds exactly its platform permissions', (role) => {
    expect(permissionsOf([role])).toEqual([...expectedPermissions[role]].sort());
  });

  it('the administrator manages users, org, flows, webhooks and numbering but decides no business approval', () => {
    const admin = permissionsOf(['admin']);
    expect(admin).toEqual(expect.arrayContaining(['user:manage', 'org:manage', 'approval-flow:manage', 'webhook:manage', 'numbering:manage']));
    expect(admin).not.toContain('approval:decide');
  });

  it('only the administrator and the general manager read the audit log or change policies', () => {
    const holders = (permission: string) => roleCodes.filter((r) => permissionsOf([r]).includes(permission));
    expect(holders('audit:read')).toEqual(['gm', 'admin']);
    expect(holders('policy:update')).toEqual(['gm', 'admin']);
    expect(holders('user:manage')).toEqual(['admin']);
  });

  it('several roles give the union of their permissions, sorted and without repeats', () => {
    const both = permissionsOf(['admin', 'gm']);
    expect(both).toEqual([...new Set([...expectedPermissions.admin, ...expectedPermissions.gm])].sort());
    expect(new Set(both).size).toBe(both.length);
  });

  it('no role gives no permission', () => {
    expect(permissionsOf([])).toEqual([]);
  });

  it('every platform permission is granted to at least one role', () => {
    for (const [permission, roles] of Object.entries(platformGrants)) expect(roles.length, permission).toBeGreaterThan(0);
  });
});

describe('role → data scope (domain §17)', () => {
  it.each(roleCodes)('%s sees its default scope', (role) => {
    expect(roleDataScope[role]).toBe(expectedScope[role]);
    expect(dataScopeOf([role])).toBe(expectedScope[role]);
  });

  it.each<[RoleCode[], DataScope]>([
    [[], 'none'],
    [['admin'], 'none'],
    [['admin', 'receptionist'], 'own'],
    [['sales_rep', 'receptionist'], 'own'],
    [['sales_rep', 'sales_supervisor'], 'department_tree'],
    [['sales_supervisor', 'sales_rep'], 'department_tree'],
    [['admin', 'gm'], 'all'],
    [['receptionist', 'cs_specialist'], 'all'],
  ])('a person holding %o sees the widest of their scopes: %s', (roles, scope) => {
    expect(dataScopeOf(roles)).toBe(scope);
  });
});
