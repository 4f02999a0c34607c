import { z } from 'zod';
import { InstantString, ListQuery, pageOf, Uuid, Version } from './common.contract.js';

/** Role codes of domain §0. */
export const roleCodes = [
  'gm', 'sales_vp', 'sales_manager', 'sales_supervisor', 'sales_rep',
  'cs_manager', 'cs_specialist', 'finance', 'warehouse', 'receptionist', 'admin',
] as const;
export const RoleCode = z.enum(roleCodes);
export type RoleCode = z.infer<typeof RoleCode>;

export const dataScopes = ['none', 'own', 'own_subordinates', 'department', 'department_tree', 'all'] as const;
export const DataScope = z.enum(dataScopes);
export type DataScope = z.infer<typeof DataScope>;

const Name = z.string().trim().min(1).max(100);
const Login = z.string().trim().min(2).max(64).regex(/^[a-zA-Z0-9._@-]+$/, { error: 'errors.loginChars' });

export const UserDto = z.object({
  id: Uuid,
  workspaceId: Uuid,
  username: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  roles: z.array(RoleCode),
  departmentId: Uuid.nullable(),
  territoryIds: z.array(Uuid),
  isActive: z.boolean(),
  locale: z.string(),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'User' });
export type UserDto = z.infer<typeof UserDto>;

export const CreateUserBody = z.strictObject({
  username: Login,
  email: z.email().max(200).optional(),
  name: Name,
  password: z.string().min(8).max(200),
  roles: z.array(RoleCode).min(1).max(11),
  departmentId: Uuid.nullable().optional(),
  territoryIds: z.array(Uuid).max(50).default([]),
  locale: z.enum(['zh-CN', 'en-US']).default('zh-CN'),
});
export const UpdateUserBody = z.strictObject({
  version: Version,
  email: z.email().max(200).nullable().optional(),
  name: Name.optional(),
  roles: z.array(RoleCode).min(1).max(11).optional(),
  departmentId: Uuid.nullable().optional(),
  territoryIds: z.array(Uuid).max(50).optional(),
  isActive: z.boolean().optional(),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
  password: z.string().min(8).max(200).optional(),
});
export const UserListQuery = ListQuery.extend({
  departmentId: Uuid.optional(),
  role: RoleCode.optional(),
  isActive: z.enum(['true', 'false']).optional(),
});
export const UserPage = pageOf(UserDto);

export const DepartmentDto = z.object({
  id: Uuid,
  parentId: Uuid.nullable(),
  name: z.string(),
  managerId: Uuid.nullable(),
  version: z.int(),
}).meta({ id: 'Department' });
export const CreateDepartmentBody = z.strictObject({
  name: Name,
  parentId: Uuid.nullable().optional(),
  managerId: Uuid.nullable().optional(),
});
export const UpdateDepartmentBody = z.strictObject({
  version: Version,
  name: Name.optional(),
  parentId: Uuid.nullable().optional(),
  managerId: Uuid.nullable().optional(),
});

export const TerritoryDto = z.object({
  id: Uuid,
  parentId: Uuid.nullable(),
  name: z.string(),
  version: z.int(),
}).meta({ id: 'Territory' });
export const CreateTerritoryBody = z.strictObject({ name: Name, parentId: Uuid.nullable().optional() });
export const UpdateTerritoryBody = z.strictObject({ version: Version, name: Name.optional(), parentId: Uuid.nullable().optional() });

export const RoleInfoDto = z.object({
  code: RoleCode,
  permissions: z.array(z.string()),
  dataScope: DataScope,
  incompatibleWith: z.array(RoleCode),
}).meta({ id: 'RoleInfo' });
