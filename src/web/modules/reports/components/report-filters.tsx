import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Grid, Select, TreeSelect } from 'antd';
import dayjs from 'dayjs';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUserPicker } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import type { ReportFilter } from '../api';

export const periodPresets = ['this-month', 'last-month', 'this-quarter', 'last-quarter', 'this-year', 'last-year', 'last-6-months'] as const;
const RANGE = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/;

/**
 * The filter bar every report shares: period (a preset or a custom day range, sent as `period`),
 * department (its subtree), owner; `children` adds the report's own filters; the Excel (and PDF) buttons last.
 */
export function ReportFilters<F extends ReportFilter>({ filter, onChange, exportUrl, pdfUrl, children }: {
  filter: F; onChange: (filter: F) => void; exportUrl: string; pdfUrl?: string; children?: ReactNode;
}) {
  const { t } = useTranslation('reports');
  const departments = useDepartments();
  const users = useUserPicker();
  const isPhone = !Grid.useBreakpoint().md;
  const w = (width: number) => ({ width, maxWidth: '100%', flexGrow: isPhone ? 1 : 0 });
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const range = RANGE.exec(filter.period);
  const isCustom = Boolean(range);
  const owners = [
    { value: 'me', label: t('filter.ownerMe') },
    ...(users.data?.items ?? []).filter((u) => u.roles.some((r) => r.startsWith('sales_'))).map((u) => ({ value: u.id, label: u.name })),
  ];

  return (
    <Flex wrap gap={8} style={{ marginBottom: 16 }} data-testid="report-filters">
      {children}
      <Select aria-label={t('filter.period')} style={w(140)} value={isCustom ? 'custom' : filter.period} data-testid="period-select"
        options={[...periodPresets.map((p) => ({ value: p, label: t(`period.${p}`) })), { value: 'custom', label: t('period.custom') }]}
        onChange={(value: string) => onChange({
          ...filter,
          period: value === 'custom' ? `${dayjs().startOf('month').format('YYYY-MM-DD')}..${dayjs().format('YYYY-MM-DD')}` : value,
        })} />
      {isCustom && range ? (
        <DatePicker.RangePicker allowClear={false} style={w(250)} aria-label={t('filter.periodRange')} value={[dayjs(range[1]), dayjs(range[2])]}
          onChange={(dates) => { if (dates?.[0] && dates[1]) onChange({ ...filter, period: `${dates[0].format('YYYY-MM-DD')}..${dates[1].format('YYYY-MM-DD')}` }); }} />
      ) : null}
      <TreeSelect allowClear treeDefaultExpandAll placeholder={t('filter.department')} aria-label={t('filter.department')} style={w(170)}
        treeData={departmentTree} value={filter.orgNodeId} onChange={(value?: string) => onChange({ ...filter, orgNodeId: value })} />
      <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('filter.anyOwner')} aria-label={t('filter.owner')} style={w(140)}
        value={filter.ownerId} options={owners} onChange={(value?: string) => onChange({ ...filter, ownerId: value })} />
      <Button icon={<DownloadOutlined />} href={exportUrl} download data-testid="report-export">{t('export')}</Button>
      {pdfUrl ? <Button icon={<FilePdfOutlined />} href={pdfUrl} download data-testid="report-pdf">{t('exportPdf')}</Button> : null}
    </Flex>
  );
}
