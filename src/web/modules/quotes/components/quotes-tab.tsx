import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { QuoteTable } from './quote-table';

/** The 报价 tab of a customer or an opportunity: its quotes, and a new quote pre-filled with it. */
export function QuotesTab({ customerId, opportunityId }: { customerId: string; opportunityId?: string }) {
  const { t } = useTranslation('quotes');
  const { can } = useAccess();
  const query = new URLSearchParams({ customerId, ...(opportunityId ? { opportunityId } : {}) });
  return (
    <Flex vertical gap={12}>
      {can('quote:create') ? (
        <Link to={`/quotes/new?${query.toString()}`} style={{ alignSelf: 'end' }}><Button icon={<PlusOutlined />}>{t('list.new')}</Button></Link>
      ) : null}
      <QuoteTable compact filter={opportunityId ? { opportunityId } : { customerId }} />
    </Flex>
  );
}
