import type { FlowStep, StepCondition } from '../../../shared/contracts/approvals.contract.js';
import type { RoleCode } from '../../../shared/contracts/org.contract.js';
import { AppError } from '../../../shared/errors.js';
import { money } from '../../../shared/money.js';

export interface OrgUser { id: string; roles: readonly RoleCode[]; departmentId: string | null; isActive: boolean }
export interface OrgDepartment { id: string; parentId: string | null; managerId: string | null }
export interface Org { users: readonly OrgUser[]; departments: readonly OrgDepartment[] }

export interface ResolvedStep { label: string; assigneeIds: string[] }

/** Values of the document being approved: money as decimal strings, flags as booleans. */
export type ApprovalValues = Record<string, string | number | boolean | null | undefined>;

/** Whether a step's condition holds for the submitted values; numbers and money compare as decimals. */
export function conditionHolds(condition: StepCondition | undefined, values: ApprovalValues): boolean {
  if (!condition) return true;
  if ('flag' in condition) return values[condition.flag] === true;
  const actual = values[condition.field];
  if (actual === undefined || actual === null) return false;
  if (typeof condition.value === 'boolean' || typeof actual === 'boolean') return condition.op === 'eq' && actual === condition.value;
  if (!money.isValid(String(actual)) || !money.isValid(String(condition.value))) return condition.op === 'eq' && String(actual) === String(condition.value);
  const cmp = money.compare(String(actual), String(condition.value));
  switch (condition.op) {
    case 'gte': return cmp >= 0;
    case 'gt': return cmp > 0;
    case 'lte': return cmp <= 0;
    case 'lt': return cmp < 0;
    case 'eq': return cmp === 0;
  }
}

/** The chain of managers above a user, nearest first ("supervisor of X" = the first one). */
export function managersAbove(userId: string, org: Org): string[] {
  const user = org.users.find((u) => u.id === userId);
  const byId = new Map(org.departments.map((d) => [d.id, d]));
  const chain: string[] = [];
  let dept = user?.departmentId ? byId.get(user.departmentId) : undefined;
  for (let guard = 0; dept && guard < 100; guard++) {
    if (dept.managerId && dept.managerId !== userId && !chain.includes(dept.managerId)) chain.push(dept.managerId);
    dept = dept.parentId ? byId.get(dept.parentId) : undefined;
  }
  return chain;
}

/**
 * Resolves a flow for one submission (domain §1.2): steps whose condition fails are left out; each
 * remaining step gets its approvers. Nobody approves their own document, nor anyone the module
 * excludes (e.g. the person who executes the sale): a step that would land only on them goes one
 * level up from them (never down to someone below them), and to the GM when nobody is above.
 */
export function resolveSteps(
  flow: readonly FlowStep[],
  input: { requesterId: string; values: ApprovalValues; excludedUserIds?: readonly string[] },
  org: Org,
): ResolvedStep[] {
  const active = new Set(org.users.filter((u) => u.isActive).map((u) => u.id));
  const excluded = new Set([input.requesterId, ...(input.excludedUserIds ?? [])]);
  const eligible = (id: string) => active.has(id) && !excluded.has(id);
  const gms = () => org.users.filter((u) => u.roles.includes('gm') && eligible(u.id)).map((u) => u.id);
  /** the nearest eligible manager above each of the people the step would have landed on */
  const upward = (from: readonly string[]): string[] => {
    const above = [...new Set(from.map((id) => managersAbove(id, org).find(eligible)).filter((id): id is string => id !== undefined))];
    return above.length > 0 ? above : gms();
  };

  return flow.filter((step) => conditionHolds(step.when, input.values)).map((step) => {
    let assigneeIds: string[];
    if ('role' in step.approver) {
      const role = step.approver.role;
      const holders = org.users.filter((u) => u.roles.includes(role) && active.has(u.id)).map((u) => u.id);
      assigneeIds = holders.filter(eligible);
      if (assigneeIds.length === 0 && holders.length > 0) assigneeIds = upward(holders);
    } else {
      const chain = managersAbove(input.requesterId, org);
      const first = chain.find(eligible);
      assigneeIds = first ? [first] : gms();
    }
    if (assigneeIds.length === 0) throw new AppError('RULE_VIOLATION', 'errors.noApprover', { step: step.label });
    return { label: step.label, assigneeIds };
  });
}
