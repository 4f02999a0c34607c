import { Button, Card, Flex, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { leadSources } from '../../../../shared/contracts/leads.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { usePoolClaim } from '../../../platform/pool/use-pool-claim';
import { useUserPicker } from '../../org/api';
import { useLeadPool, useLeadPoolCommand, type Lead, type LeadPoolFilter } from '../api';
import { LeadSourceTag, LeadStatusTag } from '../components/lead-tags';

/** 线索池: open leads nobody owns; claim one (refusals — owned cap, claims per day, cool-down — come localised from the server). */
export function LeadPoolPage() {
  const { t } = useTranslation('leads');
  const [filter, setFilter] = useState<LeadPoolFilter>({});
  const pool = useLeadPool(filter);
  const claim = useLeadPoolCommand();
  const users = useUserPicker();
  const userName = (id: string | null) => (id ? users.data?.items.find((u) => u.id === id)?.name ?? '—' : '—');

  const { t: tp } = useTranslation('platform');
  const { claimingId, claim: onClaim } = usePoolClaim(claim, { claimed: (name) => t('pool.claimed', { name }), refused: t('pool.claimRefused') });

  return (
    <PageContainer title={t('pool.title')}>
      <Typography.Paragraph type="secondary">{t('pool.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={{ width: 260, maxWidth: '100%' }}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
          <Select allowClear placeholder={t('filter.source')} aria-label={t('filter.source')} style={{ width: 140 }}
            options={leadSources.map((s) => ({ value: s, label: t(`source.${s}`) }))} onChange={(source) => setFilter((f) => ({ ...f, source }))} />
        </Flex>
        {pool.isError ? <ErrorAlert error={pool.error} /> : null}
        <Table<Lead>
          rowKey="id"
          size="middle"
          loading={pool.isPending}
          dataSource={pool.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('pool.empty') }}
          data-testid="lead-pool-table"
          columns={[
            { title: t('field.company'), key: 'company', render: (_, l) => (
              <Flex vertical style={{ maxWidth: 280, minWidth: 130 }}>
                <Link to={`/leads/${l.id}`} style={{ whiteSpace: 'normal' }}>{l.company}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[l.number, l.industry].filter(Boolean).join(' · ')}</Typography.Text>
              </Flex>
            ) },
            { title: t('field.status'), dataIndex: 'status', responsive: ['sm'], render: (s: Lead['status']) => <LeadStatusTag value={s} /> },
            { title: t('field.source'), dataIndex: 'source', responsive: ['md'], render: (s: Lead['source']) => <LeadSourceTag value={s} /> },
            { title: t('pool.formerOwner'), dataIndex: 'formerOwnerId', responsive: ['md'], render: userName },
            { title: t('pool.releasedOn'), dataIndex: 'releasedOn', responsive: ['lg'], render: (d: string | null) => d ?? '—' },
            { title: tp('actions.actions'), key: 'claim', render: (_, l) => (
              <Button size="small" type="primary" loading={claimingId === l.id} disabled={claimingId !== null && claimingId !== l.id}
                onClick={() => onClaim(l.id, l.company)} data-testid="lead-claim">{t('actions.claim')}</Button>
            ) },
          ]}
        />
        <LoadMore hasMore={pool.hasNextPage} loading={pool.isFetchingNextPage} onLoad={() => void pool.fetchNextPage()} count={pool.items.length} />
      </Card>
    </PageContainer>
  );
}
