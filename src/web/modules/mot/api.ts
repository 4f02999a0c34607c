import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdvanceNeedBody, CreateNeedBody, CreateTouchpointBody, MotCustomerOptions, NeedDto, NeedListQuery, NeedPage, SatisfactionDto, SatisfactionQuery,
  TouchpointDto, TouchpointListQuery, TouchpointPage, UpdateNeedBody,
} from '../../../shared/contracts/mot.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type Touchpoint = TouchpointDto;
export type Need = NeedDto;
export type CreateTouchpointInput = z.input<typeof CreateTouchpointBody>;
export type CreateNeedInput = z.input<typeof CreateNeedBody>;
export type UpdateNeedInput = z.input<typeof UpdateNeedBody>;
export type AdvanceNeedInput = z.input<typeof AdvanceNeedBody>;
export type TouchpointFilter = Omit<z.input<typeof TouchpointListQuery>, 'limit' | 'cursor'>;
export type NeedFilter = Omit<z.input<typeof NeedListQuery>, 'limit' | 'cursor'>;
export type SatisfactionFilter = Partial<Omit<z.input<typeof SatisfactionQuery>, 'limit'>>;

export const motKeys = {
  all: ['mot'] as const,
  touchpoints: (filter: TouchpointFilter) => [...motKeys.all, 'touchpoints', filter] as const,
  customerOptions: (q: string) => [...motKeys.all, 'customer-options', q] as const,
  needs: (filter: NeedFilter) => [...motKeys.all, 'needs', filter] as const,
  satisfaction: (filter: SatisfactionFilter) => [...motKeys.all, 'satisfaction', filter] as const,
};

export function useTouchpoints(filter: TouchpointFilter, pageSize = 30) {
  return useCursorList(motKeys.touchpoints(filter), (cursor, signal) =>
    http.get<z.infer<typeof TouchpointPage>>('/touchpoints', { ...filter, cursor, limit: pageSize }, signal));
}

/** Customers the caller may record on (the front desk: any customer), searched by name or pinyin. */
export function useMotCustomerOptions(q: string) {
  return useQuery({
    queryKey: motKeys.customerOptions(q),
    queryFn: ({ signal }) => http.get<z.infer<typeof MotCustomerOptions>>('/touchpoints/customer-options', { q: q || undefined }, signal),
  });
}

/** Needs for the board: every page is loaded (a board column has no "load more"), up to 200 per page. */
export function useNeeds(filter: NeedFilter, options: { enabled?: boolean } = {}) {
  return useCursorList(motKeys.needs(filter), (cursor, signal) =>
    http.get<z.infer<typeof NeedPage>>('/needs', { ...filter, cursor, limit: 200 }, signal), options);
}

export function useSatisfaction(filter: SatisfactionFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: motKeys.satisfaction(filter),
    queryFn: ({ signal }) => http.get<SatisfactionDto>('/needs/satisfaction', filter, signal),
    ...options,
  });
}

function useInvalidateMot() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: motKeys.all });
}

export function useCreateTouchpoint() {
  const invalidate = useInvalidateMot();
  return useMutation({ mutationFn: (input: CreateTouchpointInput) => http.post<Touchpoint>('/touchpoints', input), onSuccess: invalidate });
}

export function useCreateNeed() {
  const invalidate = useInvalidateMot();
  return useMutation({ mutationFn: (input: CreateNeedInput) => http.post<Need>('/needs', input), onSuccess: invalidate });
}

export function useUpdateNeed() {
  const invalidate = useInvalidateMot();
  return useMutation({ mutationFn: ({ id, ...body }: UpdateNeedInput & { id: string }) => http.patch<Need>(`/needs/${id}`, body), onSuccess: invalidate });
}

export function useAdvanceNeed() {
  const invalidate = useInvalidateMot();
  return useMutation({ mutationFn: ({ id, ...body }: AdvanceNeedInput & { id: string }) => http.post<Need>(`/needs/${id}/advance`, body), onSuccess: invalidate });
}
