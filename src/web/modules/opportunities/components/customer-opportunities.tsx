import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { LoadMore } from '../../../platform/list/load-more';
import { useOpportunities, type Opportunity } from '../api';
import { useOpportunityColumns } from './opportunity-columns';

/** The opportunities tab of a customer: that customer's deals I may see, and "new opportunity" for it. */
export function CustomerOpportunities({ customerId }: { customerId: string }) {
  const { t } = useTranslation('opportunities');
  const { can } = useAccess();
  const navigate = useNavigate();
  const list = useOpportunities({ customerId }, { enabled: can('opportunity:read') });
  const columns = useOpportunityColumns({ withCustomer: false });
  return (
    <Flex vertical gap={12} data-testid="customer-opportunities">
      {can('opportunity:create') ? (
        <Flex justify="end">
          <Button icon={<PlusOutlined />} onClick={() => navigate(`/opportunities/new?customerId=${customerId}`)} data-testid="customer-create-opportunity">{t('list.create')}</Button>
        </Flex>
      ) : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<Opportunity> rowKey="id" loading={list.isPending && can('opportunity:read')} dataSource={list.items} pagination={false} size="small"
        scroll={{ x: 'max-content' }} locale={{ emptyText: t('customerTab.empty') }} columns={columns} />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
    </Flex>
  );
}
