import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DailyReportDto, MakeUpResult, OverrideDto, ReceptionVisitDto, RegisterVisitBody, RosterDto,
} from '../../../shared/contracts/reception.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type ReceptionVisit = ReceptionVisitDto;
export type RegisterVisitInput = z.input<typeof RegisterVisitBody>;
export type Roster = RosterDto;
export type DailyReport = DailyReportDto;
export type Override = OverrideDto;
export type MakeUpRequestResult = z.infer<typeof MakeUpResult>;
export interface VisitFilter { date?: string; from?: string; to?: string; assigneeId?: 'me' | string }
export interface Period { from: string; to: string }

export const receptionKeys = {
  all: ['reception'] as const,
  visits: (filter: VisitFilter) => [...receptionKeys.all, 'visits', filter] as const,
  roster: (period: Period) => [...receptionKeys.all, 'roster', period] as const,
  daily: (period: Period) => [...receptionKeys.all, 'daily', period] as const,
  overrides: (period: Period) => [...receptionKeys.all, 'overrides', period] as const,
};

export function useVisits(filter: VisitFilter, options: { refetchInterval?: number } = {}) {
  return useCursorList<Page<ReceptionVisit>>(receptionKeys.visits(filter),
    (cursor, signal) => http.get<Page<ReceptionVisit>>('/reception/visits', { ...filter, cursor, limit: 50 }, signal), options);
}

/** Registers a walk-in or call; the answer carries the routing decision and the assignee. */
export function useRegisterVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterVisitInput) => http.post<ReceptionVisit>('/reception/visits', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receptionKeys.all }),
  });
}

function useVisitCommand<TInput, TResult = ReceptionVisit>(path: (id: string) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TInput & { id: string }) => http.post<TResult>(path(id), body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: receptionKeys.all });
      await queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export const useReassignVisit = () => useVisitCommand<{ toUserId: string; reason: string }>((id) => `/reception/visits/${id}/reassign`);
export const useMarkMarketSurvey = () => useVisitCommand<{ note: string }>((id) => `/reception/visits/${id}/market-survey`);
export const useRequestMakeUp = () => useVisitCommand<{ reason: string }, MakeUpRequestResult>((id) => `/reception/visits/${id}/make-up`);

export function useRoster(period: Period) {
  return useQuery({ queryKey: receptionKeys.roster(period), queryFn: ({ signal }) => http.get<Roster>('/reception/roster', { ...period }, signal) });
}

export function useSaveRoster() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, days }: { period: Period; days: { date: string; userIds: string[] }[] }) =>
      http.put<Roster>(`/reception/roster?from=${period.from}&to=${period.to}`, { days }),
    onSuccess: (roster, { period }) => queryClient.setQueryData(receptionKeys.roster(period), roster),
  });
}

export function useDailyReport(period: Period) {
  return useQuery({ queryKey: receptionKeys.daily(period), queryFn: ({ signal }) => http.get<DailyReport>('/reception/daily', { ...period }, signal) });
}

/** The report as an .xlsx download (a plain GET with the session cookie; the export is audited). */
export const dailyExportUrl = (period: Period) => buildUrl('/reception/daily.xlsx', { ...period });

export function useOverrides(period: Period) {
  return useCursorList<Page<Override>>(receptionKeys.overrides(period),
    (cursor, signal) => http.get<Page<Override>>('/reception/overrides', { ...period, cursor, limit: 50 }, signal));
}
