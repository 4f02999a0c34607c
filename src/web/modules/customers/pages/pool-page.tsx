import { Button, Card, Flex, Grid, Input, Select, Table, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { valueClasses } from '../../../../shared/contracts/customers.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { usePoolClaim } from '../../../platform/pool/use-pool-claim';
import { useTerritories, useUserPicker } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import { usePool, usePoolCommand, type Customer, type PoolFilter } from '../api';
import { StatusTag, ValueClassTag } from '../components/customer-tags';

/** 公海: customers nobody owns; claim one (refusals — owned cap, claims per day, cool-down — come localised from the server). */
export function PoolPage() {
  const { t } = useTranslation('customers');
  const [filter, setFilter] = useState<PoolFilter>({});
  const pool = usePool(filter);
  const claim = usePoolCommand();
  const territories = useTerritories();
  const users = useUserPicker();
  const territoryTree = useMemo(() => toTreeSelectData(buildTree(territories.data?.items ?? [])), [territories.data]);
  const isPhone = !Grid.useBreakpoint().sm;
  const userName = (id: string | null) => (id ? users.data?.items.find((u) => u.id === id)?.name ?? '—' : '—');

  const { t: tp } = useTranslation('platform');
  const { claimingId, claim: onClaim } = usePoolClaim(claim, { claimed: (name) => t('pool.claimed', { name }), refused: t('pool.claimRefused') });

  return (
    <PageContainer title={t('pool.title')}>
      <Typography.Paragraph type="secondary">{t('pool.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={{ width: 240, maxWidth: '100%' }}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
          <Select allowClear placeholder={t('filter.valueClass')} aria-label={t('filter.valueClass')} style={{ width: 120 }}
            options={valueClasses.map((v) => ({ value: v, label: t(`valueClass.${v}`) }))} onChange={(valueClass) => setFilter((f) => ({ ...f, valueClass }))} />
          <TreeSelect allowClear placeholder={t('filter.territory')} aria-label={t('filter.territory')} style={{ width: 150 }} treeDefaultExpandAll
            treeData={territoryTree} onChange={(territoryId?: string) => setFilter((f) => ({ ...f, territoryId }))} />
          <Input allowClear placeholder={t('filter.industry')} aria-label={t('filter.industry')} style={{ width: 140 }}
            onPressEnter={(e) => { const industry = e.currentTarget.value.trim() || undefined; setFilter((f) => ({ ...f, industry })); }}
            onChange={(e) => { if (!e.target.value) setFilter((f) => ({ ...f, industry: undefined })); }} />
        </Flex>
        {pool.isError ? <ErrorAlert error={pool.error} /> : null}
        <Table<Customer>
          rowKey="id"
          size="middle"
          loading={pool.isPending}
          dataSource={pool.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('pool.empty') }}
          data-testid="pool-table"
          columns={[
            { title: t('field.name'), key: 'name', render: (_, c) => (
              <Flex vertical style={{ maxWidth: 280, minWidth: 130 }}>
                <Link to={`/customers/${c.id}`} style={{ whiteSpace: 'normal' }}>{c.name}</Link>
                {c.industry ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.industry}</Typography.Text> : null}
                {isPhone ? <div><ValueClassTag value={c.valueClass} /></div> : null}
              </Flex>
            ) },
            { title: t('field.valueClass'), dataIndex: 'valueClass', responsive: ['sm'], render: (v: Customer['valueClass']) => <ValueClassTag value={v} /> },
            { title: t('field.status'), dataIndex: 'status', responsive: ['md'], render: (s: Customer['status']) => <StatusTag value={s} /> },
            { title: t('pool.formerOwner'), dataIndex: 'formerOwnerId', responsive: ['md'], render: userName },
            { title: t('pool.releasedOn'), dataIndex: 'releasedOn', responsive: ['sm'], render: (d: string | null) => d ?? '—' },
            { title: tp('actions.actions'), key: 'claim', render: (_, c) => (
              <Button size="small" type="primary" loading={claimingId === c.id} disabled={claimingId !== null && claimingId !== c.id}
                onClick={() => onClaim(c.id, c.name)} data-testid="claim">{t('pool.claim')}</Button>
            ) },
          ]}
        />
        <LoadMore hasMore={pool.hasNextPage} loading={pool.isFetchingNextPage} onLoad={() => void pool.fetchNextPage()} count={pool.items.length} />
      </Card>
    </PageContainer>
  );
}
