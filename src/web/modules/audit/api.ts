import type { z } from 'zod';
import type { AuditEntryDto, AuditPage, AuditQuery } from '../../../shared/contracts/audit.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList } from '../../platform/list/use-cursor-list';

export type AuditEntry = z.infer<typeof AuditEntryDto>;
export type AuditFilter = Pick<z.input<typeof AuditQuery>, 'entity' | 'entityId' | 'actorId' | 'action'>;

export const auditKeys = {
  all: ['audit'] as const,
  list: (filter: AuditFilter) => [...auditKeys.all, 'list', filter] as const,
};

export function useAuditLog(filter: AuditFilter) {
  return useCursorList(auditKeys.list(filter), (cursor, signal) => http.get<z.infer<typeof AuditPage>>('/audit', { ...filter, cursor, limit: 50 }, signal));
}

/** The filtered log as an .xlsx download (a plain GET with the session cookie; the export is itself audited). */
export function auditExportUrl(filter: AuditFilter): string {
  return buildUrl('/audit/export.xlsx', filter);
}
