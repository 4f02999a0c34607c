import { roleCodes, type DataScope, type RoleCode } from '../../../shared/contracts/org.contract.js';

const everyone = roleCodes;
const business = roleCodes.filter((r) => r !== 'admin');

/**
 * Platform permissions → the roles granted them. Modules add their own grants in
 * `<module>.permissions.ts` and list them in `allGrants` below.
 */
export const platformGrants = {
  'user:read': everyone,
  'user:manage': ['admin'],
  'org:read': everyone,
  'org:manage': ['admin'],
  'role:read': ['admin', 'gm'],
  'audit:read': ['admin', 'gm'],
  'policy:read': everyone,
  'policy:update': ['admin', 'gm'],
  'approval:read': everyone,
  'approval:decide': business,
  'approval-flow:manage': ['admin'],
  'notification:read': everyone,
  'webhook:manage': ['admin'],
  'token:manage': everyone,
  'numbering:manage': ['admin'],
} as const satisfies Record<string, readonly RoleCode[]>;

export const allGrants: Record<string, readonly RoleCode[]> = { ...platformGrants };

/**
 * Business modules add their grants when the app is built (the platform never imports a module,
 * see .dependency-cruiser.cjs), the same way they register approval subjects.
 */
export function registerGrants(grants: Record<string, readonly RoleCode[]>) {
  Object.assign(allGrants, grants);
}

export type Permission = keyof typeof platformGrants | (string & {});

/** Permissions held through a set of roles. */
export function permissionsOf(roles: readonly RoleCode[]): string[] {
  return Object.entries(allGrants)
    .filter(([, granted]) => granted.some((r) => roles.includes(r)))
    .map(([permission]) => permission)
    .sort();
}

/** Default data scope per role (domain §17): whose records the role sees. */
export const roleDataScope = {
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
} as const satisfies Record<RoleCode, DataScope>;

const breadth: Record<DataScope, number> = { none: 0, own: 1, own_subordinates: 2, department: 3, department_tree: 4, all: 5 };

/** A user holding several roles sees the widest of their scopes. */
export function dataScopeOf(roles: readonly RoleCode[]): DataScope {
  return roles.reduce<DataScope>((widest, role) => (breadth[roleDataScope[role]] > breadth[widest] ? roleDataScope[role] : widest), 'none');
}
