import { DatePicker, Flex, Grid, Input, Select, Button, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelCategories, opportunityStatuses } from '../../../../shared/contracts/opportunities.contract';
import { useDepartments } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import { usePipelines, type OpportunityFilter } from '../api';
import { activeFilterCount, withFilter } from './filter-params';
import { OwnerFilter } from './owner-filter';
import { PipelineSelect } from './pipeline-select';

const sorts = ['newest', 'amount', 'closeDate', 'updated'] as const;

/** The opportunity list's filter bar, fully controlled by `filter` (so a saved view can set it). */
export function OpportunityFilters({ filter, onChange }: { filter: OpportunityFilter; onChange: (filter: OpportunityFilter) => void }) {
  const { t } = useTranslation('opportunities');
  const pipelines = usePipelines();
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const isPhone = !Grid.useBreakpoint().md;
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });
  const stages = pipelines.data?.items.find((p) => p.id === filter.pipelineId)?.stages ?? [];
  const range = filter.closeFrom && filter.closeTo ? [dayjs(filter.closeFrom), dayjs(filter.closeTo)] as [Dayjs, Dayjs] : null;
  const closedRange = filter.closedFrom && filter.closedTo ? [dayjs(filter.closedFrom), dayjs(filter.closedTo)] as [Dayjs, Dayjs] : null;
  // the closed-on range matters for won/lost opportunities (a report's "won in the period" lands here)
  const showClosed = filter.status === 'won' || filter.status === 'lost' || Boolean(filter.closedFrom || filter.closedTo);
  const departments = useDepartments();
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const set = (key: Parameters<typeof withFilter>[1]) => (value: string | null | undefined) => onChange(withFilter(filter, key, value));

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="opportunity-filters">
      <Input.Search allowClear value={q} placeholder={t('list.search')} aria-label={t('list.search')} style={w(240)}
        onChange={(e) => setQ(e.target.value)} onSearch={(value) => onChange(withFilter(filter, 'q', value.trim()))} />
      <PipelineSelect allowClear includeInactive value={filter.pipelineId} onChange={set('pipelineId')} style={w(180)} />
      <Select allowClear placeholder={t('filter.stage')} aria-label={t('filter.stage')} style={w(150)} value={filter.stageId}
        disabled={stages.length === 0} options={stages.map((s) => ({ value: s.id, label: s.name }))} onChange={set('stageId')} />
      <Select allowClear placeholder={t('filter.status')} aria-label={t('filter.status')} style={w(110)} value={filter.status}
        options={opportunityStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={set('status')} />
      <Select allowClear placeholder={t('filter.category')} aria-label={t('filter.category')} style={w(130)} value={filter.funnelCategory}
        options={funnelCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))} onChange={set('funnelCategory')} />
      <OwnerFilter value={filter.ownerId} onChange={set('ownerId')} style={w(140)} />
      <TreeSelect allowClear treeDefaultExpandAll placeholder={t('filter.department')} aria-label={t('filter.department')} style={w(160)}
        treeData={departmentTree} value={filter.orgNodeId} onChange={(value?: string) => onChange(withFilter(filter, 'orgNodeId', value))} />
      <DatePicker.RangePicker value={range} allowEmpty={[false, false]} style={w(250)}
        placeholder={[t('filter.closeFrom'), t('filter.closeTo')]} aria-label={t('filter.closeDate')}
        onChange={(dates) => onChange(withFilter(withFilter(filter, 'closeFrom', dates?.[0]?.format('YYYY-MM-DD')), 'closeTo', dates?.[1]?.format('YYYY-MM-DD')))} />
      {showClosed ? (
        <DatePicker.RangePicker value={closedRange} allowEmpty={[false, false]} style={w(250)}
          placeholder={[t('filter.closedFrom'), t('filter.closedTo')]} aria-label={t('filter.closedOn')} data-testid="closed-range"
          onChange={(dates) => onChange(withFilter(withFilter(filter, 'closedFrom', dates?.[0]?.format('YYYY-MM-DD')), 'closedTo', dates?.[1]?.format('YYYY-MM-DD')))} />
      ) : null}
      <Select aria-label={t('list.sort')} style={w(140)} value={filter.sort ?? 'newest'}
        options={sorts.map((s) => ({ value: s, label: t(`list.sort.${s}`) }))} onChange={(s) => onChange(withFilter(filter, 'sort', s === 'newest' ? undefined : s))} />
      {activeFilterCount(filter) > 0 || filter.q ? (
        <Button type="link" onClick={() => onChange(filter.sort ? { sort: filter.sort } : {})}>{t('list.resetFilters')}</Button>
      ) : null}
    </Flex>
  );
}
