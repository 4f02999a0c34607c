import { describe, expect, it } from 'vitest';
import type { LeadStatus, Qualification } from '../../../../shared/contracts/leads.contract.js';
import { leadGrants } from '../leads.permissions.js';
import {
  isQualifiable, leadRecycleDueOn, leadRecycleVerdict, leadSearchText, mergeQualification, missingForQualified, qualificationOf, transitionRefusal,
} from '../leads.rules.js';

const withConfirmed = (...items: (keyof Qualification)[]): Qualification =>
  mergeQualification(qualificationOf({}), Object.fromEntries(items.map((k) => [k, { status: 'confirmed', note: null }])));

describe('qualification (MAN-COTH: M, A, N, T must be confirmed)', () => {
  it('fills items never recorded as unknown and ignores junk', () => {
    const q = qualificationOf({ money: { status: 'confirmed', note: '50 万' }, need: { status: 'bogus' } });
    expect(q.money).toEqual({ status: 'confirmed', note: '50 万' });
    expect(q.need).toEqual({ status: 'unknown', note: null });
    expect(q.howToBuy).toEqual({ status: 'unknown', note: null });
  });

  it.each([
    [[], ['money', 'authority', 'need', 'timing']],
    [['money', 'authority', 'need'], ['timing']],
    [['money', 'authority', 'timing'], ['need']],
    [['authority', 'need', 'timing'], ['money']],
    [['money', 'need', 'timing', 'competition', 'organization', 'otherOpportunities', 'howToBuy'], ['authority']],
    [['money', 'authority', 'need', 'timing'], []],
  ] as [(keyof Qualification)[], string[]][])('confirmed %j → missing %j', (items, missing) => {
    expect(missingForQualified(withConfirmed(...items))).toEqual(missing);
    expect(isQualifiable(withConfirmed(...items))).toBe(missing.length === 0);
  });

  it('a partly known item does not count as confirmed', () => {
    const q = mergeQualification(withConfirmed('money', 'authority', 'need'), { timing: { status: 'partial', note: '年底前' } });
    expect(missingForQualified(q)).toEqual(['timing']);
  });

  it('a partial edit changes only the items sent', () => {
    const before = withConfirmed('money');
    const after = mergeQualification(before, { need: { status: 'partial', note: '扩产' } });
    expect(after.money.status).toBe('confirmed');
    expect(after.need).toEqual({ status: 'partial', note: '扩产' });
  });
});

describe('status flow (new → contacted → qualified → converted | disqualified)', () => {
  const full = withConfirmed('money', 'authority', 'need', 'timing');
  const short = withConfirmed('money', 'authority', 'need');
  it.each([
    ['new', 'contacted', short, null],
    ['new', 'qualified', full, null],
    ['new', 'qualified', short, 'not_qualified'],
    ['contacted', 'qualified', full, null],
    ['contacted', 'qualified', short, 'not_qualified'],
    ['contacted', 'new', full, 'not_allowed'],
    ['qualified', 'contacted', short, null],
    ['qualified', 'qualified', short, 'not_qualified'],
    ['qualified', 'converted', full, null],
    ['contacted', 'converted', full, null],
    ['contacted', 'converted', short, 'not_qualified'],
    ['new', 'disqualified', short, null],
    ['qualified', 'disqualified', full, null],
    ['disqualified', 'new', short, null],
    ['disqualified', 'qualified', full, 'not_allowed'],
    ['converted', 'contacted', full, 'not_allowed'],
    ['converted', 'disqualified', full, 'not_allowed'],
  ] as [LeadStatus, LeadStatus, Qualification, string | null][])('%s → %s: %s', (from, to, q, refusal) => {
    expect(transitionRefusal(from, to, q)?.reason ?? null).toBe(refusal);
  });

  it('names what is missing when qualification is refused', () => {
    expect(transitionRefusal('contacted', 'qualified', withConfirmed('authority', 'need'))).toEqual({ reason: 'not_qualified', missing: ['money', 'timing'] });
  });
});

describe('lead pool recycling (N days without follow-up, warning before)', () => {
  const policy = { recycleDays: 14, warningDays: 3 };
  const lead = (ownedSince: string, lastFollowUpOn: string | null = null, status = 'contacted') => ({ status, ownedSince, lastFollowUpOn });
  it.each([
    ['N−4 days: kept', '2026-03-01', null, '2026-03-11', { action: 'keep', daysLeft: 4 }],
    ['N−3 days: warned', '2026-03-01', null, '2026-03-12', { action: 'warn', daysLeft: 3 }],
    ['N−1 days: warned, one day left', '2026-03-01', null, '2026-03-14', { action: 'warn', daysLeft: 1 }],
    ['N days: recycled', '2026-03-01', null, '2026-03-15', { action: 'recycle' }],
    ['N+1 days: recycled', '2026-03-01', null, '2026-03-16', { action: 'recycle' }],
    ['a later follow-up restarts the clock', '2026-03-01', '2026-03-10', '2026-03-15', { action: 'keep', daysLeft: 9 }],
    ['a follow-up before the claim does not count', '2026-03-10', '2026-03-01', '2026-03-24', { action: 'recycle' }],
  ] as [string, string, string | null, string, object][])('%s', (_title, ownedSince, followUp, asOf, verdict) => {
    expect(leadRecycleVerdict(lead(ownedSince, followUp), policy, asOf)).toEqual(verdict);
  });

  it.each(['converted', 'disqualified'])('a %s lead never returns to the pool', (status) => {
    expect(leadRecycleDueOn(lead('2026-01-01', null, status), 14)).toBeNull();
    expect(leadRecycleVerdict(lead('2026-01-01', null, status), policy, '2026-12-31')).toEqual({ action: 'keep', daysLeft: null });
  });
});

describe('lead permissions per role', () => {
  const rolesWith = (p: keyof typeof leadGrants) => [...leadGrants[p]].sort();
  it('sales work leads; GM and VP only watch; CS specialist, finance and warehouse have no access; admin only sweeps', () => {
    expect(rolesWith('lead:read')).toEqual(['cs_manager', 'gm', 'receptionist', 'sales_manager', 'sales_rep', 'sales_supervisor', 'sales_vp']);
    for (const p of ['lead:update', 'lead:convert', 'lead:claim', 'lead:release', 'lead:disqualify'] as const) {
      expect(rolesWith(p)).toEqual(['sales_manager', 'sales_rep', 'sales_supervisor']);
    }
    expect(rolesWith('lead:route')).toEqual(['receptionist']);
    expect(rolesWith('lead:recycle')).toEqual(['admin', 'gm', 'sales_manager']);
    const all = Object.values(leadGrants).flat() as string[];
    for (const role of ['cs_specialist', 'finance', 'warehouse']) expect(all).not.toContain(role);
  });
});

describe('leadSearchText', () => {
  it.each([
    ['北京科技有限公司', '王芳', '北京科技有限公司 bjkjyxgs beijingkejiyouxiangongsi 王芳 wf wangfang'],
    ['北京科技有限公司', null, '北京科技有限公司 bjkjyxgs beijingkejiyouxiangongsi'],
    ['ABC 电子', '', 'abc电子 abcdz abcdianzi'],
    ['Acme Ltd.', 'John Smith', 'acmeltd johnsmith'],
  ])('%s / %s → %s', (company, contactName, keys) => {
    expect(leadSearchText(company, contactName)).toBe(keys);
  });
});
