import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AddCollaboratorBody, CreateCustomerBody, CustomerDetailDto, CustomerDto, CustomerListQuery, UpdateCustomerBody, UpdateCustomerFileBody,
} from '../../../shared/contracts/customers.contract.js';
import { fileSections, type poolEventKinds } from '../../../shared/contracts/customers.contract.js';
import { addDays, todayIn, type IsoDate } from '../../../shared/dates.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../../shared/errors.js';
import { registerApprovalSubject } from '../../platform/approvals/approvals.registry.js';
import { findPendingApprovalFor } from '../../platform/approvals/approvals.repository.js';
import { managersAbove } from '../../platform/approvals/approvals.rules.js';
import { assertNotInApproval, submitForApproval } from '../../platform/approvals/approvals.service.js';
import { appendAudit } from '../../platform/audit/audit.service.js';
import { visibleOwners, visibleTo } from '../../platform/authz/scope.js';
import type { Executor, Tx } from '../../platform/db/client.js';
import { newId } from '../../platform/db/columns.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { CommandContext } from '../../platform/http/context.js';
import { decodeCursor, decodeIdCursor, pageFrom } from '../../platform/http/pagination.js';
import { emitEvent } from '../../platform/notifications/outbox.js';
import { readPolicies } from '../../platform/policies/policies.service.js';
import { searchKeysFor } from '../../platform/search/search-keys.rules.js';
import { customFieldConditions, mergeCustomFieldValues, validateCustomFields } from '../custom-fields/index.js';
import { ownerRoles, type CustomerPermission } from './customers.permissions.js';
import {
  activeCollaborations, countContacts, countCustomers, filterConditions, findCollaboration, findCollaborator, findCustomer,
  findDuplicate, findProfile, findUserBrief, listBorrowRecords as listBorrowRows, listCollaborators as listCollaboratorRows, listPoolEvents as listPoolEventRows,
  listCustomers as listCustomerRows, lockCustomer, userNames, lockKeys, orgDepartments, territoryExists, visibleCustomers,
  type CollaboratorRow, type CustomerFilters, type CustomerRow, type CustomerWithOwner, type DuplicateMatch,
} from './customers.repository.js';
import {
  fileReviewCutoff, isFileStale, isValidCreditCode, maskPhone, mayOpenFile, mergedValues, normaliseCompanyName,
  normaliseCreditCode, normalisePhone,
} from './customers.rules.js';
import {
  contacts, customerBorrowRecords, customerCollaborators, customerPoolEvents, customerProfiles, customers,
} from './customers.schema.js';
import { recycleDueOn, recyclePolicyOf, type RecyclePolicy, type ValueClass } from './pool.rules.js';

export const TRANSFER_DOCUMENT = 'customer_transfer';

export const has = (ctx: CommandContext, permission: CustomerPermission) => ctx.actor.permissions.has(permission);
export const todayOf = (ctx: CommandContext): IsoDate => todayIn(ctx.workspace.timeZone);
const dateOf = (instant: Date, timeZone: string): IsoDate => todayIn(timeZone, instant);

// ── what the caller may see and do ────────────────────────────────────────────────────────────

export interface CustomerAccess {
  row: CustomerWithOwner;
  /** the owner is within the caller's data scope (or the scope is "all") */
  viaScope: boolean;
  collaboration: 'read' | 'write' | null;
  /** an unowned customer seen through the pool by someone who may claim */
  viaPool: boolean;
  canEdit: boolean;
  /** transfer, release, lock, share: an owned customer within the caller's scope */
  canManage: boolean;
}

/** How the caller sees one customer, or null when they do not (→ 404). Scope lives here and in the list query. */
export async function customerAccess(db: Executor, ctx: CommandContext, id: string): Promise<CustomerAccess | null> {
  const row = await findCustomer(db, ctx.workspace.id, id);
  if (!row) return null;
  const owners = await visibleOwners(db, ctx);
  const viaScope = owners.kind === 'all' || (row.ownerId !== null && owners.ids.includes(row.ownerId));
  const collaboration = viaScope ? null : await findCollaboration(db, ctx.workspace.id, id, ctx.actor.id, todayOf(ctx));
  const viaPool = row.ownerId === null && has(ctx, 'customer:claim');
  if (!viaScope && !collaboration && !viaPool) return null;
  return {
    row, viaScope, collaboration, viaPool,
    canEdit: has(ctx, 'customer:update') && (viaScope || collaboration === 'write'),
    canManage: viaScope && row.ownerId !== null,
  };
}

export async function requireVisible(db: Executor, ctx: CommandContext, id: string): Promise<CustomerAccess> {
  const access = await customerAccess(db, ctx, id);
  if (!access) throw notFound('customer');
  return access;
}

export async function requireWritable(db: Executor, ctx: CommandContext, id: string): Promise<CustomerAccess> {
  const access = await requireVisible(db, ctx, id);
  if (!access.canEdit) throw forbidden();
  return access;
}

/** Ownership commands (transfer, release, lock, share) need an owned customer within the caller's own scope. */
export async function requireManageable(db: Executor, ctx: CommandContext, id: string): Promise<CustomerAccess & { row: CustomerWithOwner & { ownerId: string } }> {
  const access = await requireVisible(db, ctx, id);
  if (access.row.ownerId === null) throw new AppError('RULE_VIOLATION', 'errors.customerInPool');
  if (!access.canManage) throw forbidden();
  return access as CustomerAccess & { row: CustomerWithOwner & { ownerId: string } };
}

async function managersOf(db: Executor, workspaceId: string, ownerId: string | null): Promise<string[]> {
  if (!ownerId) return [];
  const owner = await findUserBrief(db, workspaceId, ownerId);
  if (!owner) return [];
  const depts = await orgDepartments(db, workspaceId);
  return managersAbove(ownerId, { users: [{ id: owner.id, roles: [], departmentId: owner.departmentId, isActive: owner.isActive }], departments: depts });
}

