import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePriceListBody, CreateProductBody, PriceChangeDto, PriceHistoryDto, PriceListDetailDto, PriceListDto, ProductDto,
  RequestPriceListChangeBody, RequestProductPriceChangeBody, UpdateProductBody,
} from '../../../shared/contracts/products.contract';
import { buildUrl, http } from '../../platform/http/http-client';
import { useCursorList, type Page } from '../../platform/list/use-cursor-list';

export type Product = ProductDto;
export type PriceChange = PriceChangeDto;
export type PriceHistory = PriceHistoryDto;
export type PriceList = PriceListDto;
export type PriceListDetail = PriceListDetailDto;
/** The product list's filter (kept in the URL). */
export interface ProductFilter { q?: string; category?: string; kind?: 'product' | 'service'; isActive?: 'true' | 'false' }

export const productKeys = {
  all: ['products'] as const,
  list: (f: ProductFilter) => [...productKeys.all, 'list', f] as const,
  categories: () => [...productKeys.all, 'categories'] as const,
  detail: (id: string) => [...productKeys.all, 'detail', id] as const,
  history: (id: string) => [...productKeys.all, 'history', id] as const,
  priceLists: () => [...productKeys.all, 'price-lists'] as const,
  priceList: (id: string) => [...productKeys.all, 'price-list', id] as const,
  changes: (status?: string) => [...productKeys.all, 'changes', status ?? 'all'] as const,
};

export function useProducts(filter: ProductFilter) {
  return useCursorList<Page<Product>>(productKeys.list(filter),
    (cursor, signal) => http.get<Page<Product>>('/products', { ...filter, cursor, limit: 50 }, signal));
}

export function useProductCategories() {
  return useQuery({ queryKey: productKeys.categories(), queryFn: ({ signal }) => http.get<{ items: string[] }>('/product-categories', undefined, signal) });
}

export function useProduct(id: string) {
  return useQuery({ queryKey: productKeys.detail(id), queryFn: ({ signal }) => http.get<Product>(`/products/${id}`, undefined, signal) });
}

export function usePriceHistory(id: string) {
  return useQuery({ queryKey: productKeys.history(id), queryFn: ({ signal }) => http.get<PriceHistory>(`/products/${id}/price-history`, undefined, signal) });
}

export const productExportUrl = (filter: ProductFilter) => buildUrl('/products.xlsx', { ...filter });

export function usePriceLists() {
  return useCursorList<Page<PriceList>>(productKeys.priceLists(),
    (cursor, signal) => http.get<Page<PriceList>>('/price-lists', { cursor, limit: 100 }, signal));
}

export function usePriceList(id: string | null) {
  return useQuery({
    queryKey: productKeys.priceList(id ?? ''), enabled: id !== null,
    queryFn: ({ signal }) => http.get<PriceListDetail>(`/price-lists/${id}`, undefined, signal),
  });
}

export function usePriceChanges(status?: string) {
  return useCursorList<Page<PriceChange>>(productKeys.changes(status),
    (cursor, signal) => http.get<Page<PriceChange>>('/price-changes', { status, cursor, limit: 50 }, signal));
}

function useInvalidatingMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: productKeys.all }) });
}

export const useCreateProduct = () => useInvalidatingMutation((input: CreateProductBody) => http.post<Product>('/products', input));
export const useUpdateProduct = (id: string) => useInvalidatingMutation((input: UpdateProductBody) => http.patch<Product>(`/products/${id}`, input));
export const useRequestPriceChange = (id: string) =>
  useInvalidatingMutation((input: RequestProductPriceChangeBody) => http.post<PriceChange>(`/products/${id}/price-changes`, input));
export const useCreatePriceList = () => useInvalidatingMutation((input: CreatePriceListBody) => http.post<PriceListDetail>('/price-lists', input));
export const useRequestPriceListChange = (id: string) =>
  useInvalidatingMutation((input: RequestPriceListChangeBody) => http.post<PriceChange>(`/price-lists/${id}/price-changes`, input));
