import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePolicies, type PolicyValue } from '../api';
import { formatPolicyValue, unitLabel } from './policy-labels';

type Values = Record<string, PolicyValue>;

function isValues(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string' || typeof v === 'number');
}

/** The snapshot the server freezes on a policy change approval: `{ changes, previous }`. */
export function isPolicyChangeSnapshot(snapshot: unknown): snapshot is { changes: Values; previous?: Values } {
  const s = snapshot as { changes?: unknown; previous?: unknown } | null;
  return isValues(s?.changes) && (s?.previous === undefined || isValues(s.previous));
}

/** Each changed policy with its label and unit, the value before and the value proposed. */
export function PolicyChangeTable({ changes, previous }: { changes: Values; previous?: Values }) {
  const { t } = useTranslation('settings');
  const policies = usePolicies();
  const rows = Object.entries(changes).map(([key, proposed]) => {
    const item = policies.data?.items.find((i) => i.key === key);
    return { key, proposed, previous: previous?.[key] ?? item?.value, item };
  });
  const show = (row: (typeof rows)[number], value: PolicyValue | undefined) => {
    const unit = row.item ? unitLabel(t, row.item.unit) : '';
    return `${row.item ? formatPolicyValue(t, row.item, value) : String(value ?? '—')} ${row.item?.unit === 'weekday' ? '' : unit}`.trim();
  };
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      data-testid="policy-change-table"
      columns={[
        { title: t('change.item'), key: 'item', render: (_, row) => (
          <div><div>{row.item?.label ?? row.key}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{row.key}</Typography.Text></div>
        ) },
        { title: t('change.previous'), key: 'previous', render: (_, row) => show(row, row.previous) },
        { title: t('change.proposed'), key: 'proposed', render: (_, row) => <Typography.Text strong type="warning">{show(row, row.proposed)}</Typography.Text> },
      ]}
    />
  );
}
