import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PrintKind, PrintTemplateDto, PrintTemplateSummaryDto, ResetPrintTemplateBody, SavePrintTemplateBody,
} from '../../../shared/contracts/print-templates.contract';
import { currentLanguage } from '../../platform/i18n/i18n';
import { ApiError, parseApiError } from '../../platform/http/api-error';
import { buildUrl, http } from '../../platform/http/http-client';

export type { PrintKind };
export type PrintTemplate = PrintTemplateDto;
export type PrintTemplateSummary = PrintTemplateSummaryDto;

export const printTemplateKeys = {
  all: ['print-templates'] as const,
  list: () => [...printTemplateKeys.all, 'list'] as const,
  detail: (kind: PrintKind) => [...printTemplateKeys.all, 'detail', kind] as const,
};

export function usePrintTemplates() {
  return useQuery({ queryKey: printTemplateKeys.list(), queryFn: ({ signal }) => http.get<{ items: PrintTemplateSummary[] }>('/print-templates', undefined, signal) });
}

export function usePrintTemplate(kind: PrintKind) {
  return useQuery({ queryKey: printTemplateKeys.detail(kind), queryFn: ({ signal }) => http.get<PrintTemplate>(`/print-templates/${kind}`, undefined, signal) });
}

function useTemplateWrite(path: 'save' | 'reset') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...body }: (SavePrintTemplateBody | ResetPrintTemplateBody) & { kind: PrintKind }) =>
      path === 'save' ? http.put<PrintTemplate>(`/print-templates/${kind}`, body) : http.post<PrintTemplate>(`/print-templates/${kind}/reset`, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(printTemplateKeys.detail(saved.kind), saved);
      await queryClient.invalidateQueries({ queryKey: printTemplateKeys.list() });
    },
  });
}

export const useSavePrintTemplate = () => useTemplateWrite('save');
export const useResetPrintTemplate = () => useTemplateWrite('reset');

/** The template (not saved) printed with sample data: a PDF blob, or the api.md error (400 naming unknown placeholders). */
export async function previewPrintTemplate(kind: PrintKind, body: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(buildUrl(`/print-templates/${kind}/preview`), {
      method: 'POST', credentials: 'include', body: JSON.stringify({ body }),
      headers: { 'Content-Type': 'application/json', 'Accept-Language': currentLanguage(), 'X-Requested-With': 'kairos' },
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', (error as Error).message || 'network error');
  }
  if (!response.ok) {
    let parsed: unknown;
    try { parsed = await response.json(); } catch { parsed = undefined; }
    throw parseApiError(response.status, parsed, `HTTP ${response.status}`);
  }
  return response.blob();
}

/** Where a contract prints (the browser shows the PDF; its file name is the contract number). */
export const contractPdfUrl = (contractId: string) => buildUrl(`/contracts/${contractId}.pdf`);
