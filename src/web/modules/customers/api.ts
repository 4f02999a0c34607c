import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddCollaboratorBody, BorrowRecordDto, BorrowRecordPage, CollaboratorDto, ContactDto, ContactMergeResult, ContactPage, CreateContactBody,
  CreateCustomerBody, CustomerCountsDto, CustomerDetailDto, CustomerDto, CustomerFileDto, CustomerPage, MergeResult,
  PoolEventDto, PoolEventPage, PoolListQuery, TransferBody, TransferResult, UpdateContactBody, UpdateCustomerBody, UpdateCustomerFileBody,
} from '../../../shared/contracts/customers.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';
import { filterToQuery } from './components/filter-params';
import type { CustomerFilter } from './customer-filter';

export type Customer = CustomerDto;
export type CustomerDetail = CustomerDetailDto;
export type Contact = ContactDto;
export type Collaborator = z.infer<typeof CollaboratorDto>;
export type BorrowRecord = z.infer<typeof BorrowRecordDto>;
export type CustomerFile = z.infer<typeof CustomerFileDto>;
export type CustomerCounts = z.infer<typeof CustomerCountsDto>;
export type CreateCustomerInput = z.input<typeof CreateCustomerBody>;
export type UpdateCustomerInput = z.input<typeof UpdateCustomerBody>;
export type CreateContactInput = z.input<typeof CreateContactBody>;
export type UpdateContactInput = z.input<typeof UpdateContactBody>;
export type UpdateFileInput = z.input<typeof UpdateCustomerFileBody>;
export type AddCollaboratorInput = z.input<typeof AddCollaboratorBody>;
export type TransferInput = z.input<typeof TransferBody>;
export type { CustomerFilter };
export type PoolFilter = Omit<z.input<typeof PoolListQuery>, 'limit' | 'cursor'>;
export type BorrowFilter = { userId?: string; customerId?: string };

type Page<T> = { items: T[]; nextCursor: string | null };

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filter: CustomerFilter) => [...customerKeys.lists(), filter] as const,
  counts: (filter: CustomerFilter) => [...customerKeys.all, 'counts', filter] as const,
  pool: (filter: PoolFilter) => [...customerKeys.all, 'pool', filter] as const,
  staleFiles: () => [...customerKeys.all, 'stale-files'] as const,
  detail: (id: string) => [...customerKeys.all, 'detail', id] as const,
  contacts: (id: string) => [...customerKeys.detail(id), 'contacts'] as const,
  collaborators: (id: string) => [...customerKeys.detail(id), 'collaborators'] as const,
  customerBorrows: (id: string) => [...customerKeys.detail(id), 'borrow-records'] as const,
  poolEvents: (id: string) => [...customerKeys.detail(id), 'pool-events'] as const,
  borrows: (filter: BorrowFilter) => [...customerKeys.all, 'borrow-records', filter] as const,
};

export function useCustomers(filter: CustomerFilter) {
  return useCursorList(customerKeys.list(filter), (cursor, signal) =>
    http.get<z.infer<typeof CustomerPage>>('/customers', { ...filterToQuery(filter), cursor, limit: 50 }, signal));
}

export function useCustomerCounts(filter: CustomerFilter) {
  const { sort: _sort, order: _order, ...countFilter } = filter;
  return useQuery({
    queryKey: customerKeys.counts(countFilter),
    queryFn: ({ signal }) => http.get<CustomerCounts>('/customers/counts', filterToQuery(countFilter), signal),
  });
}

export function usePool(filter: PoolFilter) {
  return useCursorList(customerKeys.pool(filter), (cursor, signal) =>
    http.get<z.infer<typeof CustomerPage>>('/customers/pool', { ...filter, cursor, limit: 50 }, signal));
}

export function useStaleFiles() {
  return useCursorList(customerKeys.staleFiles(), (cursor, signal) =>
    http.get<z.infer<typeof CustomerPage>>('/customers/stale-files', { cursor, limit: 50 }, signal));
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: ({ signal }) => http.get<CustomerDetail>(`/customers/${id}`, undefined, signal) });
}

/** After any command on a customer: its detail, its tabs and every list may have changed. */
function useInvalidateCustomers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: customerKeys.all });
}

