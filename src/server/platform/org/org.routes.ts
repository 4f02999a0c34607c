import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CreateDepartmentBody, CreateTerritoryBody, CreateUserBody, DepartmentDto, RoleInfoDto, roleCodes, TerritoryDto,
  UpdateDepartmentBody, UpdateTerritoryBody, UpdateUserBody, UserDto, UserListQuery, UserPage,
} from '../../../shared/contracts/org.contract.js';
import { permissionsOf, roleDataScope } from '../authz/permissions.js';
import { incompatibleRoles } from '../authz/sod.rules.js';
import { withErrors } from '../http/route-helpers.js';
import { listDepartments, listTerritories } from './org.repository.js';
import {
  createDepartment, createTerritory, createUser, getUser, listUsers, updateDepartment, updateTerritory, updateUser,
} from './org.service.js';

const dept = (d: { id: string; parentId: string | null; name: string; managerId: string | null; version: number }) =>
  ({ id: d.id, parentId: d.parentId, name: d.name, managerId: d.managerId, version: d.version });
const terr = (t: { id: string; parentId: string | null; name: string; version: number }) =>
  ({ id: t.id, parentId: t.parentId, name: t.name, version: t.version });

export const orgRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['org'];
  app.get('/users', {
    schema: { tags, summary: 'List users', querystring: UserListQuery, response: withErrors({ 200: UserPage }) },
    preHandler: app.authorize('user:read'),
  }, async (req) => listUsers(req.ctx, req.query));

  app.post('/users', {
    schema: { tags, summary: 'Create a user (roles checked against incompatible duties)', body: CreateUserBody, response: withErrors({ 201: UserDto }) },
    preHandler: app.authorize('user:manage'),
  }, async (req, reply) => reply.status(201).send(await createUser(req.ctx, req.body)));

  app.get('/users/:id', {
    schema: { tags, summary: 'One user', params: IdParams, response: withErrors({ 200: UserDto }) },
    preHandler: app.authorize('user:read'),
  }, async (req) => getUser(req.ctx, req.params.id));

  app.patch('/users/:id', {
    schema: { tags, summary: 'Change a user', params: IdParams, body: UpdateUserBody, response: withErrors({ 200: UserDto }) },
    preHandler: app.authorize('user:manage'),
  }, async (req) => updateUser(req.ctx, req.params.id, req.body));

  app.get('/departments', {
    schema: { tags, summary: 'Department tree (flat, parent ids)', response: withErrors({ 200: z.object({ items: z.array(DepartmentDto) }) }) },
    preHandler: app.authorize('org:read'),
  }, async (req) => ({ items: (await listDepartments(req.ctx.db, req.ctx.workspace.id)).map(dept) }));

  app.post('/departments', {
    schema: { tags, summary: 'Create a department', body: CreateDepartmentBody, response: withErrors({ 201: DepartmentDto }) },
    preHandler: app.authorize('org:manage'),
  }, async (req, reply) => reply.status(201).send(dept(await createDepartment(req.ctx, req.body))));

  app.patch('/departments/:id', {
    schema: { tags, summary: 'Rename, move or set the manager of a department', params: IdParams, body: UpdateDepartmentBody, response: withErrors({ 200: DepartmentDto }) },
    preHandler: app.authorize('org:manage'),
  }, async (req) => dept(await updateDepartment(req.ctx, req.params.id, req.body)));

  app.get('/territories', {
    schema: { tags, summary: 'Territory tree (flat, parent ids)', response: withErrors({ 200: z.object({ items: z.array(TerritoryDto) }) }) },
    preHandler: app.authorize('org:read'),
  }, async (req) => ({ items: (await listTerritories(req.ctx.db, req.ctx.workspace.id)).map(terr) }));

  app.post('/territories', {
    schema: { tags, summary: 'Create a territory', body: CreateTerritoryBody, response: withErrors({ 201: TerritoryDto }) },
    preHandler: app.authorize('org:manage'),
  }, async (req, reply) => reply.status(201).send(terr(await createTerritory(req.ctx, req.body))));

  app.patch('/territories/:id', {
    schema: { tags, summary: 'Rename or move a territory', params: IdParams, body: UpdateTerritoryBody, response: withErrors({ 200: TerritoryDto }) },
    preHandler: app.authorize('org:manage'),
  }, async (req) => terr(await updateTerritory(req.ctx, req.params.id, req.body)));

  app.get('/roles', {
    schema: { tags, summary: 'Roles with their permissions, data scope and incompatible roles', response: withErrors({ 200: z.object({ items: z.array(RoleInfoDto) }) }) },
    preHandler: app.authorize('role:read'),
  }, async () => ({
    items: roleCodes.map((code) => ({
      code, permissions: permissionsOf([code]), dataScope: roleDataScope[code], incompatibleWith: incompatibleRoles(code, roleCodes),
    })),
  }));
};
