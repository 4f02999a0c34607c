import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreditChangeRequestDto, CreditDto, CreditHistoryItemDto, CreditHistoryPage, CreditProfileListItemDto, ProposeCreditChangeBody,
} from '../../../shared/contracts/credit.contract';
import type {
  CalculateLimitBody, CalculateLimitResult, CreateInvestigationBody, CreateRatingBody, CreditInvestigationDto, CreditRatingDto, DowngradeTriggerDto,
  RecordTriggerBody, ReviewInvestigationBody,
} from '../../../shared/contracts/credit-ratings.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Credit = CreditDto;
export type CreditChangeRequest = CreditChangeRequestDto;
export type CreditHistoryItem = CreditHistoryItemDto;
export type CreditProfileRow = CreditProfileListItemDto;
export type CreditGrade = NonNullable<CreditDto['grade']>;

/** The finance list's filters; `status` maps to the API's boolean filters. */
export interface CreditFilter {
  q?: string;
  grade?: CreditGrade;
  status?: 'overLimit' | 'noProfile' | 'pending';
  ownerId?: string;
  orgNodeId?: string;
}

export const creditKeys = {
  all: ['credit'] as const,
  customer: (customerId: string) => [...creditKeys.all, 'customer', customerId] as const,
  history: (customerId: string) => [...creditKeys.all, 'customer', customerId, 'history'] as const,
  list: (filter: CreditFilter) => [...creditKeys.all, 'list', filter] as const,
};

function listQuery(filter: CreditFilter) {
  return {
    q: filter.q || undefined, grade: filter.grade, ownerId: filter.ownerId, orgNodeId: filter.orgNodeId,
    overLimit: filter.status === 'overLimit' ? 'true' : undefined,
    hasProfile: filter.status === 'noProfile' ? 'false' : undefined,
    pending: filter.status === 'pending' ? 'true' : undefined,
  };
}

export function useCredit(customerId: string) {
  return useQuery({ queryKey: creditKeys.customer(customerId), queryFn: ({ signal }) => http.get<Credit>(`/customers/${customerId}/credit`, undefined, signal) });
}

/** Applied changes page by page; `requests` (not applied) come with the first page. */
export function useCreditHistory(customerId: string) {
  const query = useInfiniteQuery({
    queryKey: creditKeys.history(customerId),
    queryFn: ({ pageParam, signal }) => http.get<CreditHistoryPage>(`/customers/${customerId}/credit/history`, { cursor: pageParam, limit: 20 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [], requests: query.data?.pages[0]?.requests ?? [] };
}

export function useProposeCreditChange(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProposeCreditChangeBody) => http.post<Credit>(`/customers/${customerId}/credit/change-requests`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: creditKeys.all }),
  });
}

export function useCreditProfiles(filter: CreditFilter) {
  return useCursorList<Page<CreditProfileRow>>(creditKeys.list(filter),
    (cursor, signal) => http.get<Page<CreditProfileRow>>('/credit-profiles', { ...listQuery(filter), cursor, limit: 50 }, signal));
}

export const creditExportUrl = (filter: CreditFilter) => buildUrl('/credit-profiles.xlsx', listQuery(filter));

// ── investigations, ratings, triggers, calculators (domain §10) ──────────────────────────────

export type CreditInvestigation = CreditInvestigationDto;
export type CreditRating = CreditRatingDto;
export type DowngradeTrigger = DowngradeTriggerDto;
export type LimitCalculation = CalculateLimitResult;

export const creditRatingKeys = {
  investigations: (customerId: string) => [...creditKeys.all, 'customer', customerId, 'investigations'] as const,
  ratings: (customerId: string) => [...creditKeys.all, 'customer', customerId, 'ratings'] as const,
  triggers: (customerId: string) => [...creditKeys.all, 'customer', customerId, 'triggers'] as const,
};

export function useInvestigations(customerId: string, enabled = true) {
  return useQuery({
    queryKey: creditRatingKeys.investigations(customerId), enabled,
    queryFn: ({ signal }) => http.get<{ items: CreditInvestigation[] }>(`/customers/${customerId}/credit-investigations`, undefined, signal),
  });
}
export function useRatings(customerId: string, enabled = true) {
  return useQuery({
    queryKey: creditRatingKeys.ratings(customerId), enabled,
    queryFn: ({ signal }) => http.get<{ items: CreditRating[] }>(`/customers/${customerId}/credit-ratings`, undefined, signal),
  });
}
export function useTriggers(customerId: string, enabled = true) {
  return useQuery({
    queryKey: creditRatingKeys.triggers(customerId), enabled,
    queryFn: ({ signal }) => http.get<{ items: DowngradeTrigger[] }>(`/customers/${customerId}/credit-triggers`, undefined, signal),
  });
}

function useInvalidateCredit() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: creditKeys.all });
}

export function useSaveInvestigation(customerId: string) {
  const invalidate = useInvalidateCredit();
  return useMutation({
    mutationFn: (p: { id?: string; version?: number; body: CreateInvestigationBody }) => (p.id
      ? http.patch<CreditInvestigation>(`/credit-investigations/${p.id}`, { ...p.body, version: p.version })
      : http.post<CreditInvestigation>(`/customers/${customerId}/credit-investigations`, p.body)),
    onSuccess: invalidate,
  });
}
export function useSubmitInvestigation() {
  const invalidate = useInvalidateCredit();
  return useMutation({ mutationFn: (p: { id: string; version: number }) => http.post<CreditInvestigation>(`/credit-investigations/${p.id}/submit`, { version: p.version }), onSuccess: invalidate });
}
export function useReviewInvestigation() {
  const invalidate = useInvalidateCredit();
  return useMutation({
    mutationFn: (p: { id: string } & ReviewInvestigationBody) => http.post<CreditInvestigation>(`/credit-investigations/${p.id}/review`, { version: p.version, evaluation: p.evaluation, suggestedGrade: p.suggestedGrade }),
    onSuccess: invalidate,
  });
}
export function useRateCustomer() {
  const invalidate = useInvalidateCredit();
  return useMutation({ mutationFn: (body: CreateRatingBody) => http.post<CreditRating>('/credit-ratings', body), onSuccess: invalidate });
}
export function useRecordTrigger(customerId: string) {
  const invalidate = useInvalidateCredit();
  return useMutation({ mutationFn: (body: RecordTriggerBody) => http.post<DowngradeTrigger>(`/customers/${customerId}/credit-triggers`, body), onSuccess: invalidate });
}
export function useCalculateLimit() {
  return useMutation({ mutationFn: (body: CalculateLimitBody) => http.post<LimitCalculation>('/credit-limits/calculate', body) });
}
