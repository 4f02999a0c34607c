import 'i18next';
import type { resources } from './locales';

/** Makes `t('…')` keys type-checked against the zh-CN source locale of each namespace. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'platform';
    keySeparator: false;
    nsSeparator: ':';
    resources: (typeof resources)['zh-CN'];
  }
}
