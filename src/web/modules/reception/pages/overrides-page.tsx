import { Card, DatePicker, Empty, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useOverrides, type Override, type Period } from '../api';
import { addDays, todayLocal } from '../components/dates';
import { RoutedByTag } from '../components/visit-tags';

/** Who overrode which automatic assignment, to whom and why (deliberate mis-routing is a dismissal offence). */
export function OverridesPage() {
  const { t } = useTranslation('reception');
  const today = todayLocal();
  const [period, setPeriod] = useState<Period>({ from: addDays(today, -29), to: today });
  const overrides = useOverrides(period);
  const formatInstant = useFormatInstant();
  const columns = [
    { title: t('overrides.at'), key: 'at', width: 140, render: (_: unknown, o: Override) => formatInstant(o.at) },
    { title: t('col.company'), key: 'company', ellipsis: true, render: (_: unknown, o: Override) => `${o.visitNumber ?? ''} ${o.company}` },
    { title: t('overrides.auto'), key: 'auto', width: 180, render: (_: unknown, o: Override) => <><RoutedByTag routedBy={o.autoRoutedBy} />{o.autoAssignee.name}</> },
    { title: t('overrides.from'), key: 'from', width: 90, render: (_: unknown, o: Override) => o.from.name },
    { title: t('overrides.to'), key: 'to', width: 90, render: (_: unknown, o: Override) => o.to.name },
    { title: t('overrides.reason'), dataIndex: 'reason', key: 'reason', ellipsis: true },
    { title: t('overrides.by'), key: 'by', width: 90, render: (_: unknown, o: Override) => o.by.name },
  ];
  return (
    <PageContainer title={t('overrides.title')} extra={(
      <DatePicker.RangePicker allowClear={false} value={[dayjs(period.from), dayjs(period.to)]} aria-label={t('daily.period')}
        onChange={(range) => { if (range?.[0] && range[1]) setPeriod({ from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') }); }} />
    )}>
      <Card>
        <Table<Override> rowKey="id" size="small" columns={columns} dataSource={overrides.items} loading={overrides.isPending} pagination={false}
          scroll={{ x: 900 }} locale={{ emptyText: <Empty description={t('overrides.empty')} /> }} data-testid="overrides" />
        <LoadMore hasMore={overrides.hasNextPage} loading={overrides.isFetchingNextPage} onLoad={() => void overrides.fetchNextPage()} count={overrides.items.length} />
      </Card>
    </PageContainer>
  );
}
