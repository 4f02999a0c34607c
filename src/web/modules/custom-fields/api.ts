import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateCustomFieldBody, CustomFieldDto, CustomFieldEntity, UpdateCustomFieldBody,
} from '../../../shared/contracts/custom-fields.contract';
import { http } from '../../platform/http/http-client';

export type CustomField = CustomFieldDto;
export type { CustomFieldEntity };
export type CreateCustomFieldInput = z.input<typeof CreateCustomFieldBody>;
export type UpdateCustomFieldInput = z.input<typeof UpdateCustomFieldBody>;

export const customFieldKeys = {
  all: ['custom-fields'] as const,
  list: (entity: CustomFieldEntity, includeInactive: boolean) => [...customFieldKeys.all, entity, includeInactive] as const,
};

/** Definitions of one entity in form order; active ones unless asked (the settings page shows all). */
export function useCustomFields(entity: CustomFieldEntity, includeInactive = false) {
  return useQuery({
    queryKey: customFieldKeys.list(entity, includeInactive),
    queryFn: ({ signal }) => http.get<{ items: CustomField[] }>('/custom-fields', { entity, includeInactive: includeInactive ? 'true' : undefined }, signal),
    staleTime: 60_000,
  });
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: customFieldKeys.all });
}

export function useCreateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateCustomFieldInput) => http.post<CustomField>('/custom-fields', input), onSuccess: invalidate });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCustomFieldInput & { id: string }) => http.patch<CustomField>(`/custom-fields/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeactivateCustomField() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (id: string) => http.delete<void>(`/custom-fields/${id}`), onSuccess: invalidate });
}
