/**
 * From a spreadsheet row to a record to write (domain §16): each cell parsed by its column's kind,
 * the record validated by the same zod contract as the API, the owner decided as on create
 * (domain §5.3), and duplicates classified against the database and within the file.
 */
import type { z } from 'zod';
import type { duplicateModes } from '../../../shared/contracts/imports.contract.js';
import { cellText, MAX_CELL_CHARS, parseChoice, parseDate, parseDecimal, parseInteger, parseTags, type Parsed, type RawCell } from './cells.rules.js';
import { CUSTOM_FIELD_PREFIX, type EntityDef, type FieldDef } from './columns.rules.js';

export interface RowError { row: number; column: string; field: string; reason: string; params?: Record<string, unknown> }

/** One data row read by its mapping: parsed values by field, custom fields, and the cells that failed. */
export interface ReadRow {
  row: number;
  values: Record<string, unknown>;
  /** the column (header as in the file) each field came from */
  columns: Record<string, string>;
  customFields: Record<string, RawCell>;
  errors: RowError[];
}

function parseCell(def: FieldDef, cell: RawCell): Parsed<unknown> {
  switch (def.kind) {
    case 'date': return parseDate(cell);
    case 'decimal': return parseDecimal(cell);
    case 'integer': return parseInteger(cell);
    case 'tags': return parseTags(cell);
    case 'choice': return parseChoice(cell, def.choices ?? {});
    case 'text': return { ok: true, value: cellText(cell) };
  }
}

/** The field definitions of an entity by field name (looked up once per entity, not per cell). */
const fieldsByName = new WeakMap<EntityDef, Map<string, FieldDef>>();
function fieldDefOf(def: EntityDef, field: string): FieldDef {
  let byName = fieldsByName.get(def);
  if (!byName) fieldsByName.set(def, byName = new Map(def.fields.map((f) => [f.field, f])));
  return byName.get(field)!;
}

/** Reads one row: every mapped cell parsed (too long, refused formulas and unparsable values become row errors). */
export function readRow(def: EntityDef, headers: readonly string[], targets: readonly (string | null)[], sheetRow: { row: number; cells: readonly RawCell[] }, cellIssues: ReadonlyMap<string, string>): ReadRow {
  const read: ReadRow = { row: sheetRow.row, values: {}, columns: {}, customFields: {}, errors: [] };
  const error = (column: string, field: string, reason: string, params?: Record<string, unknown>) => read.errors.push({ row: sheetRow.row, column, field, reason, ...(params ? { params } : {}) });
  for (let i = 0; i < targets.length; i++) {
    const field = targets[i];
    if (!field) continue;
    const column = headers[i]!;
    const cell = sheetRow.cells[i] ?? null;
    const issue = cellIssues.size > 0 ? cellIssues.get(`${sheetRow.row}:${i}`) : undefined;
    if (issue) { error(column, field, issue); continue; }
    if (typeof cell === 'string' && cell.length > MAX_CELL_CHARS) { error(column, field, 'imports.cellTooLong', { max: MAX_CELL_CHARS }); continue; }
    read.columns[field] = column;
    if (field.startsWith(CUSTOM_FIELD_PREFIX)) {
      if (cellText(cell) !== null) read.customFields[field.slice(CUSTOM_FIELD_PREFIX.length)] = typeof cell === 'string' ? cellText(cell) : cell;
      continue;
    }
    const parsed = parseCell(fieldDefOf(def, field), cell);
    if (!parsed.ok) error(column, field, parsed.reason, parsed.params);
    else read.values[field] = parsed.value;
  }
  for (const f of def.fields) {
    if (f.required && read.columns[f.field] !== undefined && (read.values[f.field] === null || read.values[f.field] === undefined)
      && !read.errors.some((e) => e.field === f.field)) {
      read.errors.push({ row: sheetRow.row, column: read.columns[f.field]!, field: f.field, reason: 'errors.required' });
    }
  }
  return read;
}

