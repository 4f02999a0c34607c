import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  BidViewDto, CloseOpportunityBody, CreateOpportunityBody, CreatePipelineBody, InitiationReportViewDto, KanbanDto, KeyNodeBody, LossReasonList,
  MoveOpportunityBody, NoBidBody, NoBidResultDto, OpportunityDetailDto, OpportunityDto, OpportunityListQuery, OpportunityPage, PipelineDto,
  PipelineStageDto, SaveBidBody, SaveInitiationReportBody, SetOpportunityContactsBody, StageHistoryDto, SubmitDocumentBody, UpdateOpportunityBody,
  UpdatePipelineBody,
} from '../../../shared/contracts/opportunities.contract';
import type { ContactPage } from '../../../shared/contracts/customers.contract';
import { http } from '../../platform/http/http-client';
import { isApiError } from '../../platform/http/api-error';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type Opportunity = OpportunityDto;
export type OpportunityDetail = OpportunityDetailDto;
export type Pipeline = PipelineDto;
export type PipelineStage = PipelineStageDto;
export type Kanban = KanbanDto;
export type KanbanColumn = Kanban['columns'][number];
export type StageHistory = z.infer<typeof StageHistoryDto>;
export type InitiationReport = InitiationReportViewDto;
export type Bid = BidViewDto;
export type LossReason = z.infer<typeof LossReasonList>['items'][number];
export type CreateOpportunityInput = z.input<typeof CreateOpportunityBody>;
export type UpdateOpportunityInput = z.input<typeof UpdateOpportunityBody>;
export type MoveInput = z.input<typeof MoveOpportunityBody>;
export type CloseInput = z.input<typeof CloseOpportunityBody>;
export type CreatePipelineInput = z.input<typeof CreatePipelineBody>;
export type UpdatePipelineInput = z.input<typeof UpdatePipelineBody>;
export type InitiationReportInput = z.input<typeof SaveInitiationReportBody>;
export type BidInput = z.input<typeof SaveBidBody>;
export type SubmitInput = z.input<typeof SubmitDocumentBody>;
export type KeyNodeInput = z.input<typeof KeyNodeBody>;
export type SetContactsInput = z.input<typeof SetOpportunityContactsBody>;
export type NoBidInput = z.input<typeof NoBidBody>;
/** The list filters of `GET /opportunities` (cursor and limit are the list's business). */
export type OpportunityFilter = Omit<z.input<typeof OpportunityListQuery>, 'limit' | 'cursor'>;
export type KanbanFilter = { pipelineId: string; ownerId?: string; departmentId?: string };

type Page = z.infer<typeof OpportunityPage>;

export const opportunityKeys = {
  all: ['opportunities'] as const,
  pipelines: (includeInactive = false) => [...opportunityKeys.all, 'pipelines', includeInactive] as const,
  lossReasons: () => [...opportunityKeys.all, 'loss-reasons'] as const,
  lists: () => [...opportunityKeys.all, 'list'] as const,
  list: (filter: OpportunityFilter) => [...opportunityKeys.lists(), filter] as const,
  kanban: (filter: KanbanFilter) => [...opportunityKeys.all, 'kanban', filter] as const,
  detail: (id: string) => [...opportunityKeys.all, 'detail', id] as const,
  history: (id: string) => [...opportunityKeys.detail(id), 'history'] as const,
  initiationReport: (id: string) => [...opportunityKeys.detail(id), 'initiation-report'] as const,
  bid: (id: string) => [...opportunityKeys.detail(id), 'bid'] as const,
};

/** Cards per kanban column asked of the server; the board shows fewer at first and the rest on "show more". */
export const KANBAN_CARDS_PER_COLUMN = 50;

/** Pipelines I may use (active, department restriction applied); administrators may include inactive ones. */
export function usePipelines(options: { includeInactive?: boolean } = {}) {
  const includeInactive = options.includeInactive ?? false;
  return useQuery({
    queryKey: opportunityKeys.pipelines(includeInactive),
    queryFn: ({ signal }) => http.get<{ items: Pipeline[] }>('/pipelines', includeInactive ? { includeInactive: 'true' } : undefined, signal),
    staleTime: 60_000,
  });
}

export function useLossReasons() {
  return useQuery({
    queryKey: opportunityKeys.lossReasons(),
    queryFn: ({ signal }) => http.get<z.infer<typeof LossReasonList>>('/opportunities/loss-reasons', undefined, signal),
    staleTime: 300_000,
  });
}

export function useOpportunities(filter: OpportunityFilter, options: { enabled?: boolean } = {}) {
  return useCursorList(opportunityKeys.list(filter), (cursor, signal) =>
    http.get<Page>('/opportunities', { ...filter, cursor, limit: 50 }, signal), options);
}

