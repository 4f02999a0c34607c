import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ApprovalDto, ApprovalListQuery, ApprovalPage } from '../../../shared/contracts/approvals.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type Approval = ApprovalDto;
export type ApprovalStep = ApprovalDto['steps'][number];
export type ApprovalFilter = Pick<z.input<typeof ApprovalListQuery>, 'status' | 'assignee' | 'requester' | 'documentType'>;
export type Decision = 'approve' | 'reject' | 'return';

export const TODO_FILTER: ApprovalFilter = { status: 'pending', assignee: 'me' };
const TODO_COUNT_LIMIT = 200;

export const approvalKeys = {
  all: ['approvals'] as const,
  lists: () => [...approvalKeys.all, 'list'] as const,
  list: (filter: ApprovalFilter) => [...approvalKeys.lists(), filter] as const,
  todoCount: () => [...approvalKeys.all, 'todo-count'] as const,
  detail: (id: string) => [...approvalKeys.all, 'detail', id] as const,
};

type Page = z.infer<typeof ApprovalPage>;

export function useApprovals(filter: ApprovalFilter) {
  return useCursorList(approvalKeys.list(filter), (cursor, signal) => http.get<Page>('/approvals', { ...filter, cursor, limit: 50 }, signal));
}

/** How many approvals wait on me; the API has no count, so one page of 200 is read (`200+` beyond). */
export function useTodoCount() {
  return useQuery({
    queryKey: approvalKeys.todoCount(),
    queryFn: async ({ signal }) => {
      const page = await http.get<Page>('/approvals', { ...TODO_FILTER, limit: TODO_COUNT_LIMIT }, signal);
      return { count: page.items.length, hasMore: page.nextCursor !== null };
    },
    refetchInterval: 60_000,
  });
}

export function useApproval(id: string) {
  return useQuery({ queryKey: approvalKeys.detail(id), queryFn: ({ signal }) => http.get<Approval>(`/approvals/${id}`, undefined, signal) });
}

/**
 * Approve (optional comment), reject or return (reason required). A decision can change any module's
 * data through the subject's callbacks (e.g. a policy change is applied), so every cache is refreshed.
 */
export function useDecideApproval(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, text }: { decision: Decision; text?: string }) =>
      http.post<Approval>(`/approvals/${id}/${decision}`, decision === 'approve' ? (text ? { comment: text } : {}) : { reason: text ?? '' }),
    onSuccess: async (approval) => {
      queryClient.setQueryData(approvalKeys.detail(id), approval);
      await queryClient.invalidateQueries();
    },
  });
}
