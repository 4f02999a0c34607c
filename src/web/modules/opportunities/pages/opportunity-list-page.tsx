import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { SavedViewsBar } from '../../saved-views/components/saved-views-bar';
import { useOpportunities, type Opportunity, type OpportunityFilter } from '../api';
import { activeFilterCount, filterFromParams, filterToParams } from '../components/filter-params';
import { OpportunityFilters } from '../components/opportunity-filters';
import { useOpportunityColumns } from '../components/opportunity-columns';
import { ViewSwitch } from '../components/view-switch';

/** 商机列表: the opportunities I may see, filtered (saved views), searched and paged. */
export function OpportunityListPage() {
  const { t } = useTranslation('opportunities');
  const { can } = useAccess();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const setFilter = (next: OpportunityFilter) => setParams(filterToParams(next), { replace: true });
  const list = useOpportunities(filter);
  const columns = useOpportunityColumns({ withCustomer: true });
  const filtered = activeFilterCount(filter) > 0 || Boolean(filter.q);

  return (
    <PageContainer title={t('list.title')}
      extra={(
        <>
          <ViewSwitch value="list" pipelineId={filter.pipelineId} />
          {can('opportunity:create') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/opportunities/new')} data-testid="create-opportunity">{t('list.create')}</Button> : null}
        </>
      )}>
      <Card>
        <div style={{ marginBottom: 12 }}>
          <SavedViewsBar entity="opportunities" filters={filter} onApply={(next) => setFilter(filterFromParams(next))} />
        </div>
        <OpportunityFilters filter={filter} onChange={setFilter} />
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<Opportunity>
          rowKey="id" loading={list.isPending} dataSource={list.items} pagination={false} size="middle" scroll={{ x: 'max-content' }}
          locale={{ emptyText: filtered ? t('list.emptyFiltered') : t('list.empty') }} data-testid="opportunities-table"
          onRow={(o) => ({ onDoubleClick: () => navigate(`/opportunities/${o.id}`) })}
          columns={columns} />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