/** Whether the caller may open the sensitive sections of this customer's file (domain §5.5). */
export async function canOpenFile(db: Executor, ctx: CommandContext, row: CustomerRow): Promise<boolean> {
  if (!has(ctx, 'customer:read_sensitive')) return false;
  const reader = { actorId: ctx.actor.id, mayReadAnyFile: has(ctx, 'customer:read_any_file') };
  if (reader.mayReadAnyFile || row.ownerId === ctx.actor.id) return true;
  return mayOpenFile(reader, row.ownerId, await managersOf(db, ctx.workspace.id, row.ownerId));
}

// ── DTOs ──────────────────────────────────────────────────────────────────────────────────────

export interface CustomerView { canSeePhone: boolean; recycle: RecyclePolicy }

export async function customerView(db: Executor, ctx: CommandContext): Promise<CustomerView> {
  return { canSeePhone: has(ctx, 'customer:read_phone'), recycle: recyclePolicyOf(await readPolicies(db, ctx.workspace.id)) };
}

export function toCustomerDto(row: CustomerWithOwner, view: CustomerView): CustomerDto {
  const recycleOn = row.ownerId && row.ownedSince
    ? recycleDueOn({ valueClass: row.valueClass as ValueClass, isLocked: row.isLocked, ownedSince: row.ownedSince, lastFollowUpOn: row.lastFollowUpOn, lastDealOn: row.lastDealOn }, view.recycle)
    : null;
  return {
    id: row.id, name: row.name, creditCode: row.creditCode, industry: row.industry, size: row.size as CustomerDto['size'],
    valueClass: row.valueClass as CustomerDto['valueClass'], status: row.status as CustomerDto['status'], territoryId: row.territoryId,
    address: row.address, latitude: row.latitude, longitude: row.longitude, website: row.website,
    phone: view.canSeePhone ? row.phone : maskPhone(row.phone), tags: row.tags, customFields: row.customFields as Record<string, unknown>,
    ownerId: row.ownerId, ownerName: row.ownerName, departmentId: row.departmentId, ownedSince: row.ownedSince,
    lastFollowUpOn: row.lastFollowUpOn, lastDealOn: row.lastDealOn, recycleOn, isLocked: row.isLocked, lockedBy: row.lockedBy,
    inPool: row.ownerId === null, formerOwnerId: row.formerOwnerId, releasedOn: row.releasedOn, reviewedOn: row.reviewedOn,
    version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/** A customer read back after a write, with its owner's name. */
export async function reloadDto(db: Executor, ctx: CommandContext, id: string): Promise<CustomerDto> {
  const row = await findCustomer(db, ctx.workspace.id, id);
  if (!row) throw notFound('customer');
  return toCustomerDto(row, await customerView(db, ctx));
}

// ── identity and the duplicate check ──────────────────────────────────────────────────────────

interface Identity { nameNormalised?: string; creditCode?: string | null; phoneNormalised?: string | null }

/** Validates and normalises the fields the duplicate check compares; only those present in the input. */
function identityOf(input: { name?: string; creditCode?: string | null; phone?: string | null }): Identity {
  const identity: Identity = {};
  if (input.name !== undefined) {
    identity.nameNormalised = normaliseCompanyName(input.name);
    if (identity.nameNormalised === '') throw invalidField('name', 'errors.companyName');
  }
  if (input.creditCode !== undefined) {
    const code = input.creditCode === null ? '' : normaliseCreditCode(input.creditCode);
    if (code !== '' && !isValidCreditCode(code)) throw invalidField('creditCode', 'errors.creditCode');
    identity.creditCode = code === '' ? null : code;
  }
  if (input.phone !== undefined) {
    const digits = input.phone === null ? '' : normalisePhone(input.phone);
    if (input.phone !== null && input.phone.trim() !== '' && digits.length < 5) throw invalidField('phone', 'errors.phone');
    identity.phoneNormalised = digits === '' ? null : digits;
  }
  return identity;
}

function duplicateError(match: DuplicateMatch): AppError {
  const key = match.ownerId ? 'errors.duplicateCustomer' : 'errors.duplicateCustomerInPool';
  const params = { owner: match.ownerName ?? '' };
  return new AppError('DUPLICATE', key, params, [{ path: match.field, message: key, params }]);
}

/**
 * The duplicate check (查重) under concurrency: an advisory lock per compared value serialises two
 * commands about the same company, so the second sees the first's row; the unique indexes back it up.
 */
async function assertNoDuplicate(tx: Executor, workspaceId: string, identity: Identity, excludeId?: string) {
  const keys = [
    identity.nameNormalised ? `customer-name:${workspaceId}:${identity.nameNormalised}` : null,
    identity.creditCode ? `customer-code:${workspaceId}:${identity.creditCode}` : null,
    identity.phoneNormalised ? `customer-phone:${workspaceId}:${identity.phoneNormalised}` : null,
  ].filter((k): k is string => k !== null);
  if (keys.length === 0) return;
  await lockKeys(tx, keys);
  const match = await findDuplicate(tx, workspaceId, { ...identity, excludeId });
  if (match) throw duplicateError(match);
}

function uniqueToDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw new AppError('DUPLICATE', 'errors.duplicateCustomer', { owner: '' }, [{ path: 'name', message: 'errors.duplicateCustomer', params: { owner: '' } }]);
  throw error;
}

// ── owners ────────────────────────────────────────────────────────────────────────────────────

const isOwnerRole = (roles: readonly string[]) => roles.some((r) => (ownerRoles as readonly string[]).includes(r));

/** An active user who can own customers, or a field error on `path`. */
export async function requireSalesUser(db: Executor, ctx: CommandContext, userId: string, path: string) {
  const user = await findUserBrief(db, ctx.workspace.id, userId);
  if (!user || !user.isActive || !isOwnerRole(user.roles)) throw invalidField(path, 'errors.ownerNotSales');
  return user;
}

/** The grants and messages that decide who may own or assign a kind of record (customers, leads). */
export interface OwnershipGrants { own: string; assign: string; route: string; cannotOwn: string; outOfScope: string }

const customerOwnership: OwnershipGrants = {
  own: 'customer:own', assign: 'customer:assign', route: 'customer:route',
  cannotOwn: 'errors.cannotOwnCustomers', outOfScope: 'errors.assignOutOfScope',
};

/**
 * Who owns a new record: by default the caller when their role can own such records, else the pool.
 * Naming someone else (or the pool) needs the assign grant, within the caller's data scope unless
 * they route enquiries (front desk).
 */
export async function resolveOwner(tx: Executor, ctx: CommandContext, requested: string | null | undefined, grants: OwnershipGrants = customerOwnership) {
  const self = ctx.actor.id;
  const holds = (permission: string) => ctx.actor.permissions.has(permission);
  if (requested === undefined) return holds(grants.own) ? await requireSalesUser(tx, ctx, self, 'ownerId') : null;
  if (requested === self) {
    if (!holds(grants.own)) throw invalidField('ownerId', grants.cannotOwn);
    return requireSalesUser(tx, ctx, self, 'ownerId');
  }
  if (!holds(grants.assign)) throw forbidden();
  if (requested === null) return null;
  const owner = await requireSalesUser(tx, ctx, requested, 'ownerId');
  if (!holds(grants.route)) {
    const owners = await visibleOwners(tx, ctx);
    if (owners.kind !== 'all' && !owners.ids.includes(owner.id)) throw invalidField('ownerId', grants.outOfScope);
  }
  return owner;
}

export async function assertTerritory(tx: Executor, ctx: CommandContext, territoryId: string | null | undefined) {
  if (territoryId && !(await territoryExists(tx, ctx.workspace.id, territoryId))) {
    throw invalidField('territoryId', 'errors.unknownReference', { entity: 'territory' });
  }
}

// ── commands and queries ──────────────────────────────────────────────────────────────────────

/** Creates a customer file after the duplicate check; the owner gets it from today. */
export async function createCustomer(ctx: CommandContext, input: z.infer<typeof CreateCustomerBody>): Promise<CustomerDto> {
  const identity = identityOf(input);
  return ctx.db.transaction(async (tx) => insertCustomer(tx, ctx, input, identity));
}

/** `createCustomer` inside the caller's transaction (lead conversion creates customer, contact and more in one). */
export async function createCustomerInTx(tx: Tx, ctx: CommandContext, input: z.infer<typeof CreateCustomerBody>): Promise<CustomerDto> {
  return insertCustomer(tx, ctx, input, identityOf(input));
}

async function insertCustomer(tx: Tx, ctx: CommandContext, input: z.infer<typeof CreateCustomerBody>, identity: Identity): Promise<CustomerDto> {
  const today = todayOf(ctx);
  const owner = await resolveOwner(tx, ctx, input.ownerId);
  await assertTerritory(tx, ctx, input.territoryId);
  await assertNoDuplicate(tx, ctx.workspace.id, identity);
  const customFields = await validateCustomFields(tx, ctx.workspace.id, 'customers', input.customFields ?? {}, { partial: false });
  const now = new Date();
  const [created] = await tx.insert(customers).values({
    workspaceId: ctx.workspace.id, name: input.name, nameNormalised: identity.nameNormalised!, creditCode: identity.creditCode ?? null,
    industry: input.industry ?? null, size: input.size ?? null, valueClass: input.valueClass, status: input.status,
    territoryId: input.territoryId ?? null, address: input.address ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null,
    website: input.website ?? null, phone: input.phone ?? null, phoneNormalised: identity.phoneNormalised ?? null,
    tags: [...new Set(input.tags ?? [])], customFields, searchText: searchKeysFor(input.name),
    ownerId: owner?.id ?? null, departmentId: owner?.departmentId ?? null, ownedSince: owner ? today : null,
    createdBy: ctx.actor.id, createdAt: now, updatedAt: now,
  }).returning().catch(uniqueToDuplicate);
  await tx.insert(customerProfiles).values({ workspaceId: ctx.workspace.id, customerId: created!.id });
  await appendAudit(tx, ctx, { entity: 'customer', entityId: created!.id, action: 'create', after: created });
  return toCustomerDto({ ...created!, ownerName: owner?.name ?? null }, await customerView(tx, ctx));
}

export interface DuplicateFinding {
  field: DuplicateMatch['field']; visible: boolean; customerId: string | null; customerName: string | null; ownerName: string | null; inPool: boolean;
}

/**
 * The duplicate check (查重) for callers that may link to the match instead of creating (lead
 * conversion): which customer matches and whether the caller sees it; id and name only when they do.
 * Inside a transaction it takes the same locks as creating, so a create that follows is safe.
 */
export async function findDuplicateFor(db: Executor, ctx: CommandContext, input: { name?: string; creditCode?: string | null; phone?: string | null }): Promise<DuplicateFinding | null> {
  const identity = identityOf(input);
  const keys = [
    identity.nameNormalised ? `customer-name:${ctx.workspace.id}:${identity.nameNormalised}` : null,
    identity.creditCode ? `customer-code:${ctx.workspace.id}:${identity.creditCode}` : null,
    identity.phoneNormalised ? `customer-phone:${ctx.workspace.id}:${identity.phoneNormalised}` : null,
  ].filter((k): k is string => k !== null);
  if (keys.length > 0 && db !== ctx.db) await lockKeys(db, keys);
  const match = await findDuplicate(db, ctx.workspace.id, identity);
  if (!match) return null;
  const access = await customerAccess(db, ctx, match.customerId);
  // linking adds to the file, so only a customer the caller may edit counts (not one merely seen in the pool)
  const visible = access !== null && (access.viaScope || access.collaboration === 'write');
  return {
    field: match.field, visible, customerId: visible ? match.customerId : null,
    customerName: visible ? access.row.name : null, ownerName: match.ownerName, inPool: match.ownerId === null,
  };
}

/** The 409 DUPLICATE naming the existing owner, as POST /customers answers it. */
export function duplicateErrorFor(finding: DuplicateFinding): AppError {
  return duplicateError({ field: finding.field, customerId: finding.customerId ?? '', ownerId: finding.inPool ? null : 'owned', ownerName: finding.ownerName });
}

/** Edits the summary of a customer file (not its owner), with the duplicate check on changed identity. */
export async function updateCustomer(ctx: CommandContext, id: string, input: z.infer<typeof UpdateCustomerBody>): Promise<CustomerDto> {
  const identity = identityOf(input);
  return ctx.db.transaction(async (tx) => {
    const { row: before } = await requireWritable(tx, ctx, id);
    if (input.ownerId !== undefined && input.ownerId !== before.ownerId) {
      throw new AppError('RULE_VIOLATION', 'errors.ownerChangeNeedsTransfer', {}, [{ path: 'ownerId', message: 'errors.ownerChangeNeedsTransfer' }]);
    }
    if (before.version !== input.version) throw conflict();
    await assertTerritory(tx, ctx, input.territoryId);
    const changedIdentity: Identity = {
      ...(identity.nameNormalised !== undefined && identity.nameNormalised !== before.nameNormalised ? { nameNormalised: identity.nameNormalised } : {}),
      ...(identity.creditCode !== undefined && identity.creditCode !== before.creditCode ? { creditCode: identity.creditCode } : {}),
      ...(identity.phoneNormalised !== undefined && identity.phoneNormalised !== before.phoneNormalised ? { phoneNormalised: identity.phoneNormalised } : {}),
    };
    await assertNoDuplicate(tx, ctx.workspace.id, changedIdentity, id);
    const { version, ownerId: _ownerId, creditCode: _creditCode, phone, tags, customFields, ...rest } = input;
    const changes = {
      ...rest,
      ...(rest.name !== undefined ? { searchText: searchKeysFor(rest.name) } : {}),
      ...(customFields !== undefined ? {
        customFields: mergeCustomFieldValues(before.customFields as Record<string, unknown>, await validateCustomFields(tx, ctx.workspace.id, 'customers', customFields, { partial: true })),
      } : {}),
      ...(identity.nameNormalised !== undefined ? { nameNormalised: identity.nameNormalised } : {}),
      ...(identity.creditCode !== undefined ? { creditCode: identity.creditCode } : {}),
      ...(phone !== undefined ? { phone, phoneNormalised: identity.phoneNormalised ?? null } : {}),
      ...(tags !== undefined ? { tags: [...new Set(tags)] } : {}),
    };
    const [updated] = await tx.update(customers)
      .set({ ...changes, version: sql`${customers.version} + 1`, updatedAt: new Date() })
      .where(and(eq(customers.workspaceId, ctx.workspace.id), eq(customers.id, id), eq(customers.version, version)))
      .returning().catch(uniqueToDuplicate);
    if (!updated) throw conflict();
    const { ownerName: _ownerName, ...beforeRow } = before;
    await appendAudit(tx, ctx, { entity: 'customer', entityId: id, action: 'update', before: beforeRow, after: updated });
    return toCustomerDto({ ...updated, ownerName: before.ownerName }, await customerView(tx, ctx));
  });
}

/** One customer with what the caller may do with it. */
export async function getCustomer(ctx: CommandContext, id: string): Promise<CustomerDetailDto> {
  const access = await requireVisible(ctx.db, ctx, id);
  const policies = await readPolicies(ctx.db, ctx.workspace.id);
  const view = { canSeePhone: has(ctx, 'customer:read_phone'), recycle: recyclePolicyOf(policies) };
  const { row } = access;
  const [contactCount, pending, fileAllowed] = [
    await countContacts(ctx.db, ctx.workspace.id, id),
    await findPendingApprovalFor(ctx.db, ctx.workspace.id, TRANSFER_DOCUMENT, id),
    await canOpenFile(ctx.db, ctx, row),
  ];
  const reviewed = row.reviewedOn ?? dateOf(row.createdAt, ctx.workspace.timeZone);
  return {
    ...toCustomerDto(row, view),
    isFileStale: isFileStale(reviewed, todayOf(ctx), policies['customerFile.reviewMonths']),
    contactCount,
    access: {
      canEdit: access.canEdit, canOpenFile: fileAllowed, canManage: access.canManage,
      collaboration: access.collaboration, pendingTransferApprovalId: pending?.id ?? null,
    },
  };
}

type ListFilterInput = Omit<z.infer<typeof CustomerListQuery>, 'limit' | 'cursor' | 'sort' | 'order'>;

async function filtersFrom(db: Executor, ctx: CommandContext, q: ListFilterInput): Promise<CustomerFilters> {
  const asOf = q.asOf ?? todayOf(ctx);
  const reviewMonths = q.fileStale ? (await readPolicies(db, ctx.workspace.id))['customerFile.reviewMonths'] : 0;
  return {
    ownerId: q.ownerId === 'me' ? ctx.actor.id : q.ownerId, departmentId: q.departmentId, valueClass: q.valueClass, status: q.status,
    territoryId: q.territoryId, industry: q.industry, tag: q.tag, createdFrom: q.createdFrom, createdTo: q.createdTo,
    updatedFrom: q.updatedFrom, updatedTo: q.updatedTo,
    followedUpBefore: q.notFollowedUpDays !== undefined ? addDays(asOf, -q.notFollowedUpDays) : undefined,
    inPool: q.inPool === undefined ? undefined : q.inPool === 'true',
    ...(q.fileStale ? { reviewCutoff: fileReviewCutoff(asOf, reviewMonths), fileStale: q.fileStale === 'true' } : {}),
    q: q.q?.trim() || undefined, qNormalised: q.q ? normaliseCompanyName(q.q) || undefined : undefined,
  };
}

/** The WHERE of every customer list: the caller's scope (owners + collaborations), then the filters. */
async function scopedWhere(db: Executor, ctx: CommandContext, q: ListFilterInput): Promise<SQL[]> {
  const owners = await visibleOwners(db, ctx);
  const collaboratingOn = owners.kind === 'all' ? [] : (await activeCollaborations(db, ctx.workspace.id, ctx.actor.id, todayOf(ctx))).map((c) => c.customerId);
  return [
    visibleCustomers(owners, collaboratingOn), ...filterConditions(ctx.workspace.id, ctx.workspace.timeZone, await filtersFrom(db, ctx, q)),
    ...await customFieldConditions(db, ctx.workspace.id, 'customers', q.cf, customers.customFields),
  ];
}

/**
 * The customers the caller sees as one WHERE fragment on `customers` (data scope and collaborations,
 * plus the pool for those who may claim): for search and pickers in other modules.
 */
export async function visibleCustomersWhere(db: Executor, ctx: CommandContext): Promise<SQL> {
  const owners = await visibleOwners(db, ctx);
  const collaboratingOn = owners.kind === 'all' ? [] : (await activeCollaborations(db, ctx.workspace.id, ctx.actor.id, todayOf(ctx))).map((c) => c.customerId);
  const seen = visibleCustomers(owners, collaboratingOn);
  return has(ctx, 'customer:claim') ? or(seen, sql`${customers.ownerId} IS NULL`)! : seen;
}

/** A keyset cursor of (sort value, id), validated. */
export function sortCursor(cursor: string | undefined): [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [value, id] = key;
  if (typeof value !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw invalidField('cursor', 'errors.invalidFormat');
  return [value, id];
}

/** Customers the caller sees, filtered, sorted and keyset-paged. */
export async function listCustomers(ctx: CommandContext, q: z.infer<typeof CustomerListQuery>) {
  const { limit, cursor, sort, order, ...filters } = q;
  const where = await scopedWhere(ctx.db, ctx, filters);
  const direction = order ?? (sort === 'name' ? 'asc' : 'desc');
  // a stale list of a team: few matches, found through customers_touch_idx (whole company: the sort walk is as good)
  const matchFirst = filters.notFollowedUpDays !== undefined && (await visibleOwners(ctx.db, ctx)).kind !== 'all';
  const rows = await listCustomerRows(ctx.db, { workspaceId: ctx.workspace.id, where, sort, order: direction, after: sortCursor(cursor), limit, matchFirst });
  const page = pageFrom(rows, limit, (r) => [r.sortValue, r.id]);
  const view = await customerView(ctx.db, ctx);
  return { items: page.items.map((r) => toCustomerDto(r, view)), nextCursor: page.nextCursor };
}

/** Counts of the customers the caller sees under the same filters, by value class and status. */
export async function countVisibleCustomers(ctx: CommandContext, q: ListFilterInput) {
  const rows = await countCustomers(ctx.db, ctx.workspace.id, await scopedWhere(ctx.db, ctx, q));
  const byValueClass = { A: 0, B: 0, C: 0, D: 0 } as Record<ValueClass, number>;
  const byStatus = { prospect: 0, active: 0, dormant: 0, lost: 0 } as Record<string, number>;
  let total = 0;
  for (const r of rows) {
    byValueClass[r.valueClass as ValueClass] = (byValueClass[r.valueClass as ValueClass] ?? 0) + r.n;
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    total += r.n;
  }
  return { total, byValueClass, byStatus: byStatus as Record<'prospect' | 'active' | 'dormant' | 'lost', number> };
}

// ── the sensitive file and its borrow log ────────────────────────────────────────────────────

type ProfileSections = Record<(typeof fileSections)[number], string | null>;
const sectionsOf = (p: ProfileSections | null): ProfileSections =>
  Object.fromEntries(fileSections.map((k) => [k, p?.[k] ?? null])) as ProfileSections;

async function ensureProfile(tx: Executor, workspaceId: string, customerId: string) {
  const existing = await findProfile(tx, workspaceId, customerId);
  if (existing) return existing;
  const [created] = await tx.insert(customerProfiles).values({ workspaceId, customerId }).returning();
  return created!;
}

/**
 * Opens the sensitive sections of a file (domain §5.5): only for the owner, their managers and
 * account managers or above; every open writes a borrow record with its purpose and an audit row.
 */
export async function openCustomerFile(ctx: CommandContext, id: string, purpose: string) {
  const policies = await readPolicies(ctx.db, ctx.workspace.id);
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireVisible(tx, ctx, id);
    if (!(await canOpenFile(tx, ctx, row))) throw forbidden('errors.fileAccess');
    const profile = await ensureProfile(tx, ctx.workspace.id, id);
    const borrowRecordId = newId();
    await tx.insert(customerBorrowRecords).values({ id: borrowRecordId, workspaceId: ctx.workspace.id, customerId: id, userId: ctx.actor.id, purpose });
    await appendAudit(tx, ctx, { entity: 'customer_file', entityId: id, action: 'view', after: { purpose, borrowRecordId } });
    const reviewed = row.reviewedOn ?? dateOf(row.createdAt, ctx.workspace.timeZone);
    return {
      customerId: id, customerName: row.name, ...sectionsOf(profile), reviewedOn: row.reviewedOn,
      isFileStale: isFileStale(reviewed, todayOf(ctx), policies['customerFile.reviewMonths']), version: profile.version, borrowRecordId,
    };
  });
}

