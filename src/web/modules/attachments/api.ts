import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AttachmentDto } from '../../../shared/contracts/attachments.contract';
import { currentLanguage } from '../../platform/i18n/i18n';
import { ApiError, parseApiError } from '../../platform/http/api-error';
import { API_BASE, http } from '../../platform/http/http-client';

export type Attachment = AttachmentDto;

export const attachmentKeys = { list: (customerId: string) => ['customers', 'detail', customerId, 'attachments'] as const };

export const downloadUrl = (id: string) => `${API_BASE}/attachments/${id}/download`;

export function useAttachments(customerId: string) {
  return useQuery({
    queryKey: attachmentKeys.list(customerId),
    queryFn: ({ signal }) => http.get<{ items: Attachment[] }>(`/customers/${customerId}/attachments`, undefined, signal),
  });
}

/** Uploads one file as multipart/form-data (the JSON client cannot), with the same error handling. */
async function uploadFile(customerId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/customers/${customerId}/attachments`, {
      method: 'POST', body: form, credentials: 'include',
      headers: { Accept: 'application/json', 'Accept-Language': currentLanguage(), 'X-Requested-With': 'kairos' },
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', (error as Error).message || 'network error');
  }
  const text = await response.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  if (!response.ok) throw parseApiError(response.status, body, `HTTP ${response.status}`);
  return body as Attachment;
}

export function useUploadAttachment(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadFile(customerId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(customerId) }),
  });
}

export function useDeleteAttachment(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<void>(`/attachments/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: attachmentKeys.list(customerId) }),
  });
}
