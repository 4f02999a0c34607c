import { describe, expect, it } from 'vitest';
import type { DataScope } from '../../../../shared/contracts/org.contract.js';
import { childPath, visibleDepartmentIds, wouldCreateCycle, type DepartmentNode } from '../scope.rules.js';

/*
 * A small org:            sales (managed by boss)
 *                          ├─ east (managed by lead)
 *                          │   └─ east-sh
 *                          └─ west (no manager)
 *                         service (managed by lead)
 *                         sales2 — an id that starts like "sales", to prove sub-trees follow whole path segments
 */
const tree: DepartmentNode[] = [
  { id: 'sales', path: '/sales/', managerId: 'boss' },
  { id: 'east', path: '/sales/east/', managerId: 'lead' },
  { id: 'east-sh', path: '/sales/east/east-sh/', managerId: null },
  { id: 'west', path: '/sales/west/', managerId: null },
  { id: 'service', path: '/service/', managerId: 'lead' },
  { id: 'sales2', path: '/sales2/', managerId: null },
];

const boss = { id: 'boss', departmentId: 'sales' };
const lead = { id: 'lead', departmentId: 'east' };
const rep = { id: 'rep', departmentId: 'east-sh' };
const floater = { id: 'floater', departmentId: null };

const sorted = (ids: string[]) => [...ids].sort();

describe('visibleDepartmentIds: whose departments a data scope opens, besides the actor\'s own records', () => {
  it.each<[DataScope, { id: string; departmentId: string | null }, string[]]>([
    // none / own: only the actor's own records, no department at all
    ['none', boss, []],
    ['own', boss, []],
    ['own', rep, []],
    // own + subordinates: every department the actor manages, with what is below it
    ['own_subordinates', boss, ['east', 'east-sh', 'sales', 'west']],
    ['own_subordinates', lead, ['east', 'east-sh', 'service']],
    ['own_subordinates', rep, []],
    // department: the actor's own department only, not the ones below it
    ['department', boss, ['sales']],
    ['department', lead, ['east']],
    ['department', rep, ['east-sh']],
    ['department', floater, []],
    // department + sub-departments, plus whatever the actor manages elsewhere
    ['department_tree', boss, ['east', 'east-sh', 'sales', 'west']],
    ['department_tree', lead, ['east', 'east-sh', 'service']],
    ['department_tree', rep, ['east-sh']],
    ['department_tree', floater, []],
    // all is not expressed as departments (it also covers people outside any department): callers skip the filter
    ['all', boss, []],
  ])('%s for %o → %o', (scope, actor, expected) => {
    expect(sorted(visibleDepartmentIds(scope, actor, tree))).toEqual(expected);
  });

  it('never opens a sibling whose id merely starts with the same letters (sales vs sales2)', () => {
    expect(visibleDepartmentIds('department_tree', boss, tree)).not.toContain('sales2');
    expect(visibleDepartmentIds('own_subordinates', boss, tree)).not.toContain('sales2');
  });

  it('lists a department once even when the actor both belongs to it and manages it', () => {
    const ids = visibleDepartmentIds('department_tree', { id: 'lead', departmentId: 'east' }, tree);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('a department manager who belongs to no department still sees what they manage under own_subordinates and department_tree', () => {
    const manager = { id: 'boss', departmentId: null };
    expect(sorted(visibleDepartmentIds('own_subordinates', manager, tree))).toEqual(['east', 'east-sh', 'sales', 'west']);
    expect(sorted(visibleDepartmentIds('department_tree', manager, tree))).toEqual(['east', 'east-sh', 'sales', 'west']);
    expect(visibleDepartmentIds('department', manager, tree)).toEqual([]);
  });

  it('an actor whose department no longer exists sees no department', () => {
    expect(visibleDepartmentIds('department_tree', { id: 'x', departmentId: 'gone' }, tree)).toEqual([]);
    expect(visibleDepartmentIds('department', { id: 'x', departmentId: 'gone' }, tree)).toEqual([]);
  });
});

describe('tree paths', () => {
  it.each([
    [null, 'a', '/a/'],
    ['/a/', 'b', '/a/b/'],
    ['/a/b/', 'c', '/a/b/c/'],
  ])('a node %s under %s gets path %s', (parent, id, path) => {
    expect(childPath(parent, id)).toBe(path);
  });

  it.each<[string, string | null, boolean]>([
    ['/a/', '/a/', true], // under itself
    ['/a/', '/a/b/', true], // under its own child
    ['/a/', '/a/b/c/', true], // under a grandchild
    ['/a/b/', '/a/', false], // under its own parent (no change)
    ['/a/b/', '/x/', false], // under another branch
    ['/a/b/', null, false], // to the top level
    ['/a/', '/ab/', false], // a sibling whose id starts the same
  ])('moving %s under %s creates a cycle: %s', (node, parent, cycle) => {
    expect(wouldCreateCycle(node, parent)).toBe(cycle);
  });
});
