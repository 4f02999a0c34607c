import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateInvoiceRequestBody, InvoicePrefillDto, InvoiceRequestDto, InvoiceRequestListQuery, InvoiceRequestSummaryDto, IssueInvoiceBody,
} from '../../../shared/contracts/invoices.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type InvoiceRequest = InvoiceRequestDto;
export type InvoiceRequestSummary = InvoiceRequestSummaryDto;
export type InvoiceRequestStatus = InvoiceRequestDto['status'];
export type InvoicePrefill = InvoicePrefillDto;
export type InvoiceRequestInput = z.input<typeof CreateInvoiceRequestBody>;
export type IssueInput = z.input<typeof IssueInvoiceBody>;
export type InvoiceFilter = Pick<InvoiceRequestListQuery, 'status' | 'contractId' | 'customerId' | 'q'>;

export const invoiceKeys = {
  all: ['invoice-requests'] as const,
  list: (filter: InvoiceFilter) => [...invoiceKeys.all, 'list', filter] as const,
  detail: (id: string) => [...invoiceKeys.all, 'detail', id] as const,
  prefill: (contractId: string) => [...invoiceKeys.all, 'prefill', contractId] as const,
};

export function useInvoiceRequests(filter: InvoiceFilter) {
  return useCursorList<Page<InvoiceRequestSummary>>(invoiceKeys.list(filter),
    (cursor, signal) => http.get<Page<InvoiceRequestSummary>>('/invoice-requests', { ...filter, q: filter.q || undefined, cursor, limit: 50 }, signal));
}

export function useInvoiceRequest(id: string | undefined) {
  return useQuery({ queryKey: invoiceKeys.detail(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => http.get<InvoiceRequest>(`/invoice-requests/${id}`, undefined, signal) });
}

export function useInvoicePrefill(contractId: string) {
  return useQuery({ queryKey: invoiceKeys.prefill(contractId), queryFn: ({ signal }) => http.get<InvoicePrefill>('/invoice-requests/prefill', { contractId }, signal) });
}

function useInvoiceMutation<I>(fn: (input: I) => Promise<InvoiceRequest>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (r) => {
      queryClient.setQueryData(invoiceKeys.detail(r.id), r);
      void queryClient.invalidateQueries({ queryKey: invoiceKeys.all });
    },
  });
}

export const useCreateInvoiceRequest = () => useInvoiceMutation((input: InvoiceRequestInput) => http.post<InvoiceRequest>('/invoice-requests', input));
export const useSubmitInvoiceRequest = () => useInvoiceMutation((r: { id: string; version: number }) => http.post<InvoiceRequest>(`/invoice-requests/${r.id}/submit`, { version: r.version }));
export const useCancelInvoiceRequest = () => useInvoiceMutation((r: { id: string; version: number }) => http.post<InvoiceRequest>(`/invoice-requests/${r.id}/cancel`, { version: r.version }));
export const useIssueInvoice = (id: string) => useInvoiceMutation((input: IssueInput) => http.post<InvoiceRequest>(`/invoice-requests/${id}/issue`, input));
