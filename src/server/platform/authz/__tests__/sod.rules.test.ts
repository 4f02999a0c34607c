import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { findRoleConflict, forbiddenDuties, incompatibleRoles, roleConflict, roleDuties } from '../sod.rules.js';

/*
 * Domain §1.1, one row per role of the incompatible-duties table: what the role must not do, and a
 * role that does it — so one person may never hold both.
 */
const incompatibleDutiesTable: [RoleCode, string, RoleCode][] = [
  ['gm', 'prepare and execute the sales plan', 'sales_vp'],
  ['gm', 'prepare and execute the sales plan', 'sales_manager'],
  ['gm', 'prepare the sales-expense budget', 'sales_supervisor'],
  ['gm', 'run sales deals', 'sales_rep'],
  ['sales_vp', 'run sales deals', 'sales_rep'],
  ['sales_vp', 'run sales deals', 'sales_supervisor'],
  ['sales_manager', 'investigate customer credit grade', 'cs_manager'],
  ['sales_manager', 'investigate customer credit grade', 'cs_specialist'],
  ['sales_supervisor', 'approve sales policy', 'sales_vp'],
  ['sales_supervisor', 'approve credit policy', 'sales_manager'],
  ['sales_supervisor', 'review major contracts', 'sales_vp'],
  ['cs_manager', 'approve customer-service policies (the GM does)', 'gm'],
  ['sales_rep', 'set sales or credit policy', 'sales_manager'],
  ['sales_rep', 'make the overall plan', 'sales_vp'],
  ['sales_rep', 'review contract terms', 'sales_vp'],
  ['cs_specialist', 'decide credit limits', 'sales_manager'],
  ['cs_specialist', 'decide credit limits', 'finance'],
  ['cs_specialist', 'develop new customers', 'sales_rep'],
  ['finance', 'prepare the sales budget', 'sales_manager'],
  ['finance', 'set prices', 'sales_vp'],
  ['warehouse', 'obtain sales orders', 'sales_rep'],
  ['warehouse', 'obtain sales orders', 'sales_supervisor'],
  ['warehouse', 'obtain sales orders', 'sales_manager'],
];

/*
 * The whole matrix: these 24 pairs are refused, every other pair of distinct roles is allowed.
 * Beyond the seed's literal rows, a sales department expects credit to stay independent of the
 * people who close deals and of the people who grade it: a rep or supervisor does not grade credit
 * or decide credit limits, and whoever grades credit (CS manager) does not also decide the limit.
 */
const refusedPairs: [RoleCode, RoleCode][] = [
  ['gm', 'sales_vp'], ['gm', 'sales_manager'], ['gm', 'sales_supervisor'], ['gm', 'sales_rep'], ['gm', 'cs_manager'],
  ['sales_vp', 'sales_supervisor'], ['sales_vp', 'sales_rep'], ['sales_vp', 'finance'],
  ['sales_manager', 'sales_supervisor'], ['sales_manager', 'sales_rep'], ['sales_manager', 'cs_manager'],
  ['sales_manager', 'cs_specialist'], ['sales_manager', 'finance'], ['sales_manager', 'warehouse'],
  ['sales_supervisor', 'cs_manager'], ['sales_supervisor', 'cs_specialist'], ['sales_supervisor', 'finance'], ['sales_supervisor', 'warehouse'],
  ['sales_rep', 'cs_manager'], ['sales_rep', 'cs_specialist'], ['sales_rep', 'finance'], ['sales_rep', 'warehouse'],
  ['cs_manager', 'finance'],
  ['cs_specialist', 'finance'],
];

const isRefused = (a: RoleCode, b: RoleCode) => refusedPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
const allPairs = roleCodes.flatMap((a, i) => roleCodes.slice(i + 1).map((b) => [a, b] as [RoleCode, RoleCode]));

