import { describe, expect, it } from 'vitest';
import type { FlowStep, StepCondition } from '../../../../shared/contracts/approvals.contract.js';
import { AppError } from '../../../../shared/errors.js';
import { conditionHolds, managersAbove, resolveSteps, type ApprovalValues, type Org, type OrgUser } from '../approvals.rules.js';

/*
 * A small company shaped like the demo workspace:
 *   销售部 (sales, manager M) → 销售一部 (sales1, manager S), 销售二部 (sales2, no manager)
 *   客服部 (service, manager CSM); gm G and vp V sit in no department.
 */
const user = (id: string, roles: OrgUser['roles'], departmentId: string | null, isActive = true): OrgUser => ({ id, roles, departmentId, isActive });
const org: Org = {
  departments: [
    { id: 'sales', parentId: null, managerId: 'M' },
    { id: 'sales1', parentId: 'sales', managerId: 'S' },
    { id: 'sales2', parentId: 'sales', managerId: null },
    { id: 'service', parentId: null, managerId: 'CSM' },
  ],
  users: [
    user('G', ['gm'], null),
    user('V', ['sales_vp'], null),
    user('M', ['sales_manager'], 'sales'),
    user('S', ['sales_supervisor'], 'sales1'),
    user('R1', ['sales_rep'], 'sales1'),
    user('R2', ['sales_rep'], 'sales1'),
    user('R3', ['sales_rep'], 'sales2'),
    user('CSM', ['cs_manager'], 'service'),
    user('CS1', ['cs_specialist'], 'service'),
    user('OLD', ['sales_vp'], null, false),
  ],
};

/** The same org with one user switched off. */
const withInactive = (id: string): Org => ({ ...org, users: org.users.map((u) => (u.id === id ? { ...u, isActive: false } : u)) });

const roleStep = (role: OrgUser['roles'][number], when?: StepCondition): FlowStep => ({ label: `role ${role}`, approver: { role }, ...(when ? { when } : {}) });
const supervisorStep = (when?: StepCondition): FlowStep => ({ label: 'supervisor', approver: { supervisorOf: 'requester' }, ...(when ? { when } : {}) });
const assignees = (flow: FlowStep[], requesterId: string, values: ApprovalValues = {}, o: Org = org, excludedUserIds?: string[]) =>
  resolveSteps(flow, { requesterId, values, excludedUserIds }, o).map((s) => s.assigneeIds);

describe('conditionHolds', () => {
  const gte5000: StepCondition = { field: 'amount', op: 'gte', value: '5000.00' };
  it.each<[string, StepCondition | undefined, ApprovalValues, boolean]>([
    ['no condition always holds', undefined, {}, true],
    ['amount one cent below the threshold', gte5000, { amount: '4999.99' }, false],
    ['amount exactly at the threshold', gte5000, { amount: '5000.00' }, true],
    ['amount one cent above the threshold', gte5000, { amount: '5000.01' }, true],
    ['"5000" equals "5000.00" as decimals', gte5000, { amount: '5000' }, true],
    ['a JSON number is compared as a decimal too', gte5000, { amount: 5000 }, true],
    ['a missing amount does not meet the threshold', gte5000, {}, false],
    ['a null amount does not meet the threshold', gte5000, { amount: null }, false],
    ['gt at the threshold', { field: 'amount', op: 'gt', value: '5000.00' }, { amount: '5000.00' }, false],
    ['gt one cent above', { field: 'amount', op: 'gt', value: '5000.00' }, { amount: '5000.01' }, true],
    ['lte at the threshold', { field: 'amount', op: 'lte', value: '5000.00' }, { amount: '5000.00' }, true],
    ['lte one cent above', { field: 'amount', op: 'lte', value: '5000.00' }, { amount: '5000.01' }, false],
    ['lt at the threshold', { field: 'amount', op: 'lt', value: '5000.00' }, { amount: '5000.00' }, false],
    ['lt one cent below', { field: 'amount', op: 'lt', value: '5000.00' }, { amount: '4999.99' }, true],
    ['eq with different scale', { field: 'amount', op: 'eq', value: '5000.00' }, { amount: '5000.0' }, true],
    // a float comparison would call these equal
    ['huge amounts compare exactly', { field: 'amount', op: 'gt', value: '10000000000000000.00' }, { amount: '10000000000000000.01' }, true],
    ['discount percent below floor', { field: 'discountPercent', op: 'gt', value: '5' }, { discountPercent: '5.5' }, true],
    ['flag set', { flag: 'overBudget' }, { overBudget: true }, true],
    ['flag cleared', { flag: 'overBudget' }, { overBudget: false }, false],
    ['flag absent', { flag: 'overBudget' }, {}, false],
    ['flag given as the text "true" is not set', { flag: 'overBudget' }, { overBudget: 'true' }, false],
    ['boolean field eq true', { field: 'belowFloor', op: 'eq', value: true }, { belowFloor: true }, true],
    ['boolean field eq true, value false', { field: 'belowFloor', op: 'eq', value: true }, { belowFloor: false }, false],
    ['boolean field with an ordering operator never holds', { field: 'belowFloor', op: 'gte', value: true }, { belowFloor: true }, false],
    ['text field eq', { field: 'grade', op: 'eq', value: 'D' }, { grade: 'D' }, true],
    ['text field eq, other value', { field: 'grade', op: 'eq', value: 'D' }, { grade: 'A' }, false],
    ['text field with an ordering operator never holds', { field: 'grade', op: 'gte', value: 'A' }, { grade: 'B' }, false],
  ])('%s', (_title, condition, values, expected) => {
    expect(conditionHolds(condition, values)).toBe(expected);
  });
});

