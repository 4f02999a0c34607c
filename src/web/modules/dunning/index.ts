/** The dunning web module's door: the deferral request dialog, usable from a receivable elsewhere. */
export { DeferralModal } from './components/deferral-modal';
