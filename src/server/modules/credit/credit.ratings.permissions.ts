import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Credit investigation, rating and limit calculation permissions → roles (domain §1.1, §10).
 * Customer service investigates (信用调查) and never decides a limit; finance reviews the report into
 * the evaluation form and rates; the sales manager and finance, who decide limits, use the
 * calculators; anyone who follows the customer may record a downgrade trigger with evidence. Reps and
 * supervisors read the grade history of their customers but neither investigate nor rate (the
 * incompatible duties of §1.1: investigate_credit is barred to the sales side).
 */
export const creditRatingGrants = {
  'credit-investigation:read': ['gm', 'sales_vp', 'sales_manager', 'cs_manager', 'cs_specialist', 'finance'],
  'credit-investigation:prepare': ['cs_manager', 'cs_specialist'],
  'credit-investigation:review': ['finance'],
  'credit-investigation:sweep': ['cs_manager', 'finance', 'admin'],
  'credit-rating:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance'],
  'credit-rating:rate': ['finance'],
  'credit-trigger:record': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'cs_manager', 'cs_specialist', 'finance'],
  'credit-limit:calculate': ['gm', 'sales_vp', 'sales_manager', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type CreditRatingPermission = keyof typeof creditRatingGrants;