/** Edits the sensitive sections; saving them counts as the file's review (reviewed_on = today). */
export async function updateCustomerFile(ctx: CommandContext, id: string, input: z.infer<typeof UpdateCustomerFileBody>) {
  const today = todayOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireWritable(tx, ctx, id);
    if (!(await canOpenFile(tx, ctx, row))) throw forbidden('errors.fileAccess');
    const before = await ensureProfile(tx, ctx.workspace.id, id);
    const { version, ...sections } = input;
    const [updated] = await tx.update(customerProfiles).set({ ...sections, version: sql`${customerProfiles.version} + 1`, updatedAt: new Date() })
      .where(and(eq(customerProfiles.workspaceId, ctx.workspace.id), eq(customerProfiles.id, before.id), eq(customerProfiles.version, version)))
      .returning();
    if (!updated) throw conflict();
    // bookkeeping, not an edit of the summary: the customer's version stays
    await tx.update(customers).set({ reviewedOn: today }).where(and(eq(customers.workspaceId, ctx.workspace.id), eq(customers.id, id)));
    const changed = Object.keys(sections) as (typeof fileSections)[number][];
    await appendAudit(tx, ctx, {
      entity: 'customer_file', entityId: id, action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: { ...Object.fromEntries(changed.map((k) => [k, updated[k]])), reviewedOn: today },
    });
    return {
      customerId: id, customerName: row.name, ...sectionsOf(updated), reviewedOn: today, isFileStale: false, version: updated.version, borrowRecordId: null,
    };
  });
}

