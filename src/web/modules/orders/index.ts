/** The orders web module's door for other modules (the contract page's 下达订单 button). */
export { PlaceOrderButton } from './components/place-order-button';
export { OrderChangeSnapshotView, isOrderChangeSnapshot } from './components/order-change-snapshot';
