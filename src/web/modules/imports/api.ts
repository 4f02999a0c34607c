import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateImportTemplateBody, ExportFormat, ImportEntity, ImportJobDto, ImportReport, ImportTemplateDto,
} from '../../../shared/contracts/imports.contract';
import { currentLanguage } from '../../platform/i18n/i18n';
import { parseApiError } from '../../platform/http/api-error';
import { buildUrl, http, type QueryParams } from '../../platform/http/http-client';

export type { ExportFormat, ImportEntity, ImportJobDto, ImportReport, ImportTemplateDto };
export type ColumnMapping = Record<string, string | null>;
export type DuplicateMode = 'skip' | 'update' | 'stop';

/** The fields each entity's columns can map to (the server's columns.rules.ts), in form order. */
export const importFields: Record<ImportEntity, readonly string[]> = {
  customers: ['name', 'creditCode', 'industry', 'size', 'valueClass', 'status', 'territory', 'address', 'website', 'phone', 'tags', 'owner', 'latitude', 'longitude'],
  contacts: ['customer', 'customerCreditCode', 'customerExternalId', 'name', 'title', 'department', 'mobile', 'phone', 'email', 'im', 'birthday', 'notes', 'buyingRole', 'attitude', 'influence'],
  leads: ['company', 'contactName', 'title', 'phone', 'email', 'im', 'region', 'industry', 'source', 'needDescription', 'estimatedAmount', 'owner'],
};

export const importKeys = {
  templates: (entity: ImportEntity) => ['import-templates', entity] as const,
  job: (id: string) => ['import-jobs', id] as const,
};

export interface ImportRun {
  dryRun: boolean;
  onDuplicate: DuplicateMode;
  mode: 'all' | 'batches';
  batchSize?: number;
  mapping?: ColumnMapping;
  templateId?: string;
}

/** The API's answer to an upload: the row-level report (dry runs, small files) or a job to poll (large files). */
export type UploadResult = { kind: 'report'; report: ImportReport } | { kind: 'job'; job: ImportJobDto };

/** Sends the file itself as the request body (text/csv or xlsx), as `POST /imports/{entity}` expects. */
export async function uploadImport(entity: ImportEntity, file: File, run: ImportRun): Promise<UploadResult> {
  const query: QueryParams = {
    dryRun: String(run.dryRun), onDuplicate: run.onDuplicate, mode: run.mode, batchSize: run.batchSize, templateId: run.templateId,
    fileName: file.name, mapping: run.mapping && Object.keys(run.mapping).length > 0 ? JSON.stringify(run.mapping) : undefined,
  };
  const isXlsx = /\.xlsx$/i.test(file.name);
  const response = await fetch(buildUrl(`/imports/${entity}`, query), {
    method: 'POST', credentials: 'include', body: file,
    headers: {
      Accept: 'application/json', 'Accept-Language': currentLanguage(), 'X-Requested-With': 'kairos',
      'Content-Type': isXlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv',
    },
  });
  const body = await response.json().catch(() => undefined) as unknown;
  if (!response.ok) throw parseApiError(response.status, body, `HTTP ${response.status}`);
  return response.status === 202 ? { kind: 'job', job: body as ImportJobDto } : { kind: 'report', report: body as ImportReport };
}

/** Polls a background import once a second until it is done or failed. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => http.get<ImportJobDto>(`/imports/jobs/${id}`, undefined, signal),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && ['done', 'failed'].includes(query.state.data.status) ? false : 1000),
  });
}

export function useImportTemplates(entity: ImportEntity) {
  return useQuery({
    queryKey: importKeys.templates(entity),
    queryFn: ({ signal }) => http.get<{ items: ImportTemplateDto[] }>('/import-templates', { entity }, signal),
  });
}

export function useSaveTemplate(entity: ImportEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof CreateImportTemplateBody>) => http.post<ImportTemplateDto>('/import-templates', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.templates(entity) }),
  });
}

export function useDeleteTemplate(entity: ImportEntity) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => http.delete<void>(`/import-templates/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.templates(entity) }),
  });
}

/** The download address of an export of the current list (same filters as the list). */
export function exportUrl(entity: ImportEntity, format: ExportFormat, filter: QueryParams): string {
  return buildUrl(`/exports/${entity}.${format}`, filter);
}
