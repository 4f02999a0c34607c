import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { printKinds } from '../../../../shared/contracts/print-templates.contract.js';
import { forbiddenDuties } from '../../../platform/authz/sod.rules.js';
import { printTemplateGrants, writePermissionOf } from '../print-templates.permissions.js';

const holds = (role: RoleCode) => Object.entries(printTemplateGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();

/** Print-template permissions by role (domain §0, §1.1, §17), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: [],
  sales_vp: ['print_template:read', 'print_template:write_contract', 'print_template:write_quote'],
  sales_manager: [],
  sales_supervisor: [],
  sales_rep: [],
  cs_manager: [],
  cs_specialist: [],
  finance: ['print_template:read', 'print_template:write_collection_notice', 'print_template:write_lawyer_letter', 'print_template:write_thank_you_letter'],
  warehouse: [],
  receptionist: [],
  admin: [
    'print_template:read', 'print_template:write_collection_notice', 'print_template:write_contract', 'print_template:write_delivery_note',
    'print_template:write_lawyer_letter', 'print_template:write_quote', 'print_template:write_thank_you_letter',
  ],
};

describe('print-template permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its print-template permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('no role barred from sales policy or contract review (reps: §1.1 "draft or review the contract template/terms") edits the quote or contract template', () => {
    const barred = roleCodes.filter((r) => (forbiddenDuties[r] as readonly string[]).some((d) => d === 'set_sales_policy' || d === 'review_major_contracts'));
    expect(barred).toContain('sales_rep');
    for (const kind of ['quote', 'contract'] as const) {
      expect(barred.filter((r) => (printTemplateGrants[writePermissionOf(kind)] as readonly string[]).includes(r))).toEqual([]);
    }
  });

  it('every kind has its write permission and whoever writes a kind can read the templates', () => {
    for (const kind of printKinds) {
      const writers = printTemplateGrants[writePermissionOf(kind)] as readonly RoleCode[];
      expect(writers.length).toBeGreaterThan(0);
      for (const role of writers) expect(holds(role)).toContain('print_template:read');
    }
  });
});
