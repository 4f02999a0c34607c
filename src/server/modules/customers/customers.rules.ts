/**
 * Pure rules of the customer file (domain §5): identity for the duplicate check (查重) and the
 * unified social credit code (统一社会信用代码, GB 32100-2015).
 */
import { toHalfWidth } from '../../../shared/credit-code.js';
import { addMonths, type IsoDate } from '../../../shared/dates.js';

export { creditCodeCheckChar, isValidCreditCode, normaliseCreditCode, toHalfWidth } from '../../../shared/credit-code.js';

const LEGAL_SUFFIXES = [
  '股份有限公司', '有限责任公司', '有限公司', '集团公司', '集团', '分公司', '公司',
  'co., ltd.', 'co.,ltd.', 'co. ltd.', 'co ltd', 'company limited', 'corporation', 'limited', 'ltd.', 'ltd', 'inc.', 'inc', 'corp.', 'corp', 'llc', 'gmbh',
].map((suffix) => suffix.replace(/[\s.,]+/g, ' ').trim()); // as the name is spaced below (computed once: this runs per imported row)

/**
 * The company name used by the duplicate check: half-width, lower case, without brackets (and what
 * they enclose when it is a place, e.g. 示例科技（上海）有限公司), spaces, punctuation or legal suffixes.
 */
export function normaliseCompanyName(name: string): string {
  let text = toHalfWidth(name).toLowerCase().trim();
  text = text.replace(/[([【〔][^)\]】〕]{0,12}[)\]】〕]/g, '');
  text = text.replace(/[\s·.,'"\-_/&、，。]+/g, ' ').trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const s of LEGAL_SUFFIXES) {
      if (text.endsWith(s) && text.length > s.length) {
        text = text.slice(0, -s.length).trim();
        changed = true;
      }
    }
  }
  return text.replace(/\s+/g, '');
}

/** Digits only, without the +86 / 0086 country prefix, so 138-0013-8000 and +86 13800138000 match. */
export function normalisePhone(phone: string): string {
  const digits = toHalfWidth(phone).replace(/\D/g, '');
  return digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
}

/**
 * Field-level masking (domain §17): roles without the phone permission see the first three and last
 * four digits only, e.g. 138****8000; short numbers keep their last two digits.
 */
export function maskPhone(phone: string | null): string | null {
  if (phone === null || phone === '') return phone;
  const digits = normalisePhone(phone);
  if (digits.length >= 8) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length >= 3) return `****${digits.slice(-2)}`;
  return '****';
}

/** The latest review date that still counts as fresh: `months` before `asOf`. */
export function fileReviewCutoff(asOf: IsoDate, months: number): IsoDate {
  return addMonths(asOf, -months);
}

/**
 * A customer file is stale (domain §5.5) once it has not been reviewed for the review interval: never
 * reviewed files count from the day the customer was created.
 */
export function isFileStale(lastReviewedOn: IsoDate, asOf: IsoDate, months: number): boolean {
  return lastReviewedOn <= fileReviewCutoff(asOf, months);
}

export interface FileReader {
  actorId: string;
  /** holds customer:read_any_file — account-manager level or above (sales manager, VP, GM, CS manager) */
  mayReadAnyFile: boolean;
}

/**
 * Who may open the sensitive sections of a file (domain §5.5): the owner, the owner's managers up the
 * org tree, and users at account-manager level or above. Collaborators see the summary only.
 */
export function mayOpenFile(reader: FileReader, ownerId: string | null, managersOfOwner: readonly string[]): boolean {
  if (reader.mayReadAnyFile) return true;
  if (ownerId === null) return false;
  return reader.actorId === ownerId || managersOfOwner.includes(reader.actorId);
}

/**
 * Merging duplicates (合并): the survivor keeps every value it has; blanks are filled from the
 * duplicate; tags are united. Returns only the fields that change.
 */
export function mergedValues<T extends Record<string, unknown>>(survivor: T, duplicate: T, fields: readonly (keyof T)[]): Partial<T> {
  const changes: Partial<T> = {};
  for (const field of fields) {
    const kept = survivor[field];
    const other = duplicate[field];
    if (Array.isArray(kept) && Array.isArray(other)) {
      const union = [...new Set([...kept, ...other])];
      if (union.length !== kept.length) changes[field] = union as T[keyof T];
    } else if ((kept === null || kept === undefined || kept === '') && other !== null && other !== undefined && other !== '') {
      changes[field] = other;
    }
  }
  return changes;
}

/** True when making `contactId` report to `newManagerId` would close a loop in the org chart. */
export function wouldCreateReportingCycle(contactId: string, newManagerId: string | null, reportsTo: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  for (let current = newManagerId; current !== null && current !== undefined; current = reportsTo.get(current) ?? null) {
    if (current === contactId) return true;
    if (seen.has(current)) return false; // an older loop elsewhere; not ours to judge
    seen.add(current);
  }
  return false;
}
