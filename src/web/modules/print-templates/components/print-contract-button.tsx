import { PrinterOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { contractPdfUrl } from '../api';

/** 打印: opens the contract printed through the workspace's contract template (a PDF named by its number) in a new tab. */
export function PrintContractButton({ contractId }: { contractId: string }) {
  const { t } = useTranslation('printTemplates');
  return <Button icon={<PrinterOutlined />} href={contractPdfUrl(contractId)} target="_blank" rel="noreferrer" data-testid="contract-print">{t('action.print')}</Button>;
}
