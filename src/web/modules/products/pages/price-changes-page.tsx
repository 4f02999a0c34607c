import { Card, Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { usePriceChanges } from '../api';
import { RequestsTable } from '../components/requests-table';

/** 调价申请: every price change request, newest first, by status. */
export function PriceChangesPage() {
  const { t } = useTranslation('products');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const list = usePriceChanges(status);
  return (
    <PageContainer title={t('changes.title')}>
      <Card>
        <Segmented style={{ marginBottom: 12 }} value={status ?? 'all'} onChange={(v) => setParams(v === 'all' ? {} : { status: String(v) }, { replace: true })}
          options={[{ value: 'all', label: t('changes.all') }, ...(['pending', 'approved', 'rejected', 'returned'] as const).map((s) => ({ value: s, label: t(`change.status.${s}`) }))]} />
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <RequestsTable requests={list.items} loading={list.isPending} withTarget />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