export function useCreateCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({ mutationFn: (input: CreateCustomerInput) => http.post<Customer>('/customers', input), onSuccess: invalidate });
}

export function useUpdateCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCustomerInput & { id: string }) => http.patch<Customer>(`/customers/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useTransferCustomer() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, ...body }: TransferInput & { id: string }) => http.post<z.infer<typeof TransferResult>>(`/customers/${id}/transfer`, body),
    onSuccess: invalidate,
  });
}

export function useMergeCustomers() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, duplicateId }: { id: string; duplicateId: string }) => http.post<z.infer<typeof MergeResult>>(`/customers/${id}/merge`, { duplicateId }),
    onSuccess: invalidate,
  });
}

/** Claim, release, lock and unlock: one POST each, the customer comes back. */
export function usePoolCommand() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, command, reason }: { id: string; command: 'claim' | 'release' | 'lock' | 'unlock'; reason?: string }) =>
      http.post<Customer>(`/customers/${id}/${command}`, command === 'release' || command === 'lock' ? (reason ? { reason } : {}) : {}),
    onSuccess: invalidate,
  });
}

/** A customer's contacts, by name (up to 200 per page: the org chart wants them all). */
export function useContacts(customerId: string) {
  return useCursorList(customerKeys.contacts(customerId), (cursor, signal) =>
    http.get<z.infer<typeof ContactPage>>(`/customers/${customerId}/contacts`, { cursor, limit: 200 }, signal));
}

export function useSaveContact(customerId: string) {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateContactInput } | { id: null; body: CreateContactInput }) =>
      (input.id ? http.patch<Contact>(`/contacts/${input.id}`, input.body) : http.post<Contact>(`/customers/${customerId}/contacts`, input.body)),
    onSuccess: invalidate,
  });
}

export function useMergeContacts() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, duplicateId }: { id: string; duplicateId: string }) =>
      http.post<z.infer<typeof ContactMergeResult>>(`/contacts/${id}/merge`, { duplicateId }),
    onSuccess: invalidate,
  });
}

/** Opening the file writes a borrow record, so it is a command (a mutation), not a cached query. */
export function useOpenFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, purpose }: { id: string; purpose: string }) => http.get<CustomerFile>(`/customers/${id}/file`, { purpose }),
    onSuccess: (_file, { id }) => queryClient.invalidateQueries({ queryKey: customerKeys.customerBorrows(id) }),
  });
}

export function useUpdateFile() {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateFileInput & { id: string }) => http.patch<CustomerFile>(`/customers/${id}/file`, body),
    onSuccess: invalidate,
  });
}

export function useCustomerBorrowRecords(customerId: string, enabled = true) {
  return useCursorList(customerKeys.customerBorrows(customerId), (cursor, signal) =>
    http.get<z.infer<typeof BorrowRecordPage>>(`/customers/${customerId}/borrow-records`, { cursor, limit: 50 }, signal), { enabled });
}

export type PoolEvent = z.infer<typeof PoolEventDto>;

/** Ownership history of a customer: claims, releases, recycling and transfers. */
export function usePoolEvents(customerId: string) {
  return useCursorList(customerKeys.poolEvents(customerId), (cursor, signal) =>
    http.get<z.infer<typeof PoolEventPage>>(`/customers/${customerId}/pool-events`, { cursor, limit: 50 }, signal));
}

export function useBorrowRecords(filter: BorrowFilter) {
  return useCursorList(customerKeys.borrows(filter), (cursor, signal) =>
    http.get<z.infer<typeof BorrowRecordPage>>('/borrow-records', { ...filter, cursor, limit: 50 }, signal));
}

export function useCollaborators(customerId: string) {
  return useQuery({
    queryKey: customerKeys.collaborators(customerId),
    queryFn: ({ signal }) => http.get<{ items: Collaborator[] }>(`/customers/${customerId}/collaborators`, undefined, signal),
  });
}

export function useAddCollaborator(customerId: string) {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (input: AddCollaboratorInput) => http.post<Collaborator>(`/customers/${customerId}/collaborators`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveCollaborator(customerId: string) {
  const invalidate = useInvalidateCustomers();
  return useMutation({
    mutationFn: (userId: string) => http.delete<void>(`/customers/${customerId}/collaborators/${userId}`),
    onSuccess: invalidate,
  });
}

export type { Page };
