import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { LoadMore } from '../../../platform/list/load-more';
import type { BorrowRecord } from '../api';

/** Who opened a confidential file, when and why; `showCustomer` for the cross-customer log. */
export function BorrowRecordsTable({ list, showCustomer, emptyText }: {
  list: { items: BorrowRecord[]; isPending: boolean; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
  showCustomer?: boolean;
  emptyText: string;
}) {
  const { t } = useTranslation('customers');
  const formatInstant = useFormatInstant();
  return (
    <>
      <Table<BorrowRecord>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText }}
        data-testid="borrow-records-table"
        columns={[
          { title: t('borrow.at'), dataIndex: 'at', render: (at: string) => formatInstant(at) },
          ...(showCustomer ? [{ title: t('borrow.customer'), key: 'customer', render: (_: unknown, r: BorrowRecord) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> }] : []),
          { title: t('borrow.user'), key: 'user', render: (_, r) => r.user.name },
          { title: t('borrow.purpose'), dataIndex: 'purpose' },
        ]}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
    </>
  );
}
