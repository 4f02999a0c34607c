import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ConvertLeadBody, ConvertLeadResult, ConvertPreviewDto, CreateLeadBody, DisqualifyLeadBody, LeadCountsDto, LeadDetailDto, LeadDto, LeadListQuery, LeadPage,
  LeadPoolQuery, UpdateLeadBody,
} from '../../../shared/contracts/leads.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type Lead = LeadDto;
export type LeadDetail = LeadDetailDto;
export type CreateLeadInput = z.input<typeof CreateLeadBody>;
export type UpdateLeadInput = z.input<typeof UpdateLeadBody>;
export type ConvertLeadInput = z.input<typeof ConvertLeadBody>;
export type ConvertResult = z.infer<typeof ConvertLeadResult>;
export type ConvertPreview = z.infer<typeof ConvertPreviewDto>;
/** The list filters of `GET /leads` (cursor and limit are the list's business). */
export type LeadFilter = Omit<z.input<typeof LeadListQuery>, 'limit' | 'cursor'>;
export type LeadPoolFilter = Omit<z.input<typeof LeadPoolQuery>, 'limit' | 'cursor'>;

export const leadKeys = {
  all: ['leads'] as const,
  list: (filter: LeadFilter) => [...leadKeys.all, 'list', filter] as const,
  counts: (filter: LeadFilter) => [...leadKeys.all, 'counts', filter] as const,
  pool: (filter: LeadPoolFilter) => [...leadKeys.all, 'pool', filter] as const,
  detail: (id: string) => [...leadKeys.all, 'detail', id] as const,
  preview: (id: string, name: string, creditCode: string) => [...leadKeys.detail(id), 'convert-preview', name, creditCode] as const,
};

export function useLeads(filter: LeadFilter) {
  return useCursorList(leadKeys.list(filter), (cursor, signal) =>
    http.get<z.infer<typeof LeadPage>>('/leads', { ...filter, cursor, limit: 50 }, signal));
}

/** Counts by status under the same filters and scope as the list (the status filter itself left out). */
export function useLeadCounts(filter: LeadFilter) {
  const { status: _status, ...rest } = filter;
  return useQuery({ queryKey: leadKeys.counts(rest), queryFn: ({ signal }) => http.get<z.infer<typeof LeadCountsDto>>('/leads/counts', rest, signal) });
}

export function useLeadPool(filter: LeadPoolFilter) {
  return useCursorList(leadKeys.pool(filter), (cursor, signal) =>
    http.get<z.infer<typeof LeadPage>>('/leads/pool', { ...filter, cursor, limit: 50 }, signal));
}

export function useLead(id: string) {
  return useQuery({ queryKey: leadKeys.detail(id), queryFn: ({ signal }) => http.get<LeadDetail>(`/leads/${id}`, undefined, signal) });
}

/** The customer a conversion would match (duplicate check), for the convert dialog. */
export function useConvertPreview(id: string, name: string, creditCode: string, enabled: boolean) {
  return useQuery({
    queryKey: leadKeys.preview(id, name, creditCode),
    queryFn: ({ signal }) => http.get<ConvertPreview>(`/leads/${id}/convert-preview`, { name: name || undefined, creditCode: creditCode || undefined }, signal),
    enabled,
  });
}

/** After any command on a lead: its detail and every list may have changed (conversion adds customers too). */
function useInvalidateLeads() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: leadKeys.all }), queryClient.invalidateQueries({ queryKey: ['customers'] })]);
}

export function useCreateLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({ mutationFn: (input: CreateLeadInput) => http.post<Lead>('/leads', input), onSuccess: invalidate });
}

export function useUpdateLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateLeadInput & { id: string }) => http.patch<Lead>(`/leads/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDisqualifyLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof DisqualifyLeadBody> & { id: string }) => http.post<Lead>(`/leads/${id}/disqualify`, body),
    onSuccess: invalidate,
  });
}

export function useConvertLead() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: ({ id, ...body }: ConvertLeadInput & { id: string }) => http.post<ConvertResult>(`/leads/${id}/convert`, body),
    onSuccess: invalidate,
  });
}

/** Claim and release: one POST each, the lead comes back. */
export function useLeadPoolCommand() {
  const invalidate = useInvalidateLeads();
  return useMutation({
    mutationFn: ({ id, command, reason }: { id: string; command: 'claim' | 'release'; reason?: string }) =>
      http.post<Lead>(`/leads/${id}/${command}`, command === 'release' && reason ? { reason } : {}),
    onSuccess: invalidate,
  });
}
