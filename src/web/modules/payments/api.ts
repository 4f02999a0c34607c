import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CollectionTargetsDto, SetCollectionTargetsBody } from '../../../shared/contracts/collection-targets.contract';
import type { CustomerBalanceDto, FilePaymentSlipBody, PaymentDto, PaymentSlipDto, PaymentSummaryDto, RecordPaymentBody, ResubmitPaymentSlipBody } from '../../../shared/contracts/payments.contract';
import type { agingBucketNames, AgingLinesDto, AgingReportDto, ReceivableDto, receivableStatuses } from '../../../shared/contracts/receivables.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Payment = PaymentDto;
export type PaymentSummary = PaymentSummaryDto;
export type Receivable = ReceivableDto;
export type AgingReport = AgingReportDto;
export type AgingLine = AgingLinesDto['items'][number];
export type AgingBucket = (typeof agingBucketNames)[number];
type ReceivableStatus = (typeof receivableStatuses)[number];
type ReceivablePage = Page<Receivable>;
type PaymentPage = Page<PaymentSummary>;
export type AgingGroupBy = AgingReportDto['groupBy'];
export type PaymentSlip = PaymentSlipDto;
export type { FilePaymentSlipBody, RecordPaymentBody };

/** The receivables list's filters (GET /receivables). */
export interface ReceivableFilter {
  customerId?: string; ownerId?: string; status?: ReceivableStatus; overdue?: boolean; dueFrom?: string; dueTo?: string; asOf?: string;
}
export interface AgingFilter { asOf?: string; groupBy: AgingGroupBy }
export interface AgingPick { bucket?: AgingBucket; customerId?: string; ownerId?: string; teamId?: string }

const clean = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export const paymentKeys = {
  all: ['payments'] as const,
  receivables: (f: ReceivableFilter) => [...paymentKeys.all, 'receivables', f] as const,
  openLines: (customerId: string) => [...paymentKeys.all, 'open-lines', customerId] as const,
  payments: (customerId?: string) => [...paymentKeys.all, 'list', customerId ?? null] as const,
  balance: (customerId: string) => [...paymentKeys.all, 'balance', customerId] as const,
  slips: (status?: string) => [...paymentKeys.all, 'slips', status ?? null] as const,
  mySlips: (status?: string) => [...paymentKeys.all, 'my-slips', status ?? null] as const,
  aging: (f: AgingFilter) => [...paymentKeys.all, 'aging', f] as const,
  agingLines: (asOf: string | undefined, pick: AgingPick) => [...paymentKeys.all, 'aging-lines', asOf ?? null, pick] as const,
};

function receivableQuery(f: ReceivableFilter) {
  return clean({ ...f, overdue: f.overdue ? 'true' : undefined });
}

export function useReceivables(f: ReceivableFilter) {
  return useCursorList(paymentKeys.receivables(f), (cursor, signal) => http.get<ReceivablePage>('/receivables', { ...receivableQuery(f), cursor, limit: 50 }, signal));
}

/** A customer's open and partly paid lines (what a payment can settle), oldest due first. */
export function useOpenLines(customerId: string | undefined) {
  return useQuery({
    queryKey: paymentKeys.openLines(customerId ?? ''),
    enabled: Boolean(customerId),
    queryFn: async ({ signal }) => {
      const [open, partial] = await Promise.all((['open', 'partial'] as const).map((status) => http.get<ReceivablePage>('/receivables', { customerId: customerId!, status, limit: 200 }, signal)));
      return [...open!.items, ...partial!.items].sort((a, b) => (a.dueDate === b.dueDate ? a.contract.number.localeCompare(b.contract.number) || a.planIndex - b.planIndex : a.dueDate < b.dueDate ? -1 : 1));
    },
  });
}

export function useCustomerBalance(customerId: string | undefined) {
  return useQuery({
    queryKey: paymentKeys.balance(customerId ?? ''), enabled: Boolean(customerId),
    queryFn: ({ signal }) => http.get<CustomerBalanceDto>(`/customers/${customerId}/balance`, undefined, signal),
  });
}

export function usePayments(customerId?: string) {
  return useCursorList(paymentKeys.payments(customerId), (cursor, signal) => http.get<PaymentPage>('/payments', clean({ customerId, cursor, limit: '30' }), signal));
}

