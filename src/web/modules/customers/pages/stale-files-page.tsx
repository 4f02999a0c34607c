import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useStaleFiles, type Customer } from '../api';
import { ValueClassTag } from '../components/customer-tags';

/** 档案抽查: customer files overdue for review, for the CS manager's spot check. */
export function StaleFilesPage() {
  const { t } = useTranslation('customers');
  const list = useStaleFiles();
  return (
    <PageContainer title={t('stale.title')}>
      <Typography.Paragraph type="secondary">{t('stale.intro')}</Typography.Paragraph>
      <Card>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<Customer>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.items}
          pagination={false}
          locale={{ emptyText: t('stale.empty') }}
          data-testid="stale-files-table"
          columns={[
            { title: t('field.name'), key: 'name', render: (_, c) => <Link to={`/customers/${c.id}?tab=file`}>{c.name}</Link> },
            { title: t('field.valueClass'), dataIndex: 'valueClass', responsive: ['sm'], render: (v: Customer['valueClass']) => <ValueClassTag value={v} /> },
            { title: t('field.owner'), dataIndex: 'ownerName', render: (n: string | null) => n ?? t('list.inPool') },
            { title: t('field.reviewedOn'), dataIndex: 'reviewedOn', render: (d: string | null) => d ?? <Typography.Text type="warning">{t('stale.neverReviewed')}</Typography.Text> },
          ]}
        />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
