import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ActivityDto, ActivityListQuery, ActivityPage, CallReportDto, CallReportListQuery, CallReportPage, CompleteActivityBody, CreateActivityBody,
  CreateCallReportBody, CreateTaskBody, TaskDto, TaskListQuery, TaskPage, TimelineEntry, TimelinePage, UpdateCallReportBody,
} from '../../../shared/contracts/activities.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type Activity = ActivityDto;
export type CallReport = CallReportDto;
export type Task = TaskDto;
export type { TimelineEntry };
export type CreateActivityInput = z.input<typeof CreateActivityBody>;
export type CreateCallReportInput = z.input<typeof CreateCallReportBody>;
export type UpdateCallReportInput = z.input<typeof UpdateCallReportBody>;
export type ActivityFilter = Omit<z.input<typeof ActivityListQuery>, 'limit' | 'cursor'>;
export type CallReportFilter = Omit<z.input<typeof CallReportListQuery>, 'limit' | 'cursor'>;
export type TaskFilter = Omit<z.input<typeof TaskListQuery>, 'limit' | 'cursor'>;
/** Whose history a timeline shows. */
export type TimelineOf = { customerId: string } | { opportunityId: string };

export const activityKeys = {
  all: ['activities'] as const,
  list: (filter: ActivityFilter) => [...activityKeys.all, 'list', filter] as const,
  timeline: (of: TimelineOf) => [...activityKeys.all, 'timeline', of] as const,
  reports: (filter: CallReportFilter) => [...activityKeys.all, 'call-reports', filter] as const,
  report: (id: string) => [...activityKeys.all, 'call-report', id] as const,
  tasks: (filter: TaskFilter) => [...activityKeys.all, 'tasks', filter] as const,
};

export function useActivities(filter: ActivityFilter) {
  return useCursorList(activityKeys.list(filter), (cursor, signal) =>
    http.get<z.infer<typeof ActivityPage>>('/activities', { ...filter, cursor, limit: 50 }, signal));
}

export function useTimeline(of: TimelineOf, enabled = true) {
  const path = 'customerId' in of ? `/customers/${of.customerId}/timeline` : `/opportunities/${of.opportunityId}/timeline`;
  return useCursorList(activityKeys.timeline(of), (cursor, signal) => http.get<z.infer<typeof TimelinePage>>(path, { cursor, limit: 30 }, signal), { enabled });
}

export function useCallReports(filter: CallReportFilter) {
  return useCursorList(activityKeys.reports(filter), (cursor, signal) =>
    http.get<z.infer<typeof CallReportPage>>('/call-reports', { ...filter, cursor, limit: 50 }, signal));
}

export function useCallReport(id: string) {
  return useQuery({ queryKey: activityKeys.report(id), queryFn: ({ signal }) => http.get<CallReport>(`/call-reports/${id}`, undefined, signal) });
}

/** The name of a customer a new report is about (shown, not picked). */
export function useCustomerName(id: string | undefined) {
  return useQuery({
    queryKey: ['customers', 'detail', id, 'name'],
    queryFn: async ({ signal }) => ({ name: (await http.get<{ name: string }>(`/customers/${id}`, undefined, signal)).name }),
    enabled: Boolean(id),
  });
}

export function useTasks(filter: TaskFilter) {
  return useCursorList(activityKeys.tasks(filter), (cursor, signal) =>
    http.get<z.infer<typeof TaskPage>>('/tasks', { ...filter, cursor, limit: 100 }, signal));
}

/** After any command: lists, timelines and tasks may all have changed (and the customer's follow-up day). */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: activityKeys.all }), queryClient.invalidateQueries({ queryKey: ['customers'] })]);
}

export function useCreateActivity() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateActivityInput) => http.post<Activity>('/activities', input), onSuccess: invalidate });
}

export function useCompleteActivity() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: z.input<typeof CompleteActivityBody> & { id: string }) => http.post<Activity>(`/activities/${id}/complete`, body),
    onSuccess: invalidate,
  });
}

export function useCreateCallReport() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateCallReportInput) => http.post<CallReport>('/call-reports', input), onSuccess: invalidate });
}

export function useUpdateCallReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCallReportInput & { id: string }) => http.patch<CallReport>(`/call-reports/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useSendCallReport() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => http.post<CallReport>(`/call-reports/${id}/send`, { version }),
    onSuccess: invalidate,
  });
}

export function useCreateTask() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: z.input<typeof CreateTaskBody>) => http.post<Task>('/tasks', input), onSuccess: invalidate });
}

export function useCompleteTask() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => http.post<Task>(`/tasks/${id}/complete`, { version }),
    onSuccess: invalidate,
  });
}
