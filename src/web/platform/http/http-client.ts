import { currentLanguage } from '../i18n/i18n';
import { ApiError, parseApiError } from './api-error';

export const API_BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;
/** Query parameters; a nested record (custom-field filters `cf`) is sent flat as `cf.<key>=value`. */
export type QueryParams = Record<string, QueryValue | Record<string, QueryValue>>;

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Lets the session layer react when any call finds the session gone. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export function buildUrl(path: string, query?: QueryParams): string {
  const search = new URLSearchParams();
  const put = (key: string, value: QueryValue) => {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  };
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== null && typeof value === 'object') for (const [inner, v] of Object.entries(value)) put(`${key}.${inner}`, v);
    else put(key, value);
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** One call to the Kairos API: cookie session, language header, CSRF header on writes, api.md errors thrown as ApiError. */
export async function requestJson<T>(method: string, path: string, options: { query?: QueryParams; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (method !== 'GET' && method !== 'HEAD') headers['X-Requested-With'] = 'kairos';
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method, headers, credentials: 'include', signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message || 'network error');
  }
  const body = await readBody(response);
  if (!response.ok) {
    const error = parseApiError(response.status, body, `HTTP ${response.status}`);
    if (error.code === 'UNAUTHENTICATED') unauthenticatedListeners.forEach((listener) => listener(error));
    throw error;
  }
  return body as T;
}

export const http = {
  get: <T>(path: string, query?: QueryParams, signal?: AbortSignal) => requestJson<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => requestJson<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => requestJson<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => requestJson<T>('PUT', path, { body }),
  delete: <T>(path: string) => requestJson<T>('DELETE', path),
};
