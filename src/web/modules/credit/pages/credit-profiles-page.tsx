import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Input, Select, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { UserSelect } from '../../customers/components/user-select';
import { useDepartments } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import { creditExportUrl, useCreditProfiles, type CreditFilter, type CreditGrade, type CreditProfileRow } from '../api';
import { formatMoney, GradeTag, useTermsText } from '../components/credit-format';

const grades: CreditGrade[] = ['A', 'B', 'C', 'D'];
const statuses = ['overLimit', 'noProfile', 'pending'] as const;

/** 客户信用: customers in my scope with limit, exposure, available, grade and terms — for finance and the managers. */
export function CreditProfilesPage() {
  const { t } = useTranslation('credit');
  const terms = useTermsText();
  const isPhone = !Grid.useBreakpoint().md;
  const [filter, setFilter] = useState<CreditFilter>({});
  const list = useCreditProfiles(filter);
  const departments = useDepartments();
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });
  const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

  return (
    <PageContainer title={t('list.title')}>
      <Typography.Paragraph type="secondary">{t('list.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="credit-filters">
          <Input.Search allowClear placeholder={t('list.search')} style={w(220)} onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))} />
          <Select allowClear placeholder={t('list.anyGrade')} aria-label={t('field.grade')} style={w(120)} value={filter.grade}
            options={grades.map((g) => ({ value: g, label: t(`grade.${g}`) }))} onChange={(grade?: CreditGrade) => setFilter((f) => ({ ...f, grade }))} />
          <Select allowClear placeholder={t('list.anyStatus')} style={w(140)} value={filter.status} data-testid="credit-status-filter"
            options={statuses.map((s) => ({ value: s, label: t(`list.status.${s}`) }))} onChange={(status?: CreditFilter['status']) => setFilter((f) => ({ ...f, status }))} />
          <TreeSelect allowClear treeDefaultExpandAll placeholder={t('list.department')} aria-label={t('list.department')} style={w(160)}
            treeData={departmentTree} value={filter.orgNodeId} onChange={(orgNodeId?: string) => setFilter((f) => ({ ...f, orgNodeId }))} />
          <UserSelect salesOnly allowClear placeholder={t('list.anyOwner')} style={w(140)} value={filter.ownerId}
            onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
          <Button icon={<DownloadOutlined />} href={creditExportUrl(filter)} download data-testid="credit-export">{t('list.export')}</Button>
        </Flex>
        {list.isError ? <ErrorAlert error={list.error} /> : null}
        <Table<CreditProfileRow>
          rowKey="customerId" size="middle" pagination={false} loading={list.isPending} dataSource={list.items}
          locale={{ emptyText: t('list.empty') }} scroll={isPhone ? undefined : { x: 1100 }} data-testid="credit-profiles-table"
          columns={isPhone ? [{
            // phones: one compact cell per customer instead of nine columns to scroll through
            title: t('field.customer'), key: 'customer',
            render: (_, r) => (
              <Flex vertical gap={2}>
                <Flex gap={4} wrap align="center">
                  <Link to={`/customers/${r.customerId}?tab=credit`}>{r.customerName}</Link>
                  <GradeTag grade={r.grade} />
                  {r.hasPendingRequest ? <Tag color="processing">{t('list.pendingTag')}</Tag> : null}
                  {r.isOverLimit ? <Tag color="error">{t('overLimit')}</Tag> : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('field.limit')} {formatMoney(r.limit)} · {t('field.available')} {formatMoney(r.available)} · {r.hasProfile ? terms(r.termsDays) : '—'} · {r.owner?.name ?? '—'}
                </Typography.Text>
              </Flex>
            ),
          }] : [
            {
              title: t('field.customer'), key: 'customer', fixed: isPhone ? undefined : 'left', width: 240,
              render: (_, r) => (
                <Flex gap={4} wrap align="center">
                  <Link to={`/customers/${r.customerId}?tab=credit`}>{r.customerName}</Link>
                  {r.hasPendingRequest ? <Tag color="processing">{t('list.pendingTag')}</Tag> : null}
                </Flex>
              ),
            },
            { title: t('field.grade'), key: 'grade', width: 80, render: (_, r) => <GradeTag grade={r.grade} /> },
            { title: t('field.limit'), key: 'limit', align: 'right', width: 130, render: (_, r) => money(r.limit) },
            { title: t('field.exposure'), key: 'exposure', align: 'right', width: 120, render: (_, r) => money(r.exposure) },
            {
              title: t('field.available'), key: 'available', align: 'right', width: 130,
              render: (_, r) => (
                <Flex vertical align="end">
                  <span style={{ whiteSpace: 'nowrap', color: r.available.startsWith('-') ? '#cf1322' : undefined }}>{formatMoney(r.available)}</span>
                  {r.isOverLimit ? <Tag color="error" style={{ marginInlineEnd: 0 }}>{t('overLimit')}</Tag> : null}
                </Flex>
              ),
            },
            { title: t('field.termsDays'), key: 'terms', width: 100, render: (_, r) => (r.hasProfile ? terms(r.termsDays) : '—') },
            { title: t('field.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110, render: (d: string | null) => d ?? '—' },
            { title: t('field.owner'), key: 'owner', width: 90, render: (_, r) => r.owner?.name ?? '—' },
            { title: t('field.department'), dataIndex: 'departmentName', width: 100, render: (d: string | null) => d ?? '—' },
          ]}
        />
        <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
      </Card>
    </PageContainer>
  );
}
