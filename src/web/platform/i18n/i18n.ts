import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'kairos.language';

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** The remembered UI language; zh-CN when none was chosen. */
export function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Sets up i18next with every module's locale files; zh-CN is the source and the fallback. */
export async function initI18n(resources: Resource) {
  const lng = readStoredLanguage();
  document.documentElement.lang = lng;
  await i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'zh-CN',
    defaultNS: 'platform',
    keySeparator: false,
    nsSeparator: ':',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

/** Switches the UI language and remembers it. */
export async function switchLanguage(language: Language) {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export { i18n };
