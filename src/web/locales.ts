import { enUS as approvalsEn } from './modules/approvals/locales/en-US';
import { zhCN as approvalsZh } from './modules/approvals/locales/zh-CN';
import { enUS as auditEn } from './modules/audit/locales/en-US';
import { zhCN as auditZh } from './modules/audit/locales/zh-CN';
import { enUS as authEn } from './modules/auth/locales/en-US';
import { zhCN as authZh } from './modules/auth/locales/zh-CN';
import { enUS as homeEn } from './modules/home/locales/en-US';
import { zhCN as homeZh } from './modules/home/locales/zh-CN';
import { enUS as notificationsEn } from './modules/notifications/locales/en-US';
import { zhCN as notificationsZh } from './modules/notifications/locales/zh-CN';
import { enUS as orgEn } from './modules/org/locales/en-US';
import { zhCN as orgZh } from './modules/org/locales/zh-CN';
import { enUS as settingsEn } from './modules/settings/locales/en-US';
import { zhCN as settingsZh } from './modules/settings/locales/zh-CN';
import { enUS as platformEn } from './platform/locales/en-US';
import { zhCN as platformZh } from './platform/locales/zh-CN';

/** One i18next namespace per module (plus `platform`); zh-CN is the source, en-US has the same keys. */
export const resources = {
  'zh-CN': {
    platform: platformZh, auth: authZh, home: homeZh, approvals: approvalsZh, org: orgZh,
    audit: auditZh, settings: settingsZh, notifications: notificationsZh,
  },
  'en-US': {
    platform: platformEn, auth: authEn, home: homeEn, approvals: approvalsEn, org: orgEn,
    audit: auditEn, settings: settingsEn, notifications: notificationsEn,
  },
} satisfies Record<string, Record<string, Record<string, string>>>;
