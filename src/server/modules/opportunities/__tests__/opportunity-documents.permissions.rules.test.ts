import { describe, expect, it } from 'vitest';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract.js';
import { opportunityDocumentGrants } from '../opportunity-documents.permissions.js';

const holds = (role: RoleCode) => Object.entries(opportunityDocumentGrants).filter(([, roles]) => (roles as readonly RoleCode[]).includes(role)).map(([p]) => p).sort();

const writer = ['initiation_report:read', 'initiation_report:write', 'bid:read', 'bid:write', 'bid:no_bid'];
/** Initiation report and bid permissions by role (domain §0, §1.1), one row per role. */
const expected: Record<RoleCode, string[]> = {
  gm: ['initiation_report:read', 'bid:read'],
  sales_vp: ['initiation_report:read', 'bid:read'],
  sales_manager: writer,
  sales_supervisor: writer,
  sales_rep: writer,
  cs_manager: [],
  cs_specialist: [],
  finance: ['bid:read'],
  warehouse: [],
  receptionist: [],
  admin: [],
};

describe('initiation report and bid permissions per role', () => {
  it.each(roleCodes)('%s holds exactly its document permissions', (role) => {
    expect(holds(role)).toEqual([...expected[role]].sort());
  });

  it('the GM and the sales VP run no sales deals (domain §1.1): they read and approve, never write a document', () => {
    for (const role of ['gm', 'sales_vp'] as const) expect(holds(role).filter((p) => !p.endsWith(':read'))).toEqual([]);
  });

  it('finance reviews the cost of prices but sets no prices (domain §0, §1.1): reads bids only', () => {
    expect(holds('finance')).toEqual(['bid:read']);
  });
});
