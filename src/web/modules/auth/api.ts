import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApiTokenDto, ChangePasswordBody, CreatedToken, LoginBody, LoginResponse,
} from '../../../shared/contracts/auth.contract';
import { markSignedOut, sessionKey } from '../../platform/access/session';
import { http } from '../../platform/http/http-client';

export type LoginInput = z.input<typeof LoginBody>;
export type ChangePasswordInput = z.input<typeof ChangePasswordBody>;
export type ApiToken = z.infer<typeof ApiTokenDto>;
export type NewApiToken = z.infer<typeof CreatedToken>;

export const authKeys = {
  tokens: ['auth', 'tokens'] as const,
};

/** Signs in, then loads the session (permissions) before anything else renders. */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => http.post<z.infer<typeof LoginResponse>>('/auth/login', input),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
      await queryClient.refetchQueries({ queryKey: sessionKey });
    },
  });
}

/** Signs out and forgets every cached answer of the previous user. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => http.post<void>('/auth/logout'),
    onSettled: () => {
      queryClient.clear();
      markSignedOut(queryClient);
    },
  });
}

export function useChangePassword() {
  return useMutation({ mutationFn: (input: ChangePasswordInput) => http.post<void>('/auth/password', input) });
}

export function useApiTokens() {
  return useQuery({ queryKey: authKeys.tokens, queryFn: ({ signal }) => http.get<{ items: ApiToken[] }>('/auth/tokens', undefined, signal) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => http.post<NewApiToken>('/auth/tokens', { name }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<void>(`/auth/tokens/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.tokens }),
  });
}
