import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdherenceDto, CheckInDto, CreateCheckInBody, CreateVisitPlanBody, MapConfigDto, NearList, RouteDto, VisitPlanDetailDto, VisitPlanDto,
  VisitPlanItemInput, VisitPlanList, VisitPlanListQuery,
} from '../../../shared/contracts/visit-plans.contract';
import { parseApiError } from '../../platform/http/api-error';
import { API_BASE, http } from '../../platform/http/http-client';
import { currentLanguage } from '../../platform/i18n/i18n';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type VisitPlan = VisitPlanDto;
export type VisitPlanDetail = VisitPlanDetailDto;
export type VisitPlanItem = VisitPlanDetailDto['items'][number];
export type ItemInput = z.input<typeof VisitPlanItemInput>;
export type VisitRoute = RouteDto;
export type NearCustomer = z.infer<typeof NearList>['items'][number];
export type CheckIn = CheckInDto;
export type PlanFilter = Omit<z.input<typeof VisitPlanListQuery>, 'limit' | 'cursor'>;
export type MapConfig = z.infer<typeof MapConfigDto>;
/** A customer of mine with where it is (for the map). */
export interface MappedCustomer { id: string; name: string; valueClass: string; latitude: string | null; longitude: string | null; address: string | null }

export const visitPlanKeys = {
  all: ['visit-plans'] as const,
  list: (filter: PlanFilter) => [...visitPlanKeys.all, 'list', filter] as const,
  detail: (id: string) => [...visitPlanKeys.all, 'detail', id] as const,
  route: (id: string, date: string) => [...visitPlanKeys.all, 'route', id, date] as const,
  near: (lat: number, lng: number, radiusKm: number) => [...visitPlanKeys.all, 'near', lat, lng, radiusKm] as const,
  adherence: (from: string, to: string) => [...visitPlanKeys.all, 'adherence', from, to] as const,
  mapConfig: [...['visit-plans'], 'map-config'] as const,
  myCustomers: [...['visit-plans'], 'my-customers'] as const,
};

/** The first page of plans matching a narrow filter (one owner's week: a handful of rows). */
export function useVisitPlans(filter: PlanFilter) {
  return useQuery({ queryKey: visitPlanKeys.list(filter), queryFn: ({ signal }) => http.get<z.infer<typeof VisitPlanList>>('/visit-plans', { ...filter, limit: 100 }, signal) });
}

/** The plans list, newest period first, page by page ("load more"). */
export function useVisitPlanPages(filter: PlanFilter, pageSize = 20) {
  return useCursorList([...visitPlanKeys.list(filter), 'pages', pageSize], (cursor, signal) =>
    http.get<z.infer<typeof VisitPlanList>>('/visit-plans', { ...filter, cursor, limit: pageSize }, signal));
}

export function useVisitPlan(id: string | undefined) {
  return useQuery({ queryKey: visitPlanKeys.detail(id ?? ''), queryFn: ({ signal }) => http.get<VisitPlanDetail>(`/visit-plans/${id}`, undefined, signal), enabled: Boolean(id) });
}

export function useRoute(id: string | undefined, date: string | undefined) {
  return useQuery({
    queryKey: visitPlanKeys.route(id ?? '', date ?? ''), enabled: Boolean(id && date),
    queryFn: ({ signal }) => http.get<VisitRoute>(`/visit-plans/${id}/route`, { date }, signal),
  });
}

export function useAdherence(from: string, to: string) {
  return useQuery({ queryKey: visitPlanKeys.adherence(from, to), queryFn: ({ signal }) => http.get<AdherenceDto>('/visit-plans/adherence', { from, to }, signal) });
}

export function useMapConfig() {
  return useQuery({ queryKey: visitPlanKeys.mapConfig, queryFn: ({ signal }) => http.get<MapConfig>('/visit-plans/map-config', undefined, signal), staleTime: Infinity });
}

export function useMyMappedCustomers() {
  return useQuery({
    queryKey: visitPlanKeys.myCustomers,
    queryFn: ({ signal }) => http.get<{ items: MappedCustomer[] }>('/customers', { ownerId: 'me', limit: 200 }, signal),
  });
}

export function useCustomersNear(point: { lat: number; lng: number } | null, radiusKm: number) {
  return useQuery({
    queryKey: visitPlanKeys.near(point?.lat ?? 0, point?.lng ?? 0, radiusKm), enabled: point !== null,
    queryFn: ({ signal }) => http.get<z.infer<typeof NearList>>('/customers/near', { lat: point!.lat, lng: point!.lng, radiusKm }, signal),
  });
}

/** Customers matching a search, for the planner's picker. */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: ['customers', 'picker', q],
    queryFn: ({ signal }) => http.get<{ items: MappedCustomer[] }>('/customers', { q: q || undefined, ownerId: q ? undefined : 'me', limit: 30 }, signal),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: visitPlanKeys.all });
}

export function useCreateVisitPlan() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: z.input<typeof CreateVisitPlanBody>) => http.post<VisitPlanDetail>('/visit-plans', input), onSuccess: invalidate });
}

export function usePutItems() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, items }: { id: string; version: number; items: ItemInput[] }) => http.put<VisitPlanDetail>(`/visit-plans/${id}/items`, { version, items }),
    onSuccess: invalidate,
  });
}

export function useSubmitVisitPlan() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => http.post<VisitPlanDetail>(`/visit-plans/${id}/submit`, { version }), onSuccess: invalidate });
}

export function useCheckIn() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: z.input<typeof CreateCheckInBody>) => http.post<CheckIn>('/check-ins', input), onSuccess: invalidate });
}

/** Uploads a photo to the customer's files (multipart: the JSON client cannot), returning the attachment id for the check-in. */
export async function uploadPhoto(customerId: string, file: File): Promise<string> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`${API_BASE}/customers/${customerId}/attachments`, {
    method: 'POST', body: form, credentials: 'include',
    headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'X-Requested-With': 'kairos' },
  });
  const text = await response.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  if (!response.ok) throw parseApiError(response.status, body, `HTTP ${response.status}`);
  return (body as { id: string }).id;
}

/** An item as the PUT body wants it. */
export function toInput(i: VisitPlanItem): ItemInput {
  return {
    customerId: i.customerId, contactId: i.contactId, opportunityId: i.opportunityId, plannedDate: i.plannedDate, halfDay: i.halfDay,
    plannedVisits: i.plannedVisits, purpose: i.purpose, mode: i.mode, isExecutiveBooking: i.isExecutiveBooking,
  };
}
