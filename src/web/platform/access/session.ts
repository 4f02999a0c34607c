import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../../../shared/contracts/auth.contract';
import { isApiError } from '../http/api-error';
import { http } from '../http/http-client';

export const sessionKey = ['session'] as const;

/** `null` means signed out; any other failure is a real error. */
async function fetchSession(signal: AbortSignal): Promise<MeResponse | null> {
  try {
    return await http.get<MeResponse>('/auth/me', undefined, signal);
  } catch (error) {
    if (isApiError(error) && error.code === 'UNAUTHENTICATED') return null;
    throw error;
  }
}

/** The signed-in user with permissions (`GET /auth/me`). */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: ({ signal }) => fetchSession(signal), staleTime: 60_000 });
}

export function markSignedOut(queryClient: QueryClient) {
  queryClient.setQueryData(sessionKey, null);
}
