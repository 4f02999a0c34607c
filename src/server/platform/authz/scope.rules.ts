import type { DataScope } from '../../../shared/contracts/org.contract.js';

export interface DepartmentNode { id: string; path: string; managerId: string | null }
export interface ScopeActor { id: string; departmentId: string | null }

/** Ids of the department and everything below it, by materialised path. */
function subtree(departments: readonly DepartmentNode[], root: DepartmentNode): string[] {
  return departments.filter((d) => d.path.startsWith(root.path)).map((d) => d.id);
}

/**
 * Departments whose members' records the actor sees besides their own (domain §17 data scope):
 * `own_subordinates` — every department the actor manages, with its sub-departments;
 * `department` — the actor's own department only;
 * `department_tree` — the actor's department and all below it, plus anything they manage.
 */
export function visibleDepartmentIds(scope: DataScope, actor: ScopeActor, departments: readonly DepartmentNode[]): string[] {
  const own = departments.find((d) => d.id === actor.departmentId);
  const managed = departments.filter((d) => d.managerId === actor.id).flatMap((d) => subtree(departments, d));
  switch (scope) {
    case 'none':
    case 'own':
    case 'all':
      return [];
    case 'own_subordinates':
      return unique(managed);
    case 'department':
      return own ? [own.id] : [];
    case 'department_tree':
      return unique([...(own ? subtree(departments, own) : []), ...managed]);
  }
}

/** Path of a new node under `parentPath` (`/a/b/` + id + `/`). */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when moving `nodePath` under `newParentPath` would put a node inside its own sub-tree. */
export function wouldCreateCycle(nodePath: string, newParentPath: string | null): boolean {
  return newParentPath !== null && newParentPath.startsWith(nodePath);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
