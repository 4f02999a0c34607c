import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Segmented, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { leadSources, leadStatuses } from '../../../../shared/contracts/leads.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useUserPicker } from '../../org/api';
import { useLeadCounts, useLeads, type Lead, type LeadFilter } from '../api';
import { LeadFormModal } from '../components/lead-form-modal';
import { LeadSourceTag, LeadStatusTag } from '../components/lead-tags';

/** 销售线索: the leads the user sees (own, team or all by data scope), filtered by status, source, owner and text. */
export function LeadListPage() {
  const { t } = useTranslation('leads');
  const { can } = useAccess();
  const navigate = useNavigate();
  const formatInstant = useFormatInstant();
  const [filter, setFilter] = useState<LeadFilter>({});
  const [creating, setCreating] = useState(false);
  const leads = useLeads(filter);
  const counts = useLeadCounts(filter);
  const users = useUserPicker();
  const owners = (users.data?.items ?? []).filter((u) => u.isActive && u.roles.some((r) => r === 'sales_rep' || r === 'sales_supervisor' || r === 'sales_manager'));
  const filtered = Object.values(filter).some((v) => v !== undefined);
  // a rep sees only their own leads: the owner filter is for those who see a team or everyone
  const seesOthers = can('lead:assign') || !can('lead:own');

  return (
    <PageContainer title={t('list.title')} extra={can('lead:create') ? (
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-lead">{t('list.create')}</Button>
    ) : null}>
      <Card>
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented<string> value={filter.status ?? 'all'} data-testid="lead-status-counts"
            onChange={(v) => setFilter((f) => ({ ...f, status: v === 'all' ? undefined : (v as LeadFilter['status']) }))}
            options={[
              { value: 'all', label: `${t('filter.all')} ${counts.data?.total ?? ''}` },
              ...leadStatuses.map((s) => ({ value: s, label: `${t(`status.${s}`)} ${counts.data?.byStatus[s] ?? ''}` })),
            ]} />
        </div>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('list.search')} aria-label={t('list.search')} style={{ width: 260, maxWidth: '100%' }}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
          <Select allowClear placeholder={t('filter.source')} aria-label={t('filter.source')} style={{ width: 140 }}
            options={leadSources.map((s) => ({ value: s, label: t(`source.${s}`) }))} onChange={(source) => setFilter((f) => ({ ...f, source }))} />
          {seesOthers && owners.length > 1 ? (
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('filter.owner')} aria-label={t('filter.owner')} style={{ width: 140 }}
              options={[{ value: 'me', label: t('filter.mine') }, ...owners.map((u) => ({ value: u.id, label: u.name }))]}
              onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
          ) : null}
        </Flex>
        {leads.isError ? <ErrorAlert error={leads.error} /> : null}
        <Table<Lead>
          rowKey="id"
          size="middle"
          loading={leads.isPending}
          dataSource={leads.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          data-testid="lead-table"
          locale={{ emptyText: <Empty description={filtered ? t('list.emptyFiltered') : t('list.empty')} /> }}
          onRow={(l) => ({ onDoubleClick: () => void navigate(`/leads/${l.id}`) })}
          columns={[
            { title: t('field.company'), key: 'company', render: (_, l) => (
              <Flex vertical style={{ maxWidth: 300, minWidth: 140 }}>
                <Link to={`/leads/${l.id}`} style={{ whiteSpace: 'normal' }}>{l.company}</Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[l.number, l.contactName].filter(Boolean).join(' · ')}</Typography.Text>
              </Flex>
            ) },
            { title: t('field.status'), dataIndex: 'status', render: (s: Lead['status']) => <LeadStatusTag value={s} /> },
            { title: t('field.source'), dataIndex: 'source', responsive: ['sm'], render: (s: Lead['source']) => <LeadSourceTag value={s} /> },
            { title: t('field.owner'), dataIndex: 'ownerName', responsive: ['md'], render: (n: string | null, l) => (l.inPool ? t('owner.pool') : n ?? '—') },
            { title: t('field.estimatedAmount'), dataIndex: 'estimatedAmount', align: 'right', responsive: ['lg'], render: (a: string | null) => a ?? '—' },
            { title: t('field.recycleOn'), dataIndex: 'recycleOn', responsive: ['lg'], render: (d: string | null) => d ?? '—' },
            { title: t('field.createdAt'), dataIndex: 'createdAt', responsive: ['md'], render: (d: string) => formatInstant(d) },
          ]}
        />
        <LoadMore hasMore={leads.hasNextPage} loading={leads.isFetchingNextPage} onLoad={() => void leads.fetchNextPage()} count={leads.items.length} />
      </Card>
      {creating ? <LeadFormModal lead={null} onClose={() => setCreating(false)} onCreated={(l) => void navigate(`/leads/${l.id}`)} /> : null}
    </PageContainer>
  );
}
