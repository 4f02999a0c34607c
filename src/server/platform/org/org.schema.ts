import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { businessColumns, instant } from '../db/columns.js';

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('Asia/Shanghai'),
  version: businessColumns().version,
  createdAt: businessColumns().createdAt,
  updatedAt: businessColumns().updatedAt,
});

/** Org tree (部门/小组). `path` is the chain of ids from the root, `/a/b/c/`, for sub-tree scope. */
export const departments = pgTable('departments', {
  ...businessColumns(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  managerId: uuid('manager_id'),
  path: text('path').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
  index('departments_path_idx').on(t.workspaceId, t.path.op('text_pattern_ops')),
  index('departments_manager_idx').on(t.workspaceId, t.managerId),
]);

export const territories = pgTable('territories', {
  ...businessColumns(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  path: text('path').notNull(),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.parentId], foreignColumns: [t.workspaceId, t.id] }),
  index('territories_path_idx').on(t.workspaceId, t.path.op('text_pattern_ops')),
]);

export const users = pgTable('users', {
  ...businessColumns(),
  username: text('username').notNull(),
  email: text('email'),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
  departmentId: uuid('department_id'),
  territoryIds: uuid('territory_ids').array().notNull().default(sql`'{}'::uuid[]`),
  isActive: boolean('is_active').notNull().default(true),
  locale: text('locale').notNull().default('zh-CN'),
  passwordChangedAt: instant('password_changed_at'),
}, (t) => [
  primaryKey({ columns: [t.workspaceId, t.id] }),
  foreignKey({ columns: [t.workspaceId], foreignColumns: [workspaces.id] }),
  foreignKey({ columns: [t.workspaceId, t.departmentId], foreignColumns: [departments.workspaceId, departments.id] }),
  // Logins are global so that `POST /auth/login` needs no workspace.
  uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
  uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
  index('users_department_idx').on(t.workspaceId, t.departmentId),
  index('users_roles_idx').using('gin', t.roles),
  index('users_name_idx').on(t.workspaceId, t.name),
]);
