import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateDeferralBody, CreditExecutionReport, DeferralDto, DeferralsOpenReport, DunningLineDto, DunningLogEntryDto, DunningQueue, DunningRunResult, DunningStepCode, LogDunningStepBody,
} from '../../../shared/contracts/dunning.contract';
import { API_BASE, buildUrl, http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type DunningLine = DunningLineDto;
export type DunningStep = DunningStepCode;
export type Deferral = DeferralDto;
export type { CreditExecutionReport, DeferralsOpenReport, DunningLogEntryDto };

export interface DunningFilter { asOf?: string; step?: DunningStep; ownerId?: string; dueOnly?: boolean }

export const dunningKeys = {
  all: ['dunning'] as const,
  queue: (f: DunningFilter) => [...dunningKeys.all, 'queue', f] as const,
  deferrals: () => [...dunningKeys.all, 'deferrals'] as const,
  creditExecution: (month: string) => [...dunningKeys.all, 'credit-execution', month] as const,
  deferralsOpen: (year: number) => [...dunningKeys.all, 'deferrals-open', year] as const,
};

/** The queue page by page (earliest due first); a filtered page may be short: follow nextCursor ("加载更多"). */
export function useDunningQueue(f: DunningFilter) {
  return useCursorList<DunningQueue>(
    dunningKeys.queue(f),
    (cursor, signal) => http.get<DunningQueue>('/dunning', { asOf: f.asOf, step: f.step, ownerId: f.ownerId, dueOnly: f.dueOnly ? 'true' : undefined, limit: 50, cursor }, signal),
  );
}

/** Runs the daily dunning computation now (finance): to-dos for the owners of lines whose next step is due. */
export function useRunDunning() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { asOf?: string }) => http.post<DunningRunResult>('/dunning/run', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dunningKeys.all }),
  });
}

export function useLogDunningStep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ receivableId, ...body }: LogDunningStepBody & { receivableId: string }) => http.post<DunningLogEntryDto>(`/dunning/${receivableId}/steps`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dunningKeys.all }),
  });
}

export function useDeferrals() {
  return useQuery({ queryKey: dunningKeys.deferrals(), queryFn: ({ signal }) => http.get<{ items: Deferral[] }>('/deferrals', undefined, signal) });
}

export function useRequestDeferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDeferralBody) => http.post<Deferral>('/deferrals', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dunningKeys.all }),
  });
}

export function useCreditExecution(month: string) {
  return useQuery({ queryKey: dunningKeys.creditExecution(month), queryFn: ({ signal }) => http.get<CreditExecutionReport>('/reports/credit-execution', { month }, signal) });
}

export function useDeferralsOpen(year: number) {
  return useQuery({ queryKey: dunningKeys.deferralsOpen(year), queryFn: ({ signal }) => http.get<DeferralsOpenReport>('/reports/deferrals-open', { year }, signal) });
}

export const letterUrl = (stepId: string) => `${API_BASE}/dunning/letters/${stepId}.pdf`;
export const creditExecutionXlsxUrl = (month: string) => buildUrl('/reports/credit-execution.xlsx', { month });
export const deferralsOpenXlsxUrl = (year: number) => buildUrl('/reports/deferrals-open.xlsx', { year });