export function usePayment(id: string | undefined) {
  return useQuery({ queryKey: [...paymentKeys.all, 'one', id], enabled: Boolean(id), queryFn: ({ signal }) => http.get<Payment>(`/payments/${id}`, undefined, signal) });
}

/** Every money view (lines, aging, balances, the customer's credit position) changes after a payment. */
function useInvalidateMoney() {
  const queryClient = useQueryClient();
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: paymentKeys.all }), queryClient.invalidateQueries({ queryKey: ['credit'] }), queryClient.invalidateQueries({ queryKey: ['dunning'] })]);
}

export function useRecordPayment() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: (body: RecordPaymentBody) => http.post<Payment>('/payments', body), onSuccess: invalidate });
}

export function useReversePayment() {
  const invalidate = useInvalidateMoney();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; reason: string; version: number }) => http.post<Payment>(`/payments/${id}/reverse`, body),
    onSuccess: invalidate,
  });
}

export function useAgingReport(f: AgingFilter) {
  return useQuery({ queryKey: paymentKeys.aging(f), queryFn: ({ signal }) => http.get<AgingReport>('/reports/aging', clean(f), signal) });
}

export function useAgingLines(asOf: string | undefined, pick: AgingPick | null) {
  return useQuery({
    queryKey: paymentKeys.agingLines(asOf, pick ?? {}), enabled: pick !== null,
    queryFn: ({ signal }) => http.get<AgingLinesDto>('/reports/aging/lines', clean({ asOf, ...pick }), signal),
  });
}

/** The aging report as .xlsx (a plain GET with the session cookie). */
export const agingExportUrl = (f: AgingFilter) => buildUrl('/reports/aging.xlsx', clean(f));

/** Payment slips (缴款单): the rep files one for a received prepayment; finance records the approved ones. */
export function usePaymentSlips(status?: PaymentSlip['status'], enabled = true) {
  return useQuery({ queryKey: paymentKeys.slips(status), enabled, queryFn: ({ signal }) => http.get<Page<PaymentSlip>>('/payment-slips', clean({ status, limit: '100' }), signal) });
}

export function useFilePaymentSlip() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: (body: FilePaymentSlipBody) => http.post<PaymentSlip>('/payment-slips', body), onSuccess: invalidate });
}

export function useRecordPaymentSlip() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: ({ id, version }: { id: string; version: number }) => http.post<PaymentSlip>(`/payment-slips/${id}/record`, { version }), onSuccess: invalidate });
}

/** 我的缴款单: the slips in the user's scope, newest first, cursor-paged. */
export function useMyPaymentSlips(status?: PaymentSlip['status']) {
  return useCursorList(paymentKeys.mySlips(status), (cursor, signal) => http.get<Page<PaymentSlip>>('/payment-slips', clean({ status, cursor, limit: '50' }), signal));
}

/** A returned slip, corrected, sent for a new approval round (its filer only). */
export function useResubmitPaymentSlip() {
  const invalidate = useInvalidateMoney();
  return useMutation({ mutationFn: ({ id, ...body }: ResubmitPaymentSlipBody & { id: string }) => http.post<PaymentSlip>(`/payment-slips/${id}/resubmit`, body), onSuccess: invalidate });
}

/** Collection targets (回款目标) of a month per rep or team: proposal, target, collected, attainment. */
export type CollectionTargets = CollectionTargetsDto;
export type CollectionTargetRow = CollectionTargetsDto['rows'][number];
export interface CollectionTargetFilter { period: string; groupBy: CollectionTargetsDto['groupBy'] }

export function useCollectionTargets(f: CollectionTargetFilter) {
  return useQuery({ queryKey: [...paymentKeys.all, 'collection-targets', f], queryFn: ({ signal }) => http.get<CollectionTargets>('/collection-targets', clean(f), signal) });
}

export function useSetCollectionTargets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, body }: { period: string; body: SetCollectionTargetsBody }) => http.put<CollectionTargets>(`/collection-targets/${period}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...paymentKeys.all, 'collection-targets'] }),
  });
}

/** The collection-target table as .xlsx (a plain GET with the session cookie). */
export const collectionTargetsExportUrl = (f: CollectionTargetFilter) => buildUrl('/collection-targets.xlsx', clean(f));
