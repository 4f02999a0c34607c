import { Grid, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportEntity } from '../api';

export interface MappedColumn { column: string; field: string | null }

/** File columns and the field each fills (auto-filled by the server, editable): the caller keeps the overrides. */
export function MappingTable({ entity, columns, onChange }: { entity: ImportEntity; columns: MappedColumn[]; onChange: (column: string, field: string | null) => void }) {
  const { t } = useTranslation('imports');
  const wide = Grid.useBreakpoint().sm ?? true;
  const custom = columns.map((c) => c.field).filter((f): f is string => f !== null && f.startsWith('cf.'));
  const options = [
    { value: '', label: t('mapping.ignore') },
    ...importFields[entity].map((f) => ({ value: f, label: t(`field.${entity}.${f}` as 'field.customers.name') })),
    ...[...new Set(custom)].map((f) => ({ value: f, label: t('mapping.custom', { key: f.slice(3) }) })),
  ];
  return (
    <Table<MappedColumn>
      rowKey="column"
      size="small"
      pagination={false}
      dataSource={columns}
      scroll={{ y: 360 }}
      data-testid="mapping-table"
      columns={[
        { title: t('mapping.column'), dataIndex: 'column', render: (c: string) => <span style={{ whiteSpace: 'normal' }}>{c}</span> },
        {
          // phones: the select takes the column's width instead of overflowing the card
          title: t('mapping.field'), dataIndex: 'field', width: wide ? 240 : '55%', render: (field: string | null, row) => (
            <Select
              value={field ?? ''} options={options} style={{ width: '100%' }} aria-label={`${t('mapping.field')}: ${row.column}`}
              showSearch={{ optionFilterProp: 'label' }} onChange={(v: string) => onChange(row.column, v === '' ? null : v)}
            />
          ),
        },
      ]}
    />
  );
}