interface ZodIssueLike { code: string; path: readonly PropertyKey[]; message: string; [key: string]: unknown }

/** A zod issue as a message key of the shared catalog (the contracts carry keys such as errors.phone). */
export function issueReason(issue: ZodIssueLike): { reason: string; params?: Record<string, unknown> } {
  if (issue.message.startsWith('errors.')) return { reason: issue.message };
  const origin = issue.origin as string | undefined;
  switch (issue.code) {
    case 'too_big': return origin === 'string' || origin === 'array' ? { reason: 'errors.tooLong', params: { max: issue.maximum } } : { reason: 'errors.tooBig', params: { max: issue.maximum } };
    case 'too_small': return origin === 'string' && issue.minimum === 1 ? { reason: 'errors.required' } : { reason: 'errors.tooShort', params: { min: issue.minimum } };
    case 'invalid_format': return { reason: issue.format === 'email' ? 'errors.email' : 'errors.invalidFormat' };
    default: return { reason: 'errors.invalidValue' };
  }
}

/** Validates the record with its API contract; issues become row errors on the column of their field. */
export function validateWith<S extends z.ZodType>(schema: S, input: Record<string, unknown>, read: ReadRow, fieldOf: (path: string) => string = (p) => p): z.infer<S> | null {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = String(issue.path[0] ?? '');
    const field = path === 'customFields' && issue.path[1] !== undefined ? `${CUSTOM_FIELD_PREFIX}${String(issue.path[1])}` : fieldOf(path);
    if (read.errors.some((e) => e.field === field)) continue;
    read.errors.push({ row: read.row, column: read.columns[field] ?? field, field, ...issueReason(issue as unknown as ZodIssueLike) });
  }
  return null;
}

// ── owners ────────────────────────────────────────────────────────────────────────────────────

export interface UserRef { id: string; name: string; username: string; isActive: boolean; canOwn: boolean; departmentId: string | null }

export interface OwnerPolicy {
  actorId: string;
  /** the importer may own customers (customer:own) */
  canOwn: boolean;
  /** may name someone else as owner (customer:assign), within `visibleOwnerIds` unless `canRoute` */
  canAssign: boolean;
  canRoute: boolean;
  visibleOwnerIds: ReadonlySet<string> | 'all';
}

/** Users by lower-case username and by name, for owner columns that hold either. */
export function userIndex(users: readonly UserRef[]) {
  const byUsername = new Map(users.map((u) => [u.username.toLowerCase(), u]));
  const byName = new Map<string, UserRef[]>();
  for (const u of users) byName.set(u.name, [...(byName.get(u.name) ?? []), u]);
  const byId = new Map(users.map((u) => [u.id, u]));
  return { byUsername, byName, byId };
}
export type UserIndex = ReturnType<typeof userIndex>;

/**
 * The owner of an imported record, as on create (domain §5.3): an empty owner cell means the importer
 * (or the pool when their role owns no customers); naming someone else needs the assign right and,
 * except for front-desk routing, an owner within the importer's data scope.
 */
export function decideOwner(cell: string | null, policy: OwnerPolicy, users: UserIndex): Parsed<UserRef | null> {
  const fail = (reason: string, params?: Record<string, unknown>): Parsed<UserRef | null> => ({ ok: false, reason, ...(params ? { params } : {}) });
  if (cell === null) {
    if (!policy.canOwn) return { ok: true, value: null };
    const self = users.byId.get(policy.actorId);
    return self && self.isActive && self.canOwn ? { ok: true, value: self } : fail('errors.cannotOwnCustomers');
  }
  const named = users.byUsername.get(cell.toLowerCase());
  const candidates = named ? [named] : users.byName.get(cell) ?? [];
  if (candidates.length === 0) return fail('imports.ownerUnknown', { owner: cell });
  if (candidates.length > 1) return fail('imports.ownerAmbiguous', { owner: cell });
  const owner = candidates[0]!;
  if (!owner.isActive || !owner.canOwn) return fail('errors.ownerNotSales');
  if (owner.id === policy.actorId) return policy.canOwn ? { ok: true, value: owner } : fail('errors.cannotOwnCustomers');
  if (!policy.canAssign) return fail('imports.ownerNotAssignable', { owner: owner.name });
  if (!policy.canRoute && policy.visibleOwnerIds !== 'all' && !policy.visibleOwnerIds.has(owner.id)) return fail('errors.assignOutOfScope');
  return { ok: true, value: owner };
}

