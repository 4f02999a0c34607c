import type { RoleCode } from '../../../../shared/contracts/org.contract';
import type { RoleInfo } from '../api';

/** The first pair of selected roles that the roles matrix marks incompatible (the server has the last word). */
export function findConflict(selected: readonly RoleCode[], roles: readonly RoleInfo[]): [RoleCode, RoleCode] | null {
  for (const role of selected) {
    const info = roles.find((r) => r.code === role);
    const other = selected.find((s) => s !== role && info?.incompatibleWith.includes(s));
    if (other) return [role, other];
  }
  return null;
}
