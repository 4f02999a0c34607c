/** The contracts web module's door for other modules (the approval page's amendment view; the line table and line editor quotes share). */
export { AmendmentSnapshotView, isAmendmentSnapshot } from './components/amendment-snapshot';
export { LineItemsFields, LineItemsTable } from './components/line-items';
