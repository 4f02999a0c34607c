/** The payments web module's door: a customer's open receivables, shown on its credit tab. */
export { OpenReceivablesCard } from './components/open-receivables-card';
