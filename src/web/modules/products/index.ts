/** What other web modules may use from products: the approval snapshot view of a price change. */
export { isPriceChangeSnapshot, PriceChangeSnapshotView } from './components/price-change-snapshot';