describe('incompatible duties (domain §1.1)', () => {
  it.each(incompatibleDutiesTable)('%s must not "%s": holding it together with %s is refused', (role, _duty, other) => {
    const conflict = roleConflict(role, other);
    expect(conflict).not.toBeNull();
    expect(findRoleConflict([role, other])).not.toBeNull();
    expect(findRoleConflict([other, role])).not.toBeNull();
  });

  it.each(refusedPairs)('%s + %s cannot be held by one person, whichever order they are given in', (a, b) => {
    expect(roleConflict(a, b)).not.toBeNull();
    expect(roleConflict(b, a)).not.toBeNull();
    expect(incompatibleRoles(a, roleCodes)).toContain(b);
    expect(incompatibleRoles(b, roleCodes)).toContain(a);
  });

  it.each(allPairs.filter(([a, b]) => !isRefused(a, b)))('%s + %s may be held by one person', (a, b) => {
    expect(roleConflict(a, b)).toBeNull();
    expect(roleConflict(b, a)).toBeNull();
    expect(findRoleConflict([a, b])).toBeNull();
  });

  it.each([
    ['admin', 'gm'], ['receptionist', 'cs_specialist'], ['finance', 'warehouse'], ['sales_supervisor', 'sales_rep'],
    ['sales_vp', 'sales_manager'], ['cs_manager', 'cs_specialist'],
  ] as [RoleCode, RoleCode][])('the everyday combination %s + %s is allowed (small companies double up)', (a, b) => {
    expect(findRoleConflict([a, b])).toBeNull();
  });

  it('a sales rep cannot also grade credit or decide credit limits (CS manager, finance)', () => {
    expect(roleConflict('sales_rep', 'cs_manager')).toEqual({ role: 'sales_rep', conflictsWith: 'cs_manager', duty: 'investigate_credit' });
    expect(roleConflict('sales_rep', 'finance')).toEqual({ role: 'sales_rep', conflictsWith: 'finance', duty: 'decide_credit_limits' });
  });

  it('names the role that must not do the duty and the role that does it, in either argument order', () => {
    const expected = { role: 'warehouse', conflictsWith: 'sales_rep', duty: 'take_sales_orders' };
    expect(roleConflict('warehouse', 'sales_rep')).toEqual(expected);
    expect(roleConflict('sales_rep', 'warehouse')).toEqual(expected);
    expect(roleConflict('sales_vp', 'finance')).toEqual({ role: 'finance', conflictsWith: 'sales_vp', duty: 'set_prices' });
  });

  it.each(roleCodes)('%s alone is always allowed (no role is forbidden its own duties)', (role) => {
    expect(roleConflict(role, role)).toBeNull();
    expect(findRoleConflict([role])).toBeNull();
    expect(findRoleConflict([role, role])).toBeNull();
    expect((forbiddenDuties[role] as readonly string[]).filter((d) => (roleDuties[role] as readonly string[]).includes(d))).toEqual([]);
  });

  it.each(roleCodes.flatMap((role) => (forbiddenDuties[role] as readonly string[]).map((duty) => [role, duty] as const)))(
    '%s must not %s — and some other role does it, so the rule bites',
    (role, duty) => {
      const performers = roleCodes.filter((r) => r !== role && (roleDuties[r] as readonly string[]).includes(duty));
      expect(performers.length).toBeGreaterThan(0);
      for (const other of performers) expect(findRoleConflict([role, other])).not.toBeNull();
    },
  );

  it('finds a conflict hidden among several compatible roles, and none in an empty or compatible set', () => {
    expect(findRoleConflict([])).toBeNull();
    expect(findRoleConflict(['admin', 'receptionist', 'cs_specialist'])).toBeNull();
    expect(findRoleConflict(['admin', 'receptionist', 'sales_rep', 'warehouse'])).toEqual({ role: 'warehouse', conflictsWith: 'sales_rep', duty: 'take_sales_orders' });
  });

  it('lists what each role cannot be combined with, for the roles page', () => {
    expect(incompatibleRoles('sales_rep', roleCodes).sort()).toEqual(['cs_manager', 'cs_specialist', 'finance', 'gm', 'sales_manager', 'sales_vp', 'warehouse']);
    expect(incompatibleRoles('warehouse', roleCodes).sort()).toEqual(['sales_manager', 'sales_rep', 'sales_supervisor']);
    expect(incompatibleRoles('admin', roleCodes)).toEqual([]);
    expect(incompatibleRoles('receptionist', roleCodes)).toEqual([]);
  });
});
