import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccuracyDto, AdjustForecastBody, ForecastDto, ForecastFiguresDto, ForecastReportDto, SubmitForecastBody,
} from '../../../shared/contracts/forecasts.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Forecast = ForecastDto;
export type ForecastFigures = ForecastFiguresDto;
export type ForecastReport = ForecastReportDto;
export type Accuracy = AccuracyDto;
/** The filter shared by the report, the accuracy chart and the team table. */
export interface ForecastFilter { period: string; orgNodeId?: string; ownerId?: string }

export const forecastKeys = {
  all: ['forecasts'] as const,
  figures: (month: string) => [...forecastKeys.all, 'figures', month] as const,
  list: (q: { month: string; orgNodeId?: string; ownerId?: string }) => [...forecastKeys.all, 'list', q] as const,
  report: (f: ForecastFilter) => [...forecastKeys.all, 'report', f] as const,
  accuracy: (q: { from: string; to: string; orgNodeId?: string; ownerId?: string }) => [...forecastKeys.all, 'accuracy', q] as const,
};

export function useMyFigures(month: string) {
  return useQuery({ queryKey: forecastKeys.figures(month), queryFn: ({ signal }) => http.get<ForecastFigures>('/forecasts/figures', { month }, signal) });
}

export function useForecasts(q: { month: string; orgNodeId?: string; ownerId?: string }, enabled = true) {
  return useCursorList<Page<Forecast>>(forecastKeys.list(q),
    (cursor, signal) => http.get<Page<Forecast>>('/forecasts', { ...q, cursor, limit: 100 }, signal), { enabled });
}

export function useForecastReport(filter: ForecastFilter) {
  return useQuery({ queryKey: forecastKeys.report(filter), queryFn: ({ signal }) => http.get<ForecastReport>('/reports/forecast', { ...filter }, signal) });
}

export function useAccuracy(q: { from: string; to: string; orgNodeId?: string; ownerId?: string }) {
  return useQuery({ queryKey: forecastKeys.accuracy(q), queryFn: ({ signal }) => http.get<Accuracy>('/forecasts/accuracy', { ...q }, signal) });
}

export const forecastExportUrl = (filter: ForecastFilter) => buildUrl('/reports/forecast.xlsx', { ...filter });

export function useSubmitForecast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SubmitForecastBody) => http.post<Forecast>('/forecasts', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forecastKeys.all }),
  });
}

export function useAdjustForecast() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: AdjustForecastBody & { id: string }) => http.post<Forecast>(`/forecasts/${id}/adjust`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forecastKeys.all }),
  });
}
