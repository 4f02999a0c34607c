/** The invoices web module's door for other modules (the contract page's 开票 tab). */
export { ContractInvoicesTab } from './components/contract-invoices-tab';
