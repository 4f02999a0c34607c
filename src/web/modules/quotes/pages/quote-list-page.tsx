import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { quoteStatuses } from '../../../../shared/contracts/quotes.contract';
import { useAccess } from '../../../platform/access/access';
import { PageContainer } from '../../../platform/layout/page-container';
import { CustomerSelect } from '../../customers/components/customer-select';
import { UserSelect } from '../../customers/components/user-select';
import type { QuoteFilter, QuoteStatus } from '../api';
import { QuoteTable } from '../components/quote-table';

/** 报价单: quotes in my scope, by status (expired included), customer and owner, cursor-paged. */
export function QuoteListPage() {
  const { t } = useTranslation('quotes');
  const { can } = useAccess();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<QuoteFilter>({});
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });

  return (
    <PageContainer title={t('list.title')} extra={can('quote:create') ? <Link to="/quotes/new"><Button type="primary" icon={<PlusOutlined />}>{t('list.new')}</Button></Link> : null}>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="quote-filters">
          <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={w(180)} onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))} />
          <Select allowClear placeholder={t('list.anyStatus')} aria-label={t('field.status')} style={w(140)} value={filter.status}
            options={quoteStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={(status?: QuoteStatus) => setFilter((f) => ({ ...f, status }))} />
          <div style={w(220)}><CustomerSelect value={filter.customerId} onChange={(customerId) => setFilter((f) => ({ ...f, customerId }))} /></div>
          <UserSelect salesOnly allowClear placeholder={t('list.anyOwner')} style={w(140)} value={filter.ownerId} onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
          {filter.status === 'expired' ? <Tag color="warning" style={{ alignSelf: 'center' }}>{t('detail.expiredHint')}</Tag> : null}
        </Flex>
        <QuoteTable filter={filter} />
      </Card>
    </PageContainer>
  );
}
