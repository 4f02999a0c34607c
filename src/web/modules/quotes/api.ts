import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateQuoteBody, EvaluateQuoteBody, EvaluationDto, QuoteDto, QuoteListQuery, QuoteSummaryDto, UpdateQuoteBody,
} from '../../../shared/contracts/quotes.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Quote = QuoteDto;
export type QuoteSummary = QuoteSummaryDto;
export type QuoteStatus = QuoteDto['status'];
export type QuoteInput = z.input<typeof CreateQuoteBody>;
export type QuoteUpdate = z.input<typeof UpdateQuoteBody>;
export type Evaluation = EvaluationDto;
export type QuoteFilter = Pick<QuoteListQuery, 'status' | 'customerId' | 'opportunityId' | 'ownerId' | 'q'>;

export const quoteKeys = {
  all: ['quotes'] as const,
  list: (filter: QuoteFilter) => [...quoteKeys.all, 'list', filter] as const,
  detail: (id: string) => [...quoteKeys.all, 'detail', id] as const,
  evaluate: (input: EvaluateQuoteBody | null) => [...quoteKeys.all, 'evaluate', input] as const,
};

export function useQuotes(filter: QuoteFilter) {
  return useCursorList<Page<QuoteSummary>>(quoteKeys.list(filter),
    (cursor, signal) => http.get<Page<QuoteSummary>>('/quotes', { ...filter, q: filter.q || undefined, cursor, limit: 50 }, signal));
}

export function useQuote(id: string | undefined) {
  return useQuery({ queryKey: quoteKeys.detail(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => http.get<Quote>(`/quotes/${id}`, undefined, signal) });
}

/** The server's dry run for the builder (totals, approval reasons, steps); null input = nothing to ask yet. */
export function useQuoteEvaluation(input: EvaluateQuoteBody | null) {
  return useQuery({
    queryKey: quoteKeys.evaluate(input), enabled: input !== null, placeholderData: keepPreviousData, retry: false,
    queryFn: () => http.post<Evaluation>('/quotes/evaluate', input),
  });
}

function useQuoteMutation<I>(fn: (input: I) => Promise<Quote>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (q) => {
      queryClient.setQueryData(quoteKeys.detail(q.id), q);
      void queryClient.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

export const useCreateQuote = () => useQuoteMutation((input: QuoteInput) => http.post<Quote>('/quotes', input));
export const useUpdateQuote = (id: string) => useQuoteMutation((input: QuoteUpdate) => http.patch<Quote>(`/quotes/${id}`, input));
export const useSubmitQuote = (id: string) => useQuoteMutation((input: { version: number }) => http.post<Quote>(`/quotes/${id}/submit`, input));
export const useSendQuote = (id: string) => useQuoteMutation((input: { version: number }) => http.post<Quote>(`/quotes/${id}/send`, input));
export const useDeclineQuote = (id: string) => useQuoteMutation((input: { version: number; reason: string }) => http.post<Quote>(`/quotes/${id}/decline`, input));
export const useCopyQuote = (id: string) => useQuoteMutation(() => http.post<Quote>(`/quotes/${id}/copy`, {}));
export function useAcceptQuote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { version: number }) => http.post<{ quote: Quote; contractId: string }>(`/quotes/${id}/accept`, input),
    onSuccess: (r) => {
      queryClient.setQueryData(quoteKeys.detail(id), r.quote);
      void queryClient.invalidateQueries({ queryKey: quoteKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    },
  });
}
export const quotePdfUrl = (id: string) => `/api/v1/quotes/${id}.pdf`;
