import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrderDto } from '../../../shared/contracts/orders.contract';
import type {
  CreateShipmentBody, CreditPositionDto, ShipmentDto, ShipmentListQuery, ShipmentSummaryDto,
} from '../../../shared/contracts/shipments.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Shipment = ShipmentDto;
export type ShipmentSummary = ShipmentSummaryDto;
export type ShipmentStatus = ShipmentDto['status'];
export type CreditPosition = CreditPositionDto;
export type ShipmentInput = z.input<typeof CreateShipmentBody>;
export type ShipmentFilter = Pick<ShipmentListQuery, 'status' | 'customerId' | 'orderId' | 'plannedFrom' | 'plannedTo' | 'q'>;
export type Order = OrderDto;

export const shipmentKeys = {
  all: ['shipments'] as const,
  list: (filter: ShipmentFilter) => [...shipmentKeys.all, 'list', filter] as const,
  detail: (id: string) => [...shipmentKeys.all, 'detail', id] as const,
  credit: (q: Record<string, string | undefined>) => [...shipmentKeys.all, 'credit', q] as const,
};

export function useShipments(filter: ShipmentFilter) {
  return useCursorList<Page<ShipmentSummary>>(shipmentKeys.list(filter),
    (cursor, signal) => http.get<Page<ShipmentSummary>>('/shipments', { ...filter, q: filter.q || undefined, cursor, limit: 50 }, signal));
}

export function useShipment(id: string | undefined) {
  return useQuery({ queryKey: shipmentKeys.detail(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => http.get<Shipment>(`/shipments/${id}`, undefined, signal) });
}

/** The order a shipment is prepared from (orders module API). */
export function useOrderForShipment(orderId: string | undefined) {
  return useQuery({ queryKey: ['orders', 'detail', orderId ?? ''], enabled: Boolean(orderId), queryFn: ({ signal }) => http.get<Order>(`/orders/${orderId}`, undefined, signal) });
}

/** The credit position before shipping: for an order and amount, or for a shipment. */
export function useCreditPosition(q: { orderId?: string; amount?: string; shipmentId?: string }, enabled = true) {
  return useQuery({
    queryKey: shipmentKeys.credit(q), enabled: enabled && Boolean(q.shipmentId || (q.orderId && q.amount)),
    queryFn: ({ signal }) => http.get<CreditPosition>('/shipments/credit-check', q, signal),
  });
}

function useShipmentMutation<I>(fn: (input: I) => Promise<Shipment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (s) => {
      queryClient.setQueryData(shipmentKeys.detail(s.id), s);
      void queryClient.invalidateQueries({ queryKey: shipmentKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

export const useCreateShipment = () => useShipmentMutation((input: ShipmentInput) => http.post<Shipment>('/shipments', input));
export const useRequestOverride = () => useShipmentMutation(({ id, reason }: { id: string; reason: string }) => http.post<Shipment>(`/shipments/${id}/override-request`, { reason }));
export const useCancelShipment = (id: string) => useShipmentMutation((input: { version: number; reason: string }) => http.post<Shipment>(`/shipments/${id}/cancel`, input));

export type WarehouseStep = NonNullable<Shipment['nextWarehouseStep']>;
/** One warehouse step: review (approve/return), pick, pack, ship (carrier, tracking), deliver (receiver, time). */
export const useWarehouseStep = () => useShipmentMutation(({ id, step, body }: { id: string; step: WarehouseStep; body: Record<string, unknown> }) =>
  http.post<Shipment>(`/shipments/${id}/${step}`, body));
