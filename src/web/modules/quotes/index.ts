/** What other web modules may use from quotes: the 报价 tab of a customer or an opportunity, and the approval snapshot view. */
export { QuotesTab } from './components/quotes-tab';
export { isQuoteSnapshot, QuoteSnapshotView } from './components/quote-snapshot';
