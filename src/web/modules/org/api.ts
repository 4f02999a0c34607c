import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateDepartmentBody, CreateTerritoryBody, CreateUserBody, DepartmentDto, RoleInfoDto, TerritoryDto,
  UpdateDepartmentBody, UpdateTerritoryBody, UpdateUserBody, UserDto, UserListQuery, UserPage,
} from '../../../shared/contracts/org.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type User = UserDto;
export type UserFilter = Pick<z.input<typeof UserListQuery>, 'q' | 'departmentId' | 'role' | 'isActive'>;
export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;
export type Department = z.infer<typeof DepartmentDto>;
export type CreateDepartmentInput = z.input<typeof CreateDepartmentBody>;
export type UpdateDepartmentInput = z.input<typeof UpdateDepartmentBody>;
export type Territory = z.infer<typeof TerritoryDto>;
export type CreateTerritoryInput = z.input<typeof CreateTerritoryBody>;
export type UpdateTerritoryInput = z.input<typeof UpdateTerritoryBody>;
export type RoleInfo = z.infer<typeof RoleInfoDto>;

export const orgKeys = {
  all: ['org'] as const,
  users: () => [...orgKeys.all, 'users'] as const,
  userList: (filter: UserFilter) => [...orgKeys.users(), 'list', filter] as const,
  userPicker: () => [...orgKeys.users(), 'picker'] as const,
  departments: () => [...orgKeys.all, 'departments'] as const,
  territories: () => [...orgKeys.all, 'territories'] as const,
  roles: () => [...orgKeys.all, 'roles'] as const,
};

type Page = z.infer<typeof UserPage>;

export function useUsers(filter: UserFilter) {
  return useCursorList(orgKeys.userList(filter), (cursor, signal) => http.get<Page>('/users', { ...filter, cursor, limit: 50 }, signal));
}

/** Users for pickers and name look-ups (first 200, active and inactive). */
export function useUserPicker() {
  return useQuery({ queryKey: orgKeys.userPicker(), queryFn: ({ signal }) => http.get<Page>('/users', { limit: 200 }, signal), staleTime: 60_000 });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => http.post<User>('/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.users() }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserInput & { id: string }) => http.patch<User>(`/users/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.users() }),
  });
}

export function useDepartments() {
  return useQuery({ queryKey: orgKeys.departments(), queryFn: ({ signal }) => http.get<{ items: Department[] }>('/departments', undefined, signal) });
}

export function useSaveDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateDepartmentInput } | { id: null; body: CreateDepartmentInput }) =>
      (input.id ? http.patch<Department>(`/departments/${input.id}`, input.body) : http.post<Department>('/departments', input.body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.departments() }),
  });
}

export function useTerritories() {
  return useQuery({ queryKey: orgKeys.territories(), queryFn: ({ signal }) => http.get<{ items: Territory[] }>('/territories', undefined, signal) });
}

export function useSaveTerritory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateTerritoryInput } | { id: null; body: CreateTerritoryInput }) =>
      (input.id ? http.patch<Territory>(`/territories/${input.id}`, input.body) : http.post<Territory>('/territories', input.body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.territories() }),
  });
}

export function useRoles(enabled = true) {
  return useQuery({ queryKey: orgKeys.roles(), queryFn: ({ signal }) => http.get<{ items: RoleInfo[] }>('/roles', undefined, signal), staleTime: 5 * 60_000, enabled });
}
