import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/** Duties a role performs (domain §0), named so the incompatible-duty table can refer to them. */
export const roleDuties = {
  gm: ['approve_sales_plan', 'approve_budget', 'approve_major_expenses', 'approve_pricing_policy', 'approve_major_contracts', 'approve_credit_override', 'approve_cs_policy'],
  sales_vp: ['set_targets', 'make_overall_plan', 'prepare_sales_plan', 'set_sales_policy', 'set_prices', 'review_major_contracts', 'approve_deferred_payment'],
  // signing contracts with customers (组织销售合同签订) and closing deals (主持业务谈判及成交) is obtaining sales orders
  sales_manager: ['prepare_sales_plan', 'prepare_sales_budget', 'prepare_expense_budget', 'decide_credit_limits', 'set_credit_policy', 'sign_contracts', 'take_sales_orders', 'supervise_collection', 'evaluate_team'],
  sales_supervisor: ['decompose_plans', 'prepare_expense_budget', 'run_sales_deals', 'take_sales_orders', 'follow_up_receivables', 'first_level_approval'],
  sales_rep: ['run_sales_deals', 'develop_new_customers', 'take_sales_orders', 'collect_payments'],
  cs_manager: ['maintain_customer_info', 'plan_credit_investigation', 'investigate_credit', 'handle_complaints'],
  cs_specialist: ['maintain_customer_info', 'investigate_credit', 'revisit_customers', 'handle_complaints'],
  finance: ['review_costs', 'receive_payments', 'manage_aging', 'write_off_bad_debt', 'pay_expenses', 'balance_budget', 'decide_credit_limits'],
  warehouse: ['review_delivery_notices', 'ship_goods'],
  receptionist: ['register_visitors'],
  admin: ['manage_users', 'manage_policies'],
} as const satisfies Record<RoleCode, readonly string[]>;

export type Duty = (typeof roleDuties)[RoleCode][number];

/**
 * What each role must not do (domain §1.1, from the seed). Credit limits per customer are part of
 * "credit-related policy" (赊销额度, seed), and credit grading stays independent of whoever closes
 * deals (the seed bars even the sales manager from it) and of whoever sets the limit (as for the
 * CS specialist) — hence the credit duties on the rep, supervisor and CS manager rows.
 */
export const forbiddenDuties = {
  gm: ['prepare_sales_plan', 'prepare_expense_budget', 'run_sales_deals'],
  sales_vp: ['run_sales_deals'],
  sales_manager: ['investigate_credit'],
  sales_supervisor: ['set_sales_policy', 'set_credit_policy', 'decide_credit_limits', 'review_major_contracts', 'investigate_credit'],
  cs_manager: ['approve_cs_policy', 'decide_credit_limits'],
  sales_rep: ['set_sales_policy', 'set_credit_policy', 'decide_credit_limits', 'make_overall_plan', 'review_major_contracts', 'investigate_credit'],
  cs_specialist: ['decide_credit_limits', 'develop_new_customers'],
  finance: ['prepare_sales_budget', 'set_prices'],
  warehouse: ['take_sales_orders'],
  receptionist: [],
  admin: [],
} as const satisfies Record<RoleCode, readonly Duty[]>;

export interface RoleConflict { role: RoleCode; conflictsWith: RoleCode; duty: Duty }

/** Two roles are incompatible when one performs a duty the other must not do. */
export function roleConflict(a: RoleCode, b: RoleCode): RoleConflict | null {
  if (a === b) return null;
  const aDoesForbiddenForB = roleDuties[a].find((d) => (forbiddenDuties[b] as readonly string[]).includes(d));
  if (aDoesForbiddenForB) return { role: b, conflictsWith: a, duty: aDoesForbiddenForB };
  const bDoesForbiddenForA = roleDuties[b].find((d) => (forbiddenDuties[a] as readonly string[]).includes(d));
  if (bDoesForbiddenForA) return { role: a, conflictsWith: b, duty: bDoesForbiddenForA };
  return null;
}

/** The first incompatible pair in a set of roles one user would hold, or null when the set is allowed. */
export function findRoleConflict(roles: readonly RoleCode[]): RoleConflict | null {
  for (let i = 0; i < roles.length; i++) {
    for (let j = i + 1; j < roles.length; j++) {
      const conflict = roleConflict(roles[i]!, roles[j]!);
      if (conflict) return conflict;
    }
  }
  return null;
}

/** Every role a given role may not be combined with (shown on the roles page). */
export function incompatibleRoles(role: RoleCode, all: readonly RoleCode[]): RoleCode[] {
  return all.filter((other) => roleConflict(role, other) !== null);
}
