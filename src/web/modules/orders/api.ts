import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateOrderBody, CustomerStatementDto, OrderableLinesDto, OrderChangeDto, OrderDto, OrderListQuery, OrderSummaryDto, RequestOrderChangeBody, ShippingLedgerDto, ShippingLedgerQuery,
} from '../../../shared/contracts/orders.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Order = OrderDto;
export type OrderSummary = OrderSummaryDto;
export type OrderChange = OrderChangeDto;
export type OrderStatus = OrderDto['status'];
export type OrderInput = z.input<typeof CreateOrderBody>;
export type OrderChangeInput = z.input<typeof RequestOrderChangeBody>;
export type OrderFilter = Pick<OrderListQuery, 'status' | 'customerId' | 'contractId' | 'ownerId' | 'priority' | 'dueFrom' | 'dueTo' | 'q'>;
export type LedgerFilter = Pick<ShippingLedgerQuery, 'from' | 'to' | 'customerId' | 'ownerId'>;
export interface Period { from: string; to: string }

export const orderKeys = {
  all: ['orders'] as const,
  list: (filter: OrderFilter) => [...orderKeys.all, 'list', filter] as const,
  detail: (id: string) => [...orderKeys.all, 'detail', id] as const,
  ledger: (filter: LedgerFilter) => [...orderKeys.all, 'ledger', filter] as const,
  statement: (customerId: string, period: Period) => [...orderKeys.all, 'statement', customerId, period] as const,
};

export function useOrders(filter: OrderFilter) {
  return useCursorList<Page<OrderSummary>>(orderKeys.list(filter),
    (cursor, signal) => http.get<Page<OrderSummary>>('/orders', { ...filter, q: filter.q || undefined, cursor, limit: 50 }, signal));
}

export function useOrder(id: string | undefined) {
  return useQuery({ queryKey: orderKeys.detail(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => http.get<Order>(`/orders/${id}`, undefined, signal) });
}

function useOrderMutation<I>(fn: (input: I) => Promise<Order>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (o) => {
      queryClient.setQueryData(orderKeys.detail(o.id), o);
      void queryClient.invalidateQueries({ queryKey: orderKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export const useCreateOrder = () => useOrderMutation((input: OrderInput) => http.post<Order>('/orders', input));
export const useRequestOrderChange = (id: string) => useOrderMutation((input: OrderChangeInput) => http.post<Order>(`/orders/${id}/changes`, input));

export function useShippingLedger(filter: LedgerFilter) {
  return useQuery({ queryKey: orderKeys.ledger(filter), queryFn: ({ signal }) => http.get<ShippingLedgerDto>('/reports/shipping-ledger', { ...filter }, signal) });
}

export function useCustomerStatement(customerId: string | undefined, period: Period) {
  return useQuery({
    queryKey: orderKeys.statement(customerId ?? '', period), enabled: Boolean(customerId),
    queryFn: ({ signal }) => http.get<CustomerStatementDto>(`/customers/${customerId}/statement`, { ...period }, signal),
  });
}

/** Downloads (plain GETs with the session cookie). */
export const ledgerExportUrl = (filter: LedgerFilter) => buildUrl('/reports/shipping-ledger.xlsx', { ...filter });
export const statementExportUrl = (customerId: string, period: Period) => buildUrl(`/customers/${customerId}/statement.xlsx`, { ...period });

export function useOrderableLines(contractId: string | undefined) {
  return useQuery({
    queryKey: [...orderKeys.all, 'orderable', contractId ?? ''] as const, enabled: Boolean(contractId),
    queryFn: ({ signal }) => http.get<OrderableLinesDto>(`/contracts/${contractId}/orderable-lines`, undefined, signal),
  });
}
