import { enUS } from './messages.en-US.js';
import { zhCN } from './messages.zh-CN.js';

export type Locale = 'zh-CN' | 'en-US';
const catalogs: Record<Locale, Record<string, string>> = { 'zh-CN': { ...zhCN }, 'en-US': { ...enUS } };

/**
 * Business modules add their own messages from their index.ts (as they add grants), keeping each
 * module's wording beside its code. en-US must have the same keys as zh-CN.
 */
export function registerMessages<K extends string>(messages: { 'zh-CN': Record<K, string>; 'en-US': Record<K, string> }) {
  Object.assign(catalogs['zh-CN'], messages['zh-CN']);
  Object.assign(catalogs['en-US'], messages['en-US']);
}

/** Picks zh-CN (default) or en-US from an Accept-Language header. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}

/** Message for a key with `{param}` placeholders; an `entity` param is itself translated. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string {
  const catalog = catalogs[locale];
  const template = catalog[key] ?? catalogs['zh-CN'][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) return '';
    if (name === 'entity' || name === 'expected') {
      const nested = catalog[`${name === 'entity' ? 'entities' : 'types'}.${String(value)}`];
      if (nested) return nested;
    }
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}
