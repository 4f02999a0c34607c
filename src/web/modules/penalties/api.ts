import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PenaltyLineDto, PenaltyPersonDto, PenaltyRunDto, PenaltyStatementDto } from '../../../shared/contracts/penalties.contract';
import { buildUrl, http } from '../../platform/http/http-client';

export type PenaltyStatement = PenaltyStatementDto;
export type PenaltyPerson = PenaltyPersonDto;
export type PenaltyLine = PenaltyLineDto;

export const penaltyKeys = {
  all: ['penalties'] as const,
  month: (month: string, userId?: string) => [...penaltyKeys.all, month, userId ?? null] as const,
};

/** The month's per-person statement; with `userId`, that person's lines and their working. */
export function usePenalties(month: string, userId?: string, enabled = true) {
  return useQuery({
    queryKey: penaltyKeys.month(month, userId), enabled,
    queryFn: ({ signal }) => http.get<PenaltyStatement>('/penalties', { month, userId }, signal),
  });
}

export function useRunPenalties() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => http.post<PenaltyRunDto>('/penalties/run', { month }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: penaltyKeys.all }),
  });
}

export const penaltyStatementXlsxUrl = (month: string) => buildUrl('/penalties/statement.xlsx', { month });
