import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Flex, Grid, Input, InputNumber, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerStatuses, valueClasses } from '../../../../shared/contracts/customers.contract';
import { useDepartments, useTerritories, useUserPicker } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import type { CustomerFilter } from '../api';
import { CustomFieldFilters } from './custom-field-filters';
import { activeFilterCount, sortChoiceOf, sortChoices, withFilter, withSortChoice, type SortChoice } from './filter-values';

/** A text filter applied on Enter, blur or clear (not on every key), following outside changes. */
function CommitInput({ label, style, value, onCommit }: { label: string; style: React.CSSProperties; value?: string; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = (text: string) => { if (text.trim() !== (value ?? '')) onCommit(text.trim()); };
  return (
    <Input allowClear placeholder={label} aria-label={label} style={style} value={draft}
      onChange={(e) => { setDraft(e.target.value); if (e.type !== 'change') commit(''); }}
      onPressEnter={() => commit(draft)} onBlur={() => commit(draft)} />
  );
}

type DateKeys = ['createdFrom', 'createdTo'] | ['updatedFrom', 'updatedTo'];

/**
 * The customer list's filter bar, fully controlled by `filter` (so a saved view can set it). The
 * common filters show at once; the rest behind "more filters" (opened when one of them is set).
 */
export function CustomerFilters({ filter, onChange }: { filter: CustomerFilter; onChange: (filter: CustomerFilter) => void }) {
  const { t } = useTranslation('customers');
  const users = useUserPicker();
  const departments = useDepartments();
  const territories = useTerritories();
  const [q, setQ] = useState(filter.q ?? '');
  useEffect(() => setQ(filter.q ?? ''), [filter.q]);
  const [more, setMore] = useState(() => activeFilterCount({ ...filter, ownerId: undefined, valueClass: undefined, status: undefined }) > 0);
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const territoryTree = useMemo(() => toTreeSelectData(buildTree(territories.data?.items ?? [])), [territories.data]);
  const set = <K extends keyof CustomerFilter>(key: K) => (value: CustomerFilter[K] | null | undefined) => onChange(withFilter(filter, key, value));
  const ownerOptions = [
    { value: 'me', label: t('filter.ownerMe') },
    ...(users.data?.items ?? []).filter((u) => u.roles.some((r) => r.startsWith('sales_'))).map((u) => ({ value: u.id, label: u.name })),
  ];
  const range = ([from, to]: DateKeys) => ({
    value: filter[from] && filter[to] ? [dayjs(filter[from]), dayjs(filter[to])] as [Dayjs, Dayjs] : null,
    onChange: (dates: [Dayjs | null, Dayjs | null] | null) => onChange(withFilter(withFilter(filter, from, dates?.[0]?.format('YYYY-MM-DD')), to, dates?.[1]?.format('YYYY-MM-DD'))),
  });
  const count = activeFilterCount(filter);
  const isPhone = !Grid.useBreakpoint().md;
  // on phones the controls grow to fill each row instead of leaving ragged gaps
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });

  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }} data-testid="customer-filters">
      <Flex wrap gap={8}>
        <Input.Search allowClear value={q} placeholder={t('list.search')} aria-label={t('list.search')} style={w(240)}
          onChange={(e) => setQ(e.target.value)} onSearch={(value) => onChange(withFilter(filter, 'q', value.trim()))} />
        <Select allowClear placeholder={t('filter.anyOwner')} aria-label={t('filter.owner')} style={w(150)} value={filter.ownerId}
          options={ownerOptions} showSearch={{ optionFilterProp: 'label' }} onChange={set('ownerId')} />
        <Select allowClear placeholder={t('filter.valueClass')} aria-label={t('filter.valueClass')} style={w(120)} value={filter.valueClass}
          options={valueClasses.map((v) => ({ value: v, label: t(`valueClass.${v}`) }))} onChange={set('valueClass')} />
        <Select allowClear placeholder={t('filter.status')} aria-label={t('filter.status')} style={w(130)} value={filter.status}
          options={customerStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} onChange={set('status')} />
        <Select aria-label={t('list.sort')} style={w(140)} value={sortChoiceOf(filter)}
          options={sortChoices.map((c) => ({ value: c, label: t(`list.sort.${c}`) }))} onChange={(c: SortChoice) => onChange(withSortChoice(filter, c))} />
        <Badge count={count} size="small">
          <Button icon={<FilterOutlined />} onClick={() => setMore(!more)} aria-expanded={more} data-testid="more-filters">
            {more ? t('list.lessFilters') : t('list.moreFilters')}
          </Button>
        </Badge>
        {count > 0 || filter.q ? <Button type="link" onClick={() => onChange({ sort: filter.sort, order: filter.order })}>{t('list.resetFilters')}</Button> : null}
      </Flex>
      {more ? (
        <Flex wrap gap={8}>
          <TreeSelect allowClear placeholder={t('filter.department')} aria-label={t('filter.department')} style={w(170)} treeDefaultExpandAll
            treeData={departmentTree} value={filter.departmentId} onChange={set('departmentId')} />
          <TreeSelect allowClear placeholder={t('filter.territory')} aria-label={t('filter.territory')} style={w(150)} treeDefaultExpandAll
            treeData={territoryTree} value={filter.territoryId} onChange={set('territoryId')} />
          <CommitInput label={t('filter.industry')} style={w(140)} value={filter.industry} onCommit={set('industry')} />
          <CommitInput label={t('filter.tag')} style={w(120)} value={filter.tag} onCommit={set('tag')} />
          <DatePicker.RangePicker aria-label={t('filter.created')} placeholder={[t('filter.created'), '']} style={w(250)} {...range(['createdFrom', 'createdTo'])} />
          <DatePicker.RangePicker aria-label={t('filter.updated')} placeholder={[t('filter.updated'), '']} style={w(250)} {...range(['updatedFrom', 'updatedTo'])} />
          <InputNumber min={0} max={3650} precision={0} aria-label={t('filter.notFollowedUpDays')} style={w(220)} value={filter.notFollowedUpDays ?? null}
            prefix={t('filter.notFollowedUpDays')} suffix={t('filter.days')} onChange={(v) => set('notFollowedUpDays')(v ?? undefined)} />
          <Select allowClear placeholder={t('filter.inPool')} aria-label={t('filter.inPool')} style={w(120)} value={filter.inPool}
            options={(['false', 'true'] as const).map((v) => ({ value: v, label: t(`filter.inPool.${v}`) }))} onChange={set('inPool')} />
          <Select allowClear placeholder={t('filter.fileStale')} aria-label={t('filter.fileStale')} style={w(140)} value={filter.fileStale}
            options={(['true', 'false'] as const).map((v) => ({ value: v, label: t(`filter.fileStale.${v}`) }))} onChange={set('fileStale')} />
          <CustomFieldFilters cf={filter.cf} width={w} onChange={(cf) => set('cf')(cf)} />
        </Flex>
      ) : null}
    </Flex>
  );
}