describe('managersAbove', () => {
  it.each<[string, string, Org, string[]]>([
    ['a rep in 销售一部: supervisor, then the sales manager', 'R1', org, ['S', 'M']],
    ['a rep in 销售二部 (no manager): straight to the sales manager', 'R3', org, ['M']],
    ['the supervisor is not their own manager', 'S', org, ['M']],
    ['the top manager has nobody above', 'M', org, []],
    ['a user outside any department has nobody above', 'G', org, []],
    ['an unknown user has nobody above', 'nobody', org, []],
    ['an inactive manager is still listed (eligibility is decided by resolveSteps)', 'R1', withInactive('S'), ['S', 'M']],
  ])('%s', (_title, userId, o, expected) => {
    expect(managersAbove(userId, o)).toEqual(expected);
  });

  it('lists a manager heading two levels only once', () => {
    const o: Org = {
      departments: [{ id: 'a', parentId: null, managerId: 'M' }, { id: 'b', parentId: 'a', managerId: 'M' }],
      users: [user('M', ['sales_manager'], 'a'), user('R', ['sales_rep'], 'b')],
    };
    expect(managersAbove('R', o)).toEqual(['M']);
  });

  it('stops on a department cycle instead of looping forever', () => {
    const o: Org = {
      departments: [{ id: 'a', parentId: 'b', managerId: 'X' }, { id: 'b', parentId: 'a', managerId: 'Y' }],
      users: [user('R', ['sales_rep'], 'a'), user('X', ['sales_manager'], 'b'), user('Y', ['sales_manager'], 'a')],
    };
    expect(managersAbove('R', o)).toEqual(['X', 'Y']);
  });
});

