import { Flex, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { LoadMore } from '../../../platform/list/load-more';
import { useQuotes, type QuoteFilter, type QuoteSummary } from '../api';
import { QuoteStatusTag } from './quote-status-tag';

/** The quote list for a filter (the list page, a customer's or an opportunity's tab), newest first with "load more". */
export function QuoteTable({ filter, compact }: { filter: QuoteFilter; compact?: boolean }) {
  const { t } = useTranslation('quotes');
  const isPhone = !Grid.useBreakpoint().md;
  const list = useQuotes(filter);
  const amount = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;
  const exception = (q: QuoteSummary) => (q.needsExceptionApproval ? <Tag color="orange">{t('detail.reasons')}</Tag> : null);
  return (
    <>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <Table<QuoteSummary>
        rowKey="id" size="middle" pagination={false} loading={list.isPending} dataSource={list.items} data-testid="quotes-table"
        locale={{ emptyText: t('list.empty') }} scroll={isPhone ? undefined : { x: 900 }}
        columns={isPhone ? [{
          title: t('field.number'), key: 'quote',
          render: (_, q) => (
            <Flex vertical gap={2}>
              <Flex gap={6} wrap align="center"><Link to={`/quotes/${q.id}`}>{q.number}</Link><QuoteStatusTag status={q.status} />{exception(q)}</Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{q.customer.name} · {formatMoney(q.total)} · {t('field.validUntil')} {q.validUntil} · {q.owner.name}</Typography.Text>
            </Flex>
          ),
        }] : [
          { title: t('field.number'), dataIndex: 'number', width: 140, fixed: 'left', render: (n: string, q) => <Link to={`/quotes/${q.id}`}>{n}</Link> },
          { title: t('field.revision'), dataIndex: 'revision', width: 60, align: 'center', render: (r: number) => `V${r}` },
          ...(compact ? [] : [{ title: t('field.customer'), key: 'customer', width: 200, ellipsis: true, render: (_: unknown, q: QuoteSummary) => <Link to={`/customers/${q.customer.id}`}>{q.customer.name}</Link> }]),
          { title: t('field.total'), key: 'total', width: 140, align: 'right', render: (_, q) => amount(q.total) },
          { title: t('field.status'), key: 'status', width: 170, render: (_, q) => <Flex gap={4} wrap><QuoteStatusTag status={q.status} />{exception(q)}</Flex> },
          { title: t('field.quoteDate'), dataIndex: 'quoteDate', width: 110 },
          { title: t('field.validUntil'), dataIndex: 'validUntil', width: 110 },
          { title: t('field.owner'), key: 'owner', width: 90, render: (_, q) => q.owner.name },
        ]}
      />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
    </>
  );
}