type BorrowRow = Awaited<ReturnType<typeof listBorrowRows>>[number];
const toBorrowDto = (r: BorrowRow) => ({
  id: r.id, customerId: r.customerId, customerName: r.customerName, user: { id: r.userId, name: r.userName ?? '—' }, purpose: r.purpose, at: r.at.toISOString(),
});

/** Who opened this customer's file and why; for those who may open it themselves. */
export async function listCustomerBorrowRecords(ctx: CommandContext, id: string, q: { limit: number; cursor?: string }) {
  const { row } = await requireVisible(ctx.db, ctx, id);
  if (!(await canOpenFile(ctx.db, ctx, row))) throw forbidden('errors.fileAccess');
  const rows = await listBorrowRows(ctx.db, { workspaceId: ctx.workspace.id, where: [eq(customerBorrowRecords.customerId, id)], beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: page.items.map(toBorrowDto), nextCursor: page.nextCursor };
}

/** Ownership history (claims, releases, recycling, transfers) of a customer the caller can see. */
export async function listCustomerPoolEvents(ctx: CommandContext, id: string, q: { limit: number; cursor?: string }) {
  await requireVisible(ctx.db, ctx, id);
  const rows = await listPoolEventRows(ctx.db, { workspaceId: ctx.workspace.id, customerId: id, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  const names = await userNames(ctx.db, ctx.workspace.id, page.items.flatMap((r) => [r.userId, r.actorId]).filter((u): u is string => u !== null));
  const person = (userId: string | null) => (userId ? { id: userId, name: names.get(userId) ?? '' } : null);
  return {
    items: page.items.map((r) => ({
      id: r.id, kind: r.kind as (typeof poolEventKinds)[number], user: person(r.userId), actor: person(r.actorId), onDate: r.onDate, reason: r.reason,
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Borrow records by the users in the caller's data scope (a manager's view of who opened which
 * file), about customers the caller sees too.
 */
export async function listBorrowRecords(ctx: CommandContext, q: { limit: number; cursor?: string; userId?: string; customerId?: string }) {
  const owners = await visibleOwners(ctx.db, ctx);
  const where: SQL[] = [visibleTo(owners, customerBorrowRecords.userId), visibleTo(owners, customers.ownerId)];
  if (q.userId) where.push(eq(customerBorrowRecords.userId, q.userId));
  if (q.customerId) where.push(eq(customerBorrowRecords.customerId, q.customerId));
  const rows = await listBorrowRows(ctx.db, { workspaceId: ctx.workspace.id, where, beforeId: decodeIdCursor(q.cursor), limit: q.limit });
  const page = pageFrom(rows, q.limit, (r) => [r.id]);
  return { items: page.items.map(toBorrowDto), nextCursor: page.nextCursor };
}

/** Files not reviewed within the review interval (policy customerFile.reviewMonths), for the CS manager's spot check. */
export async function listStaleFiles(ctx: CommandContext, q: { limit: number; cursor?: string; asOf?: IsoDate }) {
  return listCustomers(ctx, { limit: q.limit, cursor: q.cursor, asOf: q.asOf, fileStale: 'true', sort: 'name', order: 'asc' });
}

// ── transfer (with approval) ─────────────────────────────────────────────────────────────────

interface TransferSnapshot {
  customerId: string; customerName: string; fromUserId: string; fromUserName: string; toUserId: string; toUserName: string; reason: string;
}

/** Asks to move a customer to another rep; ownership moves only when the approval completes (domain §5.3). */
export async function requestTransfer(ctx: CommandContext, id: string, input: { toUserId: string; reason: string }) {
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireManageable(tx, ctx, id);
    const target = await requireSalesUser(tx, ctx, input.toUserId, 'toUserId');
    if (target.id === row.ownerId) throw invalidField('toUserId', 'errors.transferSameOwner');
    const snapshot: TransferSnapshot = {
      customerId: id, customerName: row.name, fromUserId: row.ownerId, fromUserName: row.ownerName ?? '', toUserId: target.id, toUserName: target.name, reason: input.reason,
    };
    const result = await submitForApproval(tx, ctx, {
      documentType: TRANSFER_DOCUMENT, subjectId: id, title: `客户转移：${row.name}（${snapshot.fromUserName} → ${target.name}）`,
      snapshot: { ...snapshot }, excludedUserIds: [row.ownerId, target.id],
    });
    await appendAudit(tx, ctx, { entity: 'customer', entityId: id, action: 'transfer_requested', after: { ...snapshot, approvalId: result.approvalId } });
    return result;
  });
}

/** Moves ownership when a transfer is approved — unless the customer changed hands meanwhile. */
async function applyTransfer(tx: Tx, ctx: CommandContext, s: TransferSnapshot, approvalId: string) {
  const row = await lockCustomer(tx, ctx.workspace.id, s.customerId);
  const target = await findUserBrief(tx, ctx.workspace.id, s.toUserId);
  if (!row || row.ownerId !== s.fromUserId || !target?.isActive) {
    await appendAudit(tx, ctx, { entity: 'customer', entityId: s.customerId, action: 'transfer_void', after: { approvalId, reason: 'owner_changed' } });
    return;
  }
  const today = todayOf(ctx);
  const [updated] = await tx.update(customers).set({
    ownerId: target.id, departmentId: target.departmentId, ownedSince: today, isLocked: false, lockedBy: null, recycleWarnedFor: null,
    version: sql`${customers.version} + 1`, updatedAt: new Date(),
  }).where(and(eq(customers.workspaceId, ctx.workspace.id), eq(customers.id, s.customerId))).returning();
  await tx.insert(customerPoolEvents).values({
    workspaceId: ctx.workspace.id, customerId: s.customerId, kind: 'transfer', userId: target.id, actorId: ctx.actor.id, onDate: today, reason: s.reason,
  });
  await appendAudit(tx, ctx, { entity: 'customer', entityId: s.customerId, action: 'transfer', before: row, after: { ...updated, approvalId } });
  await emitEvent(tx, ctx.workspace.id, {
    topic: 'customer.transferred', payload: { customerId: s.customerId, fromUserId: s.fromUserId, toUserId: target.id, approvalId },
    notify: { userIds: [s.fromUserId, target.id], kind: 'customer_transferred', params: { customer: s.customerName, from: s.fromUserName, to: s.toUserName }, link: `/customers/${s.customerId}` },
  });
}

registerApprovalSubject(TRANSFER_DOCUMENT, {
  defaultFlow: {
    name: '客户转移审批',
    steps: [
      { label: '直属上级审批', approver: { supervisorOf: 'requester' } },
      { label: '销售经理审批', approver: { role: 'sales_manager' } },
    ],
  },
  link: (subjectId) => `/customers/${subjectId}`,
  async onApproved(tx, ctx, outcome) { await applyTransfer(tx, ctx, outcome.snapshot as unknown as TransferSnapshot, outcome.approvalId); },
  async onRejected() { /* nothing moved; the engine audits and notifies */ },
  async onReturned() { /* nothing moved; the requester may ask again */ },
});

// ── collaborators ─────────────────────────────────────────────────────────────────────────────

function toCollaboratorDto(c: CollaboratorRow, userName: string | null, today: IsoDate) {
  return {
    id: c.id, customerId: c.customerId, user: { id: c.userId, name: userName ?? '—' }, access: c.access as 'read' | 'write',
    expiresOn: c.expiresOn, isActive: c.expiresOn === null || c.expiresOn >= today, version: c.version, createdAt: c.createdAt.toISOString(),
  };
}

export async function listCollaborators(ctx: CommandContext, customerId: string) {
  await requireVisible(ctx.db, ctx, customerId);
  const today = todayOf(ctx);
  const rows = await listCollaboratorRows(ctx.db, ctx.workspace.id, customerId);
  return { items: rows.map((r) => toCollaboratorDto(r.c, r.userName, today)) };
}

/** Shares a customer with a colleague (协作人), read or read-write, optionally until a date; repeating it changes the terms. */
export async function addCollaborator(ctx: CommandContext, customerId: string, input: z.infer<typeof AddCollaboratorBody>) {
  const today = todayOf(ctx);
  if (input.expiresOn && input.expiresOn < today) throw invalidField('expiresOn', 'errors.expiryInPast');
  return ctx.db.transaction(async (tx) => {
    const { row } = await requireManageable(tx, ctx, customerId);
    const user = await findUserBrief(tx, ctx.workspace.id, input.userId);
    if (!user || !user.isActive || user.roles.every((r) => r === 'admin')) throw invalidField('userId', 'errors.collaboratorNotBusiness');
    if (user.id === row.ownerId) throw invalidField('userId', 'errors.collaboratorIsOwner');
    const existing = await findCollaborator(tx, ctx.workspace.id, customerId, user.id);
    const expiresOn = input.expiresOn ?? null;
    let saved: CollaboratorRow;
    if (existing) {
      [saved] = (await tx.update(customerCollaborators).set({ access: input.access, expiresOn, addedBy: ctx.actor.id, version: sql`${customerCollaborators.version} + 1`, updatedAt: new Date() })
        .where(and(eq(customerCollaborators.workspaceId, ctx.workspace.id), eq(customerCollaborators.id, existing.id))).returning()) as [CollaboratorRow];
    } else {
      [saved] = (await tx.insert(customerCollaborators).values({ workspaceId: ctx.workspace.id, customerId, userId: user.id, access: input.access, expiresOn, addedBy: ctx.actor.id }).returning()) as [CollaboratorRow];
    }
    await appendAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'share', before: existing, after: saved });
    await emitEvent(tx, ctx.workspace.id, {
      topic: 'customer.shared', payload: { customerId, userId: user.id, access: input.access, expiresOn },
      notify: { userIds: [user.id], kind: 'customer_shared', params: { customer: row.name, by: ctx.actor.name, access: input.access }, link: `/customers/${customerId}` },
    });
    return { created: !existing, collaborator: toCollaboratorDto(saved, user.name, today) };
  });
}

export async function removeCollaborator(ctx: CommandContext, customerId: string, userId: string) {
  await ctx.db.transaction(async (tx) => {
    await requireManageable(tx, ctx, customerId);
    const [removed] = await tx.delete(customerCollaborators)
      .where(and(eq(customerCollaborators.workspaceId, ctx.workspace.id), eq(customerCollaborators.customerId, customerId), eq(customerCollaborators.userId, userId)))
      .returning();
    if (!removed) throw notFound('collaborator');
    await appendAudit(tx, ctx, { entity: 'customer', entityId: customerId, action: 'unshare', before: removed });
  });
}

// ── merge ─────────────────────────────────────────────────────────────────────────────────────

export interface MergeHandler { (tx: Tx, ctx: CommandContext, merge: { survivorId: string; duplicateId: string }): Promise<number | void> }
const mergeHandlers = new Map<string, MergeHandler>();

/**
 * Modules that keep records about customers (opportunities, activities …) register a handler that
 * moves them to the survivor inside the merge transaction.
 */
export function registerCustomerMergeHandler(name: string, handler: MergeHandler) {
  mergeHandlers.set(name, handler);
}

const MERGED_FIELDS = [
  'creditCode', 'industry', 'size', 'territoryId', 'address', 'latitude', 'longitude', 'website', 'phone', 'phoneNormalised', 'tags',
] as const satisfies readonly (keyof CustomerRow)[];
const laterOf = (a: IsoDate | null, b: IsoDate | null) => (a && b ? (a > b ? a : b) : a ?? b);

/**
 * Merges a duplicate into this customer (合并, domain §17): contacts, collaborators, borrow records,
 * pool history and every registered module's records move to the survivor; blanks are filled from
 * the duplicate; the duplicate is removed. Audited on both ids.
 */
export async function mergeCustomers(ctx: CommandContext, survivorId: string, duplicateId: string) {
  if (survivorId === duplicateId) throw invalidField('duplicateId', 'errors.mergeSelf');
  return ctx.db.transaction(async (tx) => {
    const ws = ctx.workspace.id;
    await requireWritable(tx, ctx, survivorId);
    await requireWritable(tx, ctx, duplicateId);
    for (const id of [survivorId, duplicateId]) await assertNotInApproval(tx, ctx, TRANSFER_DOCUMENT, id);
    const [first, second] = [survivorId, duplicateId].sort();
    const locked = new Map([[first!, await lockCustomer(tx, ws, first!)], [second!, await lockCustomer(tx, ws, second!)]]);
    const survivor = locked.get(survivorId)!;
    const duplicate = locked.get(duplicateId)!;
    const byCustomer = (table: typeof contacts | typeof customerBorrowRecords | typeof customerPoolEvents | typeof customerCollaborators) =>
      and(eq(table.workspaceId, ws), eq(table.customerId, duplicateId));

    const movedContacts = await tx.update(contacts).set({ customerId: survivorId, updatedAt: new Date() }).where(byCustomer(contacts)).returning({ id: contacts.id });
    // collaborators: the survivor's own terms win; its owner needs no collaboration
    const survivorTeam = await tx.select({ userId: customerCollaborators.userId }).from(customerCollaborators)
      .where(and(eq(customerCollaborators.workspaceId, ws), eq(customerCollaborators.customerId, survivorId)));
    const redundant = [...survivorTeam.map((c) => c.userId), ...(survivor.ownerId ? [survivor.ownerId] : [])];
    const dropped = redundant.length === 0 ? [] : await tx.delete(customerCollaborators)
      .where(and(byCustomer(customerCollaborators), inArray(customerCollaborators.userId, redundant))).returning();
    const movedCollaborators = await tx.update(customerCollaborators).set({ customerId: survivorId, updatedAt: new Date() })
      .where(byCustomer(customerCollaborators)).returning({ id: customerCollaborators.id });
    const movedBorrow = await tx.update(customerBorrowRecords).set({ customerId: survivorId }).where(byCustomer(customerBorrowRecords)).returning({ id: customerBorrowRecords.id });
    const movedEvents = await tx.update(customerPoolEvents).set({ customerId: survivorId }).where(byCustomer(customerPoolEvents)).returning({ id: customerPoolEvents.id });
    const moduleMoves: Record<string, number> = {};
    for (const [name, handler] of mergeHandlers) moduleMoves[name] = (await handler(tx, ctx, { survivorId, duplicateId })) ?? 0;

    // sensitive sections: keep the survivor's text, fill its blanks from the duplicate's
    const survivorProfile = await ensureProfile(tx, ws, survivorId);
    const duplicateProfile = await findProfile(tx, ws, duplicateId);
    if (duplicateProfile) {
      const filled = mergedValues(survivorProfile, duplicateProfile, fileSections);
      if (Object.keys(filled).length > 0) {
        await tx.update(customerProfiles).set({ ...filled, version: sql`${customerProfiles.version} + 1`, updatedAt: new Date() })
          .where(and(eq(customerProfiles.workspaceId, ws), eq(customerProfiles.id, survivorProfile.id)));
      }
      await tx.delete(customerProfiles).where(and(eq(customerProfiles.workspaceId, ws), eq(customerProfiles.id, duplicateProfile.id)));
    }
    await tx.delete(customers).where(and(eq(customers.workspaceId, ws), eq(customers.id, duplicateId)));

    const filled = mergedValues(survivor, duplicate, MERGED_FIELDS);
    const [updated] = await tx.update(customers).set({
      ...filled,
      customFields: { ...(duplicate.customFields as object), ...(survivor.customFields as object) },
      lastFollowUpOn: laterOf(survivor.lastFollowUpOn, duplicate.lastFollowUpOn),
      lastDealOn: laterOf(survivor.lastDealOn, duplicate.lastDealOn),
      version: sql`${customers.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(customers.workspaceId, ws), eq(customers.id, survivorId))).returning();

    const moved = { contacts: movedContacts.length, collaborators: movedCollaborators.length, borrowRecords: movedBorrow.length, poolEvents: movedEvents.length };
    await appendAudit(tx, ctx, { entity: 'customer', entityId: survivorId, action: 'merge', before: { survivor, duplicate }, after: { survivor: updated, moved, moduleMoves, droppedCollaborators: dropped } });
    await appendAudit(tx, ctx, { entity: 'customer', entityId: duplicateId, action: 'merged_into', before: duplicate, after: { survivorId } });
    if (duplicate.ownerId && duplicate.ownerId !== survivor.ownerId && duplicate.ownerId !== ctx.actor.id) {
      await emitEvent(tx, ws, {
        topic: 'customer.merged', payload: { survivorId, duplicateId },
        notify: { userIds: [duplicate.ownerId], kind: 'customer_merged', params: { customer: duplicate.name, into: survivor.name, by: ctx.actor.name }, link: `/customers/${survivorId}` },
      });
    }
    return { customer: await reloadDto(tx, ctx, survivorId), moved };
  });
}

// ── for other modules (through index.ts) ─────────────────────────────────────────────────────

/** Records a follow-up (activity, visit) on a customer: the recycle clock restarts from that day. */
export async function recordFollowUp(tx: Executor, workspaceId: string, customerId: string, on: IsoDate) {
  await tx.update(customers).set({ lastFollowUpOn: sql`greatest(${customers.lastFollowUpOn}, ${on}::date)` })
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
}

/** Records a deal (signed contract / order) on a customer. */
export async function recordDeal(tx: Executor, workspaceId: string, customerId: string, on: IsoDate) {
  await tx.update(customers).set({ lastDealOn: sql`greatest(${customers.lastDealOn}, ${on}::date)` })
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
}

/**
 * The duplicate check (查重) as the front desk uses it: the customer a visitor is, by credit code,
 * normalised company name or phone (its own or a contact's), with its owner (null = in the pool).
 */
export async function findCustomerMatch(db: Executor, workspaceId: string, key: { name: string; phone?: string | null; creditCode?: string | null }): Promise<DuplicateMatch | null> {
  const code = key.creditCode ? normaliseCreditCode(key.creditCode) : '';
  const phone = key.phone ? normalisePhone(key.phone) : '';
  return findDuplicate(db, workspaceId, {
    creditCode: code !== '' && isValidCreditCode(code) ? code : null,
    nameNormalised: normaliseCompanyName(key.name) || null,
    phoneNormalised: phone.length >= 5 ? phone : null,
  });
}