describe('resolveSteps', () => {
  it.each<[string, FlowStep[], string, ApprovalValues, string[][]]>([
    ['a role step goes to every active holder of the role', [roleStep('gm')], 'R1', {}, [['G']]],
    ['an inactive holder of the role is skipped', [roleStep('sales_vp')], 'R1', {}, [['V']]],
    ['supervisor of a rep in 销售一部 is the supervisor', [supervisorStep()], 'R1', {}, [['S']]],
    ['supervisor of a rep in 销售二部 (no manager) is the sales manager', [supervisorStep()], 'R3', {}, [['M']]],
    ['supervisor of the supervisor is the sales manager', [supervisorStep()], 'S', {}, [['M']]],
    ['supervisor of the top manager is the GM', [supervisorStep()], 'M', {}, [['G']]],
    ['supervisor of someone outside any department is the GM', [supervisorStep()], 'V', {}, [['G']]],
    ['a role step holding the requester among others leaves the requester out', [roleStep('sales_rep')], 'R1', {}, [['R2', 'R3']]],
    ['a role step landing only on the requester goes one level up', [roleStep('sales_supervisor')], 'S', {}, [['M']]],
    ['…and to the GM when nobody is above', [roleStep('sales_manager')], 'M', {}, [['G']]],
    ['two steps keep their order', [supervisorStep(), roleStep('sales_manager')], 'R1', {}, [['S'], ['M']]],
    ['amount one cent below the threshold leaves the conditional step out',
      [supervisorStep(), roleStep('sales_manager', { field: 'amount', op: 'gte', value: '5000.00' })], 'R1', { amount: '4999.99' }, [['S']]],
    ['amount at the threshold keeps the conditional step',
      [supervisorStep(), roleStep('sales_manager', { field: 'amount', op: 'gte', value: '5000.00' })], 'R1', { amount: '5000.00' }, [['S'], ['M']]],
    ['amount one cent above the threshold keeps the conditional step',
      [supervisorStep(), roleStep('sales_manager', { field: 'amount', op: 'gte', value: '5000.00' })], 'R1', { amount: '5000.01' }, [['S'], ['M']]],
    ['an over-budget flag adds the GM step', [supervisorStep(), roleStep('gm', { flag: 'overBudget' })], 'R1', { overBudget: true }, [['S'], ['G']]],
    ['within budget the GM step is left out', [supervisorStep(), roleStep('gm', { flag: 'overBudget' })], 'R1', { overBudget: false }, [['S']]],
    ['no step applies → nothing to approve', [roleStep('gm', { flag: 'overBudget' })], 'R1', {}, []],
    ['an empty flow resolves to no steps', [], 'R1', {}, []],
  ])('%s', (_title, flow, requester, values, expected) => {
    expect(assignees(flow, requester, values)).toEqual(expected);
  });

  it('keeps each step label on the resolved step', () => {
    const steps = resolveSteps([{ label: '主管审批', approver: { supervisorOf: 'requester' } }, { label: '总经理审批', approver: { role: 'gm' } }], { requesterId: 'R1', values: {} }, org);
    expect(steps).toEqual([{ label: '主管审批', assigneeIds: ['S'] }, { label: '总经理审批', assigneeIds: ['G'] }]);
  });

  it('never makes the requester an assignee, whatever the flow', () => {
    const flow: FlowStep[] = [supervisorStep(), roleStep('sales_supervisor'), roleStep('sales_manager'), roleStep('sales_vp'), roleStep('gm')];
    for (const requester of ['R1', 'R3', 'S', 'M', 'V', 'CSM']) {
      const steps = resolveSteps(flow, { requesterId: requester, values: {} }, org);
      for (const step of steps) expect(step.assigneeIds).not.toContain(requester);
    }
  });

  describe('excluded users (e.g. the person who executes the sale)', () => {
    it('skips an excluded supervisor and goes further up the chain', () => {
      expect(assignees([supervisorStep()], 'R1', {}, org, ['S'])).toEqual([['M']]);
    });

    it('sends a role step landing only on an excluded person one level above that person, never below', () => {
      // the sales manager executes the sale: the rep's own supervisor (below the manager) must not approve in their place
      expect(assignees([roleStep('sales_manager')], 'R1', {}, org, ['M'])).toEqual([['G']]);
      expect(assignees([roleStep('sales_supervisor')], 'R1', {}, org, ['S'])).toEqual([['M']]);
    });

    it('keeps the other holders of the role when only one is excluded', () => {
      expect(assignees([roleStep('sales_rep')], 'R3', {}, org, ['R1'])).toEqual([['R2']]);
    });
  });

  describe('inactive users', () => {
    it('skips an inactive supervisor and goes to the next manager up', () => {
      expect(assignees([supervisorStep()], 'R1', {}, withInactive('S'))).toEqual([['M']]);
    });

    it('skips an inactive top manager and goes to the GM', () => {
      expect(assignees([supervisorStep()], 'R3', {}, withInactive('M'))).toEqual([['G']]);
    });
  });

  describe('no eligible approver', () => {
    const expectNoApprover = (fn: () => unknown, step: string) => {
      try {
        fn();
        expect.unreachable('resolveSteps should have refused');
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect(error).toMatchObject({ code: 'RULE_VIOLATION', messageKey: 'errors.noApprover', params: { step } });
      }
    };

    it('refuses when the role has no active holder at all', () => {
      expectNoApprover(() => resolveSteps([roleStep('finance')], { requesterId: 'R1', values: {} }, org), 'role finance');
    });

    it('refuses when the only GM is the requester of a GM step', () => {
      expectNoApprover(() => resolveSteps([roleStep('gm')], { requesterId: 'G', values: {} }, org), 'role gm');
    });

    it('refuses when the GM is inactive and nobody is above the requester', () => {
      expectNoApprover(() => resolveSteps([supervisorStep()], { requesterId: 'M', values: {} }, withInactive('G')), 'supervisor');
    });

    it('refuses when every possible approver is excluded', () => {
      expectNoApprover(() => resolveSteps([supervisorStep()], { requesterId: 'R1', values: {}, excludedUserIds: ['S', 'M', 'G'] }, org), 'supervisor');
    });
  });
});
