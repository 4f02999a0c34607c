import {
  qualificationItems, requiredQualificationItems, type LeadStatus, type Qualification, type QualificationEntry, type QualificationItem,
} from '../../../shared/contracts/leads.contract.js';
import { addDays, daysBetween, type IsoDate } from '../../../shared/dates.js';
import { searchKeysFor } from '../../platform/search/search-keys.rules.js';

export type RequiredItem = (typeof requiredQualificationItems)[number];

const unknownEntry = (): QualificationEntry => ({ status: 'unknown', note: null });

/** The full MAN-COTH checklist from what is stored: items never filled are `unknown`. */
export function qualificationOf(stored: unknown): Qualification {
  const source = (stored && typeof stored === 'object' ? stored : {}) as Partial<Record<QualificationItem, Partial<QualificationEntry>>>;
  return Object.fromEntries(qualificationItems.map((k) => {
    const entry = source[k];
    const status = entry?.status === 'partial' || entry?.status === 'confirmed' ? entry.status : 'unknown';
    return [k, entry ? { status, note: entry.note ?? null } : unknownEntry()];
  })) as Qualification;
}

/** The checklist after a partial edit: only the items sent change. */
export function mergeQualification(current: Qualification, patch: Partial<Record<QualificationItem, QualificationEntry | undefined>>): Qualification {
  const merged = { ...current };
  for (const k of qualificationItems) {
    const entry = patch[k];
    if (entry) merged[k] = { status: entry.status, note: entry.note ?? null };
  }
  return merged;
}

/** Which of money, authority, need and timing are not yet confirmed (资格审查: M, A, N, T must be confirmed). */
export function missingForQualified(q: Qualification): RequiredItem[] {
  return requiredQualificationItems.filter((k) => q[k].status !== 'confirmed');
}

/** A lead is qualified only when money, authority, need and timing are all confirmed. */
export function isQualifiable(q: Qualification): boolean {
  return missingForQualified(q).length === 0;
}

export const openStatuses = ['new', 'contacted', 'qualified'] as const satisfies readonly LeadStatus[];
export const isOpenLead = (status: string): boolean => (openStatuses as readonly string[]).includes(status);

/**
 * Status flow (domain §4.1): new → contacted → qualified → converted | disqualified. A qualified lead
 * may step back to contacted; a disqualified lead may be reopened as new; converted is final.
 */
const transitions: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['contacted', 'qualified', 'converted', 'disqualified'],
  contacted: ['qualified', 'converted', 'disqualified'],
  qualified: ['contacted', 'converted', 'disqualified'],
  disqualified: ['new'],
  converted: [],
};

export type TransitionRefusal =
  | { reason: 'not_allowed'; from: LeadStatus; to: LeadStatus }
  | { reason: 'not_qualified'; missing: RequiredItem[] }
  | null;

/**
 * Whether a lead may move from one status to another with this checklist: the flow above, and
 * qualified or converted only with M, A, N and T confirmed. Staying put is always allowed except
 * staying qualified with an incomplete checklist.
 */
export function transitionRefusal(from: LeadStatus, to: LeadStatus, q: Qualification): TransitionRefusal {
  if (from !== to && !transitions[from].includes(to)) return { reason: 'not_allowed', from, to };
  if (to === 'qualified' || (to === 'converted' && from !== 'converted')) {
    const missing = missingForQualified(q);
    if (missing.length > 0) return { reason: 'not_qualified', missing };
  }
  return null;
}

export interface OwnedLead {
  status: string;
  /** when the current owner got it (creation, assignment or claim) */
  ownedSince: IsoDate;
  lastFollowUpOn: IsoDate | null;
}

export interface LeadRecyclePolicy { recycleDays: number; warningDays: number }

export type LeadRecycleVerdict =
  | { action: 'keep'; daysLeft: number | null }
  | { action: 'warn'; daysLeft: number }
  | { action: 'recycle' };

/**
 * The day an open lead returns to the lead pool (线索池, §17): N days after the later of its last
 * follow-up and the day its owner got it. Converted and disqualified leads never return: null.
 */
export function leadRecycleDueOn(lead: OwnedLead, recycleDays: number): IsoDate | null {
  if (!isOpenLead(lead.status)) return null;
  const from = lead.lastFollowUpOn && lead.lastFollowUpOn > lead.ownedSince ? lead.lastFollowUpOn : lead.ownedSince;
  return addDays(from, recycleDays);
}

/**
 * An open lead not followed up for `recycleDays` days returns to the pool on that day; its owner is
 * warned in the last `warningDays` days before (the sweep does the same in SQL).
 */
export function leadRecycleVerdict(lead: OwnedLead, policy: LeadRecyclePolicy, asOf: IsoDate): LeadRecycleVerdict {
  const due = leadRecycleDueOn(lead, policy.recycleDays);
  if (due === null) return { action: 'keep', daysLeft: null };
  const daysLeft = daysBetween(asOf, due);
  if (daysLeft <= 0) return { action: 'recycle' };
  if (daysLeft <= policy.warningDays) return { action: 'warn', daysLeft };
  return { action: 'keep', daysLeft };
}

/** A lead's search keys (search box, domain §16): company and contact name, each with pinyin initials and full pinyin. */
export function leadSearchText(company: string, contactName: string | null | undefined): string {
  return [searchKeysFor(company), contactName ? searchKeysFor(contactName) : ''].filter((k) => k !== '').join(' ');
}
