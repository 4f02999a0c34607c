/** The print-templates web module's door for other modules (the contract page's 打印 button). */
export { PrintContractButton } from './components/print-contract-button';
