import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PoliciesDto, UpdatePoliciesBody, UpdatePoliciesResponse } from '../../../shared/contracts/policies.contract';
import type {
  CreatedWebhookDto, CreateWebhookBody, UpdateWebhookBody, WebhookDeliveryDto, WebhookDto,
} from '../../../shared/contracts/webhooks.contract';
import { http } from '../../platform/http/http-client';

export type Policies = PoliciesDto;
export type PolicyItem = PoliciesDto['items'][number];
export type PolicyValue = PolicyItem['value'];
export type UpdatePoliciesInput = z.input<typeof UpdatePoliciesBody>;
export type UpdatePoliciesResult = z.infer<typeof UpdatePoliciesResponse>;
export type Webhook = z.infer<typeof WebhookDto>;
export type CreatedWebhook = z.infer<typeof CreatedWebhookDto>;
export type CreateWebhookInput = z.input<typeof CreateWebhookBody>;
export type UpdateWebhookInput = z.input<typeof UpdateWebhookBody>;
export type WebhookDelivery = z.infer<typeof WebhookDeliveryDto>;

/**
 * Hand-written because the numbering contract lives in the server's route file, not in
 * src/shared/contracts (reported); keep in step with `RuleDto` / `UpdateRuleBody` there.
 */
export type NumberingReset = 'yearly' | 'monthly' | 'daily' | 'never';
export interface NumberingRule { documentType: string; prefix: string; reset: NumberingReset; padding: number; example: string; version: number }
export interface UpdateNumberingRuleInput { version: number; prefix: string; reset: NumberingReset; padding: number }

export const settingsKeys = {
  all: ['settings'] as const,
  policies: () => [...settingsKeys.all, 'policies'] as const,
  numbering: () => [...settingsKeys.all, 'numbering'] as const,
  webhooks: () => [...settingsKeys.all, 'webhooks'] as const,
  deliveries: (webhookId: string) => [...settingsKeys.webhooks(), webhookId, 'deliveries'] as const,
};

export function usePolicies() {
  return useQuery({ queryKey: settingsKeys.policies(), queryFn: ({ signal }) => http.get<Policies>('/settings/policies', undefined, signal) });
}

/** Plain values apply at once; a money threshold starts a GM approval (`pending_approval`, HTTP 202). */
export function useUpdatePolicies() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdatePoliciesInput) => http.patch<UpdatePoliciesResult>('/settings/policies', input),
    onSuccess: async (result) => {
      queryClient.setQueryData(settingsKeys.policies(), result.policies);
      if (result.status === 'pending_approval') await queryClient.invalidateQueries({ queryKey: ['approvals'] });
    },
  });
}

export function useNumberingRules() {
  return useQuery({ queryKey: settingsKeys.numbering(), queryFn: ({ signal }) => http.get<{ items: NumberingRule[] }>('/numbering-rules', undefined, signal) });
}

export function useUpdateNumberingRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ documentType, ...body }: UpdateNumberingRuleInput & { documentType: string }) => http.put<NumberingRule>(`/numbering-rules/${documentType}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.numbering() }),
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: settingsKeys.webhooks(), queryFn: ({ signal }) => http.get<{ items: Webhook[]; eventTypes: string[] }>('/webhooks', undefined, signal) });
}

export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) => http.post<CreatedWebhook>('/webhooks', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.webhooks() }),
  });
}

export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateWebhookInput & { id: string }) => http.patch<Webhook>(`/webhooks/${id}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.webhooks() }),
  });
}

export function useWebhookDeliveries(webhookId: string | null) {
  return useQuery({
    queryKey: settingsKeys.deliveries(webhookId ?? ''),
    queryFn: ({ signal }) => http.get<{ items: WebhookDelivery[] }>(`/webhooks/${webhookId}/deliveries`, undefined, signal),
    enabled: webhookId !== null,
    refetchInterval: 10_000,
  });
}
