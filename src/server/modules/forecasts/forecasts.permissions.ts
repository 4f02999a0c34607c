import type { RoleCode } from '../../../shared/contracts/org.contract.js';

/**
 * Forecast permissions → roles (domain §0, §6.3). Whoever owns opportunities submits a monthly
 * forecast for themselves; managers up the line (supervisor, sales manager, VP, GM) adjust the
 * forecasts of people in their data scope — never their own (segregation of duties). Finance reads
 * forecasts and the report (budget balancing, cash planning) but changes nothing. CS, warehouse,
 * the front desk and the administrator have no business with forecasts.
 */
export const forecastGrants = {
  'forecast:read': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
  'forecast:submit': ['sales_rep', 'sales_supervisor', 'sales_manager'],
  'forecast:adjust': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor'],
  /** the forecast report and its xlsx export */
  'report:forecast': ['gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep', 'finance'],
} as const satisfies Record<string, readonly RoleCode[]>;

export type ForecastPermission = keyof typeof forecastGrants;
