import { enUS as activitiesEn } from './modules/activities/locales/en-US';
import { zhCN as activitiesZh } from './modules/activities/locales/zh-CN';
import { enUS as approvalsEn } from './modules/approvals/locales/en-US';
import { zhCN as approvalsZh } from './modules/approvals/locales/zh-CN';
import { enUS as attachmentsEn } from './modules/attachments/locales/en-US';
import { zhCN as attachmentsZh } from './modules/attachments/locales/zh-CN';
import { enUS as auditEn } from './modules/audit/locales/en-US';
import { enUS as customFieldsEn } from './modules/custom-fields/locales/en-US';
import { zhCN as customFieldsZh } from './modules/custom-fields/locales/zh-CN';
import { enUS as savedViewsEn } from './modules/saved-views/locales/en-US';
import { zhCN as savedViewsZh } from './modules/saved-views/locales/zh-CN';
import { enUS as searchEn } from './modules/search/locales/en-US';
import { zhCN as searchZh } from './modules/search/locales/zh-CN';
import { zhCN as auditZh } from './modules/audit/locales/zh-CN';
import { enUS as authEn } from './modules/auth/locales/en-US';
import { zhCN as authZh } from './modules/auth/locales/zh-CN';
import { enUS as customersEn } from './modules/customers/locales/en-US';
import { zhCN as customersZh } from './modules/customers/locales/zh-CN';
import { enUS as homeEn } from './modules/home/locales/en-US';
import { enUS as importsEn } from './modules/imports/locales/en-US';
import { zhCN as importsZh } from './modules/imports/locales/zh-CN';
import { enUS as leadsEn } from './modules/leads/locales/en-US';
import { zhCN as leadsZh } from './modules/leads/locales/zh-CN';
import { enUS as motEn } from './modules/mot/locales/en-US';
import { zhCN as motZh } from './modules/mot/locales/zh-CN';
import { zhCN as homeZh } from './modules/home/locales/zh-CN';
import { enUS as notificationsEn } from './modules/notifications/locales/en-US';
import { zhCN as notificationsZh } from './modules/notifications/locales/zh-CN';
import { enUS as opportunitiesEn } from './modules/opportunities/locales/en-US';
import { zhCN as opportunitiesZh } from './modules/opportunities/locales/zh-CN';
import { enUS as orgEn } from './modules/org/locales/en-US';
import { zhCN as orgZh } from './modules/org/locales/zh-CN';
import { enUS as receptionEn } from './modules/reception/locales/en-US';
import { enUS as reportsEn } from './modules/reports/locales/en-US';
import { zhCN as reportsZh } from './modules/reports/locales/zh-CN';
import { zhCN as receptionZh } from './modules/reception/locales/zh-CN';
import { enUS as settingsEn } from './modules/settings/locales/en-US';
import { zhCN as settingsZh } from './modules/settings/locales/zh-CN';
import { enUS as visitPlansEn } from './modules/visit-plans/locales/en-US';
import { zhCN as visitPlansZh } from './modules/visit-plans/locales/zh-CN';
import { enUS as forecastsEn } from './modules/forecasts/locales/en-US';
import { zhCN as forecastsZh } from './modules/forecasts/locales/zh-CN';
import { enUS as creditEn } from './modules/credit/locales/en-US';
import { enUS as dunningEn } from './modules/dunning/locales/en-US';
import { zhCN as dunningZh } from './modules/dunning/locales/zh-CN';
import { enUS as paymentsEn } from './modules/payments/locales/en-US';
import { zhCN as paymentsZh } from './modules/payments/locales/zh-CN';
import { enUS as penaltiesEn } from './modules/penalties/locales/en-US';
import { zhCN as penaltiesZh } from './modules/penalties/locales/zh-CN';
import { zhCN as creditZh } from './modules/credit/locales/zh-CN';
import { enUS as shipmentsEn } from './modules/shipments/locales/en-US';
import { zhCN as shipmentsZh } from './modules/shipments/locales/zh-CN';
import { enUS as productsEn } from './modules/products/locales/en-US';
import { enUS as contractsEn } from './modules/contracts/locales/en-US';
import { zhCN as contractsZh } from './modules/contracts/locales/zh-CN';
import { enUS as invoicesEn } from './modules/invoices/locales/en-US';
import { zhCN as invoicesZh } from './modules/invoices/locales/zh-CN';
import { enUS as printTemplatesEn } from './modules/print-templates/locales/en-US';
import { zhCN as printTemplatesZh } from './modules/print-templates/locales/zh-CN';
import { enUS as quotesEn } from './modules/quotes/locales/en-US';
import { zhCN as quotesZh } from './modules/quotes/locales/zh-CN';
import { zhCN as productsZh } from './modules/products/locales/zh-CN';
import { enUS as ordersEn } from './modules/orders/locales/en-US';
import { zhCN as ordersZh } from './modules/orders/locales/zh-CN';
import { enUS as platformEn } from './platform/locales/en-US';
import { zhCN as platformZh } from './platform/locales/zh-CN';

/** One i18next namespace per module (plus `platform`); zh-CN is the source, en-US has the same keys. */
export const resources = {
  'zh-CN': {
    platform: platformZh, auth: authZh, home: homeZh, approvals: approvalsZh, org: orgZh,
    audit: auditZh, settings: settingsZh, notifications: notificationsZh, customers: customersZh,
    reception: receptionZh, leads: leadsZh, mot: motZh, imports: importsZh, opportunities: opportunitiesZh,
    customFields: customFieldsZh, search: searchZh, savedViews: savedViewsZh, attachments: attachmentsZh,
    activities: activitiesZh, visitPlans: visitPlansZh, reports: reportsZh, forecasts: forecastsZh, products: productsZh,
    credit: creditZh, payments: paymentsZh, penalties: penaltiesZh, dunning: dunningZh, contracts: contractsZh, invoices: invoicesZh, printTemplates: printTemplatesZh, quotes: quotesZh, orders: ordersZh, shipments: shipmentsZh,
  },
  'en-US': {
    platform: platformEn, auth: authEn, home: homeEn, approvals: approvalsEn, org: orgEn,
    audit: auditEn, settings: settingsEn, notifications: notificationsEn, customers: customersEn,
    reception: receptionEn, leads: leadsEn, mot: motEn, imports: importsEn, opportunities: opportunitiesEn,
    customFields: customFieldsEn, search: searchEn, savedViews: savedViewsEn, attachments: attachmentsEn,
    activities: activitiesEn, visitPlans: visitPlansEn, reports: reportsEn, forecasts: forecastsEn, products: productsEn,
    credit: creditEn, payments: paymentsEn, penalties: penaltiesEn, dunning: dunningEn, contracts: contractsEn, invoices: invoicesEn, printTemplates: printTemplatesEn, quotes: quotesEn, orders: ordersEn, shipments: shipmentsEn,
  },
} satisfies Record<string, Record<string, Record<string, string>>>;
