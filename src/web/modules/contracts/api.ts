import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AmendmentDto, ContractDto, ContractListQuery, ContractSummaryDto, CreateContractBody, ProposeAmendmentBody, UpdateContractBody,
} from '../../../shared/contracts/contracts.contract';
import { http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Contract = ContractDto;
export type ContractSummary = ContractSummaryDto;
export type ContractStatus = ContractDto['status'];
export type ContractInput = z.input<typeof CreateContractBody>;
export type ContractUpdate = z.input<typeof UpdateContractBody>;
export type Amendment = AmendmentDto;
export type AmendmentInput = z.input<typeof ProposeAmendmentBody>;
export type ContractFilter = Pick<ContractListQuery, 'status' | 'customerId' | 'ownerId' | 'signedFrom' | 'signedTo' | 'q'>;

export const contractKeys = {
  all: ['contracts'] as const,
  list: (filter: ContractFilter) => [...contractKeys.all, 'list', filter] as const,
  detail: (id: string) => [...contractKeys.all, 'detail', id] as const,
  amendments: (id: string) => [...contractKeys.all, 'detail', id, 'amendments'] as const,
};

export function useContracts(filter: ContractFilter) {
  return useCursorList<Page<ContractSummary>>(contractKeys.list(filter),
    (cursor, signal) => http.get<Page<ContractSummary>>('/contracts', { ...filter, q: filter.q || undefined, cursor, limit: 50 }, signal));
}

export function useContract(id: string | undefined) {
  return useQuery({ queryKey: contractKeys.detail(id ?? ''), enabled: Boolean(id), queryFn: ({ signal }) => http.get<Contract>(`/contracts/${id}`, undefined, signal) });
}

function useContractMutation<I>(fn: (input: I) => Promise<Contract>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      queryClient.setQueryData(contractKeys.detail(c.id), c);
      void queryClient.invalidateQueries({ queryKey: contractKeys.all });
    },
  });
}

export const useCreateContract = () => useContractMutation((input: ContractInput) => http.post<Contract>('/contracts', input));
export const useUpdateContract = (id: string) => useContractMutation((input: ContractUpdate) => http.patch<Contract>(`/contracts/${id}`, input));
export const useSubmitContract = (id: string) => useContractMutation((input: { version: number }) => http.post<Contract>(`/contracts/${id}/submit`, input));
export const useSignContract = (id: string) => useContractMutation((input: { version: number; signedOn: string }) => http.post<Contract>(`/contracts/${id}/sign`, input));
export const useCopyContract = (id: string) => useContractMutation(() => http.post<Contract>(`/contracts/${id}/copy`, {}));
export const useTerminateContract = (id: string) => useContractMutation((input: { version: number; reason: string }) => http.post<Contract>(`/contracts/${id}/terminate`, input));

export function useAmendments(id: string) {
  return useQuery({ queryKey: contractKeys.amendments(id), queryFn: ({ signal }) => http.get<{ items: Amendment[] }>(`/contracts/${id}/amendments`, undefined, signal) });
}

export function useProposeAmendment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AmendmentInput) => http.post<Amendment>(`/contracts/${id}/amendments`, input),
    // the contract now shows a pending amendment; the history gains a row
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: contractKeys.detail(id) }),
  });
}
