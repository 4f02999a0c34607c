import { useQuery } from '@tanstack/react-query';
import type { ActivityReportDto, FunnelReportDto } from '../../../shared/contracts/reports.contract';
import { buildUrl, http } from '../../platform/http/http-client';

export type FunnelReport = FunnelReportDto;
export type ActivityReport = ActivityReportDto;

/** The filters every report shares (api.md): `period` as `src/shared/periods.ts` reads it, department subtree, owner. */
export interface ReportFilter { period: string; orgNodeId?: string; ownerId?: string }
export interface FunnelFilter extends ReportFilter { pipelineId?: string }

const query = (filter: ReportFilter) => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as Record<string, string>;

export const reportKeys = {
  all: ['reports'] as const,
  funnel: (filter: FunnelFilter) => [...reportKeys.all, 'funnel', filter] as const,
  activities: (filter: ReportFilter) => [...reportKeys.all, 'activities', filter] as const,
};

export function useFunnelReport(filter: FunnelFilter) {
  return useQuery({ queryKey: reportKeys.funnel(filter), queryFn: ({ signal }) => http.get<FunnelReport>('/reports/funnel', query(filter), signal) });
}

export function useActivityReport(filter: ReportFilter) {
  return useQuery({ queryKey: reportKeys.activities(filter), queryFn: ({ signal }) => http.get<ActivityReport>('/reports/activities', query(filter), signal) });
}

/** The reports as .xlsx downloads (a plain GET with the session cookie; the export is audited). */
export const funnelExportUrl = (filter: FunnelFilter) => buildUrl('/reports/funnel.xlsx', query(filter));
export const funnelPdfUrl = (filter: FunnelFilter) => buildUrl('/reports/funnel.pdf', query(filter));
export const activitiesExportUrl = (filter: ReportFilter) => buildUrl('/reports/activities.xlsx', query(filter));
