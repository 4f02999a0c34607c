import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateSavedViewBody, SavedViewDto, SavedViewEntity, UpdateSavedViewBody,
} from '../../../shared/contracts/saved-views.contract';
import { http } from '../../platform/http/http-client';

export type SavedView = SavedViewDto;
export type { SavedViewEntity };
export type CreateSavedViewInput = z.input<typeof CreateSavedViewBody>;
export type UpdateSavedViewInput = z.input<typeof UpdateSavedViewBody>;

export const savedViewKeys = { list: (entity: SavedViewEntity) => ['saved-views', entity] as const };

export function useSavedViews(entity: SavedViewEntity) {
  return useQuery({ queryKey: savedViewKeys.list(entity), queryFn: ({ signal }) => http.get<{ items: SavedView[] }>('/saved-views', { entity }, signal) });
}

function useInvalidate(entity: SavedViewEntity) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: savedViewKeys.list(entity) });
}

export function useCreateSavedView(entity: SavedViewEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({ mutationFn: (input: Omit<CreateSavedViewInput, 'entity'>) => http.post<SavedView>('/saved-views', { ...input, entity }), onSuccess: invalidate });
}

export function useUpdateSavedView(entity: SavedViewEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateSavedViewInput & { id: string }) => http.patch<SavedView>(`/saved-views/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteSavedView(entity: SavedViewEntity) {
  const invalidate = useInvalidate(entity);
  return useMutation({ mutationFn: (id: string) => http.delete<void>(`/saved-views/${id}`), onSuccess: invalidate });
}
