import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Payment permissions → roles (domain §1, §11). Finance records, allocates and reverses payments
 * (money received is finance's duty, never sales'); the sales side reads the payments of its own
 * customers within its data scope; the GM and the sales VP read them all.
 */
export const paymentGrants = {
  'payment:record': ['finance'],
  'payment:reverse': ['finance'],
  'payment:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  /** the rep (or their leads) files a payment slip for a received prepayment; finance records it with payment:record */
  'payment-slip:file': ['sales_manager', 'sales_supervisor', 'sales_rep'],
  'payment-slip:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;
