/** The shipments web module's door for other modules (the approval page's over-credit snapshot). */
export { isOverrideSnapshot, OverrideSnapshotView } from './components/override-snapshot';
