import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** React.lazy for a page module with named exports (each page is its own chunk). */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): LazyExoticComponent<ComponentType> {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
