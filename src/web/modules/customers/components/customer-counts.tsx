import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueClasses } from '../../../../shared/contracts/customers.contract';
import { useCustomerCounts, type CustomerFilter } from '../api';
import { withFilter } from './filter-values';

/** How many customers the filters match, by value class; a class count narrows the list to it. */
export function CustomerCounts({ filter, onChange }: { filter: CustomerFilter; onChange: (filter: CustomerFilter) => void }) {
  const { t } = useTranslation('customers');
  const counts = useCustomerCounts(filter);
  if (!counts.data) return null;
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="customer-counts">
      <Typography.Text strong>{t('list.total', { count: counts.data.total })}</Typography.Text>
      {valueClasses.map((v) => (
        <Tag.CheckableTag key={v} checked={filter.valueClass === v} onChange={(on) => onChange(withFilter(filter, 'valueClass', on ? v : undefined))}>
          {t(`valueClass.${v}`)} {counts.data.byValueClass[v] ?? 0}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}