// ── duplicates ────────────────────────────────────────────────────────────────────────────────

export type DuplicateMode = (typeof duplicateModes)[number];

/** The identity a record is compared by (customers: credit code, normalised name, phone). */
export interface Keys { row: number; keys: readonly string[]; field: string }
export interface ExistingRecord { id: string; keys: readonly string[]; ownerId: string | null; ownerName: string | null }

export type Decision =
  | { action: 'create' }
  | { action: 'update'; id: string }
  | { action: 'skip'; duplicateOf: { row: number } | { id: string } }
  | { action: 'error'; reason: string; params: Record<string, unknown> };

export interface DuplicatePolicy {
  mode: DuplicateMode;
  /** whether the importer sees (and may change) an existing record */
  isVisible: (record: ExistingRecord) => boolean;
  canUpdate: boolean;
  /** message keys: a duplicate owned by someone (with {owner}) and one without an owner (pool) */
  ownedKey: string;
  poolKey: string;
}

/**
 * Classifies each row against existing records and the rows above it, most certain key first.
 * A duplicate the importer may not see is always an error naming its owner, never its data; rows
 * that repeat an earlier row are skipped (skip) or refused (update, stop: which one wins is unclear).
 */
export function classifyDuplicates(rows: readonly Keys[], existing: readonly ExistingRecord[], policy: DuplicatePolicy): Map<number, Decision> {
  const byKey = new Map<string, ExistingRecord>();
  for (const record of existing) for (const key of record.keys) if (!byKey.has(key)) byKey.set(key, record);
  const seen = new Map<string, number>();
  const targeted = new Map<string, number>();
  const decisions = new Map<number, Decision>();
  for (const r of rows) {
    const earlier = r.keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    const matches = [...new Set(r.keys.map((k) => byKey.get(k)).filter((m): m is ExistingRecord => m !== undefined))];
    const match = matches[0];
    const sameTarget = match ? targeted.get(match.id) : undefined;
    for (const k of r.keys) if (!seen.has(k)) seen.set(k, r.row);
    const inFile = earlier ?? sameTarget;
    if (inFile !== undefined) {
      decisions.set(r.row, policy.mode === 'skip' ? { action: 'skip', duplicateOf: { row: inFile } } : { action: 'error', reason: 'imports.duplicateInFile', params: { row: inFile } });
      continue;
    }
    if (!match) { decisions.set(r.row, { action: 'create' }); continue; }
    targeted.set(match.id, r.row);
    const hidden = matches.find((m) => !policy.isVisible(m));
    const duplicateError = (who: ExistingRecord): Decision => ({ action: 'error', reason: who.ownerId ? policy.ownedKey : policy.poolKey, params: { owner: who.ownerName ?? '' } });
    if (hidden) decisions.set(r.row, duplicateError(hidden));
    else if (policy.mode === 'stop' || (policy.mode === 'update' && !policy.canUpdate)) decisions.set(r.row, duplicateError(match));
    else if (policy.mode === 'skip') decisions.set(r.row, { action: 'skip', duplicateOf: { id: match.id } });
    else if (matches.length > 1) decisions.set(r.row, { action: 'error', reason: 'imports.matchesSeveral', params: { count: matches.length } });
    else decisions.set(r.row, { action: 'update', id: match.id });
  }
  return decisions;
}
