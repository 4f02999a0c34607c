/** The credit web module's door for other modules (the customer page's 信用 tab). */
export { CustomerCreditTab } from './components/customer-credit-tab';
export { CreditChangeSnapshotView, isCreditChangeSnapshot } from './components/credit-change-snapshot';
