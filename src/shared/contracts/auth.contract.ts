import { z } from 'zod';
import { InstantString, Uuid } from './common.contract.js';
import { DataScope, RoleCode } from './org.contract.js';

export const LoginBody = z.strictObject({
  login: z.string().trim().min(1).max(200).describe('username or email'),
  password: z.string().min(1).max(200),
});

export const SessionUser = z.object({
  id: Uuid,
  name: z.string(),
  username: z.string(),
  roles: z.array(RoleCode),
  workspaceId: Uuid,
  workspaceName: z.string(),
  departmentId: Uuid.nullable(),
  locale: z.string(),
}).meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginResponse = z.object({ user: SessionUser });
export const MeResponse = z.object({ user: SessionUser, permissions: z.array(z.string()), dataScope: DataScope });
export type MeResponse = z.infer<typeof MeResponse>;

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(8).max(200),
});

export const CreateTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const CreatedToken = z.object({ id: Uuid, name: z.string(), token: z.string().describe('shown once') });
export const ApiTokenDto = z.object({
  id: Uuid, name: z.string(), prefix: z.string(),
  createdAt: InstantString, lastUsedAt: InstantString.nullable(), revokedAt: InstantString.nullable(),
}).meta({ id: 'ApiToken' });
