import { Card, Form, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PolicyItem } from '../api';
import { formatPolicyValue, groupLabel, unitLabel } from './policy-labels';
import { PolicyValueInput } from './policy-value-input';

/** One group of policies; in edit mode each value is a form field named `['values', key]`. */
export function PolicyGroupCard({ group, items, editing }: { group: string; items: PolicyItem[]; editing: boolean }) {
  const { t } = useTranslation('settings');
  return (
    <Card title={groupLabel(t, group)} size="small" style={{ marginBottom: 16 }} data-testid={`policy-group-${group}`}>
      <Table<PolicyItem>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={items}
        columns={[
          {
            title: t('policies.item'), key: 'label', render: (_, item) => (
              <div style={{ minWidth: 0 }}>
                <div>{item.label} {item.moneyThreshold ? <Tag color="gold" style={{ marginInlineStart: 4 }}>{t('policies.needsGm')}</Tag> : null}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>{item.key}</Typography.Text>
              </div>
            ),
          },
          {
            title: t('policies.value'), key: 'value', width: editing ? 200 : 150, render: (_, item) => (editing ? (
              <Form.Item name={['values', item.key]} style={{ margin: 0 }} rules={[{ required: true, message: t('policies.required') }]}
                extra={item.unit === 'weekday' ? null : <span style={{ fontSize: 12 }}>{t('policies.range', { min: item.min, max: item.max })}</span>}>
                <PolicyValueInput item={item} />
              </Form.Item>
            ) : (
              <span data-testid={`policy-value-${item.key}`}>
                <Typography.Text strong>{formatPolicyValue(t, item, item.value)}</Typography.Text>
                {item.unit === 'weekday' ? null : <Typography.Text type="secondary"> {unitLabel(t, item.unit)}</Typography.Text>}
              </span>
            )),
          },
          { title: t('policies.default'), key: 'default', width: 130, responsive: ['md'], render: (_, item) => (
            <Typography.Text type="secondary">{formatPolicyValue(t, item, item.default)}</Typography.Text>
          ) },
        ]}
      />
    </Card>
  );
}
