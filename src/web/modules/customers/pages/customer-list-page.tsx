import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useCustomFieldColumns } from '../../custom-fields/components/use-custom-field-columns';
import { ExportButton } from '../../imports/components/export-button';
import { SavedViewsBar } from '../../saved-views/components/saved-views-bar';
import { useCustomers, type Customer, type CustomerFilter } from '../api';
import { CustomerCounts } from '../components/customer-counts';
import { CustomerFilters } from '../components/customer-filters';
import { CustomerFormModal } from '../components/customer-form-modal';
import { LockedMark, StatusTag, ValueClassTag } from '../components/customer-tags';
import { filterFromParams, filterToParams, filterToQuery } from '../components/filter-params';
import { activeFilterCount } from '../components/filter-values';

/** 客户: the customers I may see, filtered, sorted and paged; counts by value class; quick create. */
export function CustomerListPage() {
  const { t } = useTranslation('customers');
  const { can } = useAccess();
  const navigate = useNavigate();
  const formatInstant = useFormatInstant();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const setFilter = (next: CustomerFilter) => setParams(filterToParams(next), { replace: true });
  const customers = useCustomers(filter);
  const customFieldColumns = useCustomFieldColumns<Customer>('customers');
  const [creating, setCreating] = useState(false);
  const filtered = activeFilterCount(filter) > 0 || Boolean(filter.q);

  return (
    <PageContainer title={t('list.title')}
      extra={(
        <>
          <ExportButton entity="customers" filter={filterToQuery(filter)} />
          {can('customer:create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-customer">{t('list.create')}</Button> : null}
        </>
      )}>
      <Card>
        <div style={{ marginBottom: 12 }}>
          <SavedViewsBar entity="customers" filters={filter} onApply={(next) => setFilter(next as CustomerFilter)} />
        </div>
        <CustomerFilters filter={filter} onChange={setFilter} />
        <CustomerCounts filter={filter} onChange={setFilter} />
        {customers.isError ? <ErrorAlert error={customers.error} /> : null}
        <Table<Customer>
          rowKey="id"
          loading={customers.isPending}
          dataSource={customers.items}
          pagination={false}
          size="middle"
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: filtered ? t('list.emptyFiltered') : t('list.empty') }}
          data-testid="customers-table"
          onRow={(c) => ({ onDoubleClick: () => navigate(`/customers/${c.id}`) })}
          columns={[
            { title: t('field.name'), key: 'name', fixed: 'left', render: (_, c) => (
              <Flex vertical style={{ maxWidth: 280, minWidth: 140 }}>
                <Flex gap={4} align="center">
                  <Link to={`/customers/${c.id}`} data-testid="customer-link" style={{ whiteSpace: 'normal' }}>{c.name}</Link>
                  {c.isLocked ? <LockedMark /> : null}
                </Flex>
                {c.industry ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.industry}</Typography.Text> : null}
              </Flex>
            ) },
            { title: t('field.valueClass'), dataIndex: 'valueClass', render: (v: Customer['valueClass']) => <ValueClassTag value={v} /> },
            { title: t('field.status'), dataIndex: 'status', responsive: ['sm'], render: (s: Customer['status']) => <StatusTag value={s} /> },
            { title: t('field.owner'), dataIndex: 'ownerName', responsive: ['sm'], render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('list.inPool')}</Typography.Text> },
            { title: t('field.phone'), dataIndex: 'phone', responsive: ['md'], render: (p: string | null) => p ?? '—' },
            { title: t('field.lastFollowUpOn'), dataIndex: 'lastFollowUpOn', responsive: ['lg'], render: (d: string | null) => d ?? '—' },
            { title: t('field.recycleOn'), dataIndex: 'recycleOn', responsive: ['md'], render: (d: string | null) => d ?? '—' },
            { title: t('field.updatedAt'), dataIndex: 'updatedAt', responsive: ['xl'], render: (d: string) => formatInstant(d) },
            // custom fields last: the table scrolls sideways to them rather than pushing core columns out of view
            ...customFieldColumns,
          ]}
        />
        <LoadMore hasMore={customers.hasNextPage} loading={customers.isFetchingNextPage} onLoad={() => void customers.fetchNextPage()} count={customers.items.length} />
      </Card>
      {creating ? <CustomerFormModal customer={null} onClose={() => setCreating(false)} onCreated={(c) => navigate(`/customers/${c.id}`)} /> : null}
    </PageContainer>
  );
}
