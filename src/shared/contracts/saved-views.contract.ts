import { z } from 'zod';
import { InstantString, Uuid, Version } from './common.contract.js';

/** Saved views (domain §17): named list filters, personal or shared with the workspace. */

export const savedViewEntities = ['customers', 'contacts', 'leads', 'opportunities'] as const;
export const SavedViewEntity = z.enum(savedViewEntities);
export type SavedViewEntity = z.infer<typeof SavedViewEntity>;

const FilterValue = z.union([z.string().max(500), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);
export const SavedViewFilters = z.record(z.string().min(1).max(80), FilterValue)
  .refine((f) => Object.keys(f).length <= 50, { error: 'errors.tooBig' })
  .meta({ example: { valueClass: 'A', 'cf.erp': 'SAP' } });

export const SavedViewDto = z.object({
  id: Uuid,
  entity: SavedViewEntity,
  name: z.string(),
  isShared: z.boolean(),
  filters: z.record(z.string(), z.unknown()),
  columns: z.array(z.string()).nullable(),
  sort: z.string().nullable(),
  ownerId: Uuid,
  ownerName: z.string().nullable(),
  canEdit: z.boolean().describe('the caller created it, or is an administrator and it is shared'),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'SavedView' });
export type SavedViewDto = z.infer<typeof SavedViewDto>;

export const SavedViewListQuery = z.strictObject({ entity: SavedViewEntity });
export const SavedViewList = z.object({ items: z.array(SavedViewDto) });

const Name = z.string().trim().min(1).max(60);
const Columns = z.array(z.string().min(1).max(80)).max(50);
const Sort = z.string().trim().min(1).max(80).meta({ example: 'name:asc' });

export const CreateSavedViewBody = z.strictObject({
  entity: SavedViewEntity,
  name: Name,
  isShared: z.boolean().default(false),
  filters: SavedViewFilters,
  columns: Columns.nullable().optional(),
  sort: Sort.nullable().optional(),
}).meta({ id: 'CreateSavedView' });

export const UpdateSavedViewBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  isShared: z.boolean().optional(),
  filters: SavedViewFilters.optional(),
  columns: Columns.nullable().optional(),
  sort: Sort.nullable().optional(),
}).meta({ id: 'UpdateSavedView' });