export function useKanban(filter: KanbanFilter | null) {
  return useQuery({
    queryKey: opportunityKeys.kanban(filter ?? { pipelineId: '' }),
    queryFn: ({ signal }) => http.get<Kanban>('/opportunities/kanban', { ...filter, cardsPerColumn: KANBAN_CARDS_PER_COLUMN }, signal),
    enabled: filter !== null && filter.pipelineId !== '',
  });
}

/** A customer's contacts for the pickers here (the customers module's hook has no "not yet chosen" state). */
export function useCustomerContacts(customerId: string | undefined) {
  return useQuery({
    queryKey: ['customers', 'detail', customerId ?? '', 'contacts', 'picker'],
    queryFn: ({ signal }) => http.get<z.infer<typeof ContactPage>>(`/customers/${customerId}/contacts`, { limit: 200 }, signal),
    enabled: Boolean(customerId),
  });
}

export function useOpportunity(id: string) {
  return useQuery({ queryKey: opportunityKeys.detail(id), queryFn: ({ signal }) => http.get<OpportunityDetail>(`/opportunities/${id}`, undefined, signal) });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: opportunityKeys.history(id),
    queryFn: ({ signal }) => http.get<{ items: StageHistory[] }>(`/opportunities/${id}/history`, undefined, signal),
  });
}

/** A document that does not exist yet (404) reads as `null`: the form starts empty. */
async function orNull<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useInitiationReport(id: string) {
  return useQuery({
    queryKey: opportunityKeys.initiationReport(id),
    queryFn: ({ signal }) => orNull(http.get<InitiationReport | null>(`/opportunities/${id}/initiation-report`, undefined, signal)),
  });
}

export function useBid(id: string) {
  return useQuery({
    queryKey: opportunityKeys.bid(id),
    queryFn: ({ signal }) => orNull(http.get<Bid | null>(`/opportunities/${id}/bid`, undefined, signal)),
  });
}

/** After any command on an opportunity: its detail, its tabs, the lists and the boards may have changed. */
function useInvalidateOpportunities() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: opportunityKeys.all });
}

export function useCreateOpportunity() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({ mutationFn: (input: CreateOpportunityInput) => http.post<OpportunityDetail>('/opportunities', input), onSuccess: invalidate });
}

export function useUpdateOpportunity(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({ mutationFn: (input: UpdateOpportunityInput) => http.patch<OpportunityDetail>(`/opportunities/${id}`, input), onSuccess: invalidate });
}

/** Stage moves go through `/move` only (gates are checked there). */
export function useMoveOpportunity() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveInput & { id: string }) => http.post<OpportunityDetail>(`/opportunities/${id}/move`, body),
    onSettled: invalidate,
  });
}

export function useCloseOpportunity(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({ mutationFn: (input: CloseInput) => http.post<OpportunityDetail>(`/opportunities/${id}/close`, input), onSuccess: invalidate });
}

export function useTickKeyNode(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: ({ stageId, ...body }: KeyNodeInput & { stageId: string }) =>
      http.post<OpportunityDetail>(`/opportunities/${id}/key-nodes/${stageId}`, body),
    onSuccess: invalidate,
  });
}

export function useSetContacts(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: SetContactsInput) => http.put<OpportunityDetail>(`/opportunities/${id}/contacts`, body),
    onSuccess: invalidate,
  });
}

export function useSaveInitiationReport(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: InitiationReportInput) => http.put<InitiationReport>(`/opportunities/${id}/initiation-report`, body),
    onSuccess: invalidate,
  });
}

export function useSubmitInitiationReport(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: SubmitInput) => http.post<InitiationReport>(`/opportunities/${id}/initiation-report/submit`, body),
    onSuccess: invalidate,
  });
}

export function useSaveBid(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: BidInput) => http.put<Bid>(`/opportunities/${id}/bid`, body),
    onSuccess: invalidate,
  });
}

export function useSubmitBid(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: SubmitInput) => http.post<Bid>(`/opportunities/${id}/bid/submit`, body),
    onSuccess: invalidate,
  });
}

export function useNoBid(id: string) {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (body: NoBidInput) => http.post<z.infer<typeof NoBidResultDto>>(`/opportunities/${id}/no-bid`, body),
    onSuccess: invalidate,
  });
}

export function useSavePipeline() {
  const invalidate = useInvalidateOpportunities();
  return useMutation({
    mutationFn: (input: { id: null; body: CreatePipelineInput } | { id: string; body: UpdatePipelineInput }) =>
      (input.id ? http.patch<Pipeline>(`/pipelines/${input.id}`, input.body) : http.post<Pipeline>('/pipelines', input.body)),
    onSuccess: invalidate,
  });
}
