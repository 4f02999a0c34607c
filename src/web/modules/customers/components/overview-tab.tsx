import { Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CustomFieldDescriptions } from '../../custom-fields/components/custom-field-values';
import { useTerritories } from '../../org/api';
import type { CustomerDetail } from '../api';
import { StatusTag, ValueClassTag } from './customer-tags';

const dash = (v: string | null | undefined) => (v ? v : '—');

/** Company data, ownership, classification and tags of the customer (the summary everyone who sees it may read). */
export function OverviewTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const territories = useTerritories();
  const territoryName = territories.data?.items.find((x) => x.id === customer.territoryId)?.name;
  const website = customer.website && /^https?:\/\//i.test(customer.website) ? customer.website : null;
  return (
    <Flex vertical gap={24}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, xl: 3 }} data-testid="customer-overview" items={[
        { key: 'name', label: t('field.name'), children: customer.name },
        { key: 'creditCode', label: t('field.creditCode'), children: <span style={{ fontFamily: 'monospace' }}>{dash(customer.creditCode)}</span> },
        { key: 'valueClass', label: t('field.valueClass'), children: <ValueClassTag value={customer.valueClass} /> },
        { key: 'status', label: t('field.status'), children: <StatusTag value={customer.status} /> },
        { key: 'owner', label: t('field.owner'), children: customer.ownerName ?? t('detail.noOwner') },
        { key: 'ownedSince', label: t('field.ownedSince'), children: dash(customer.ownedSince) },
        { key: 'industry', label: t('field.industry'), children: dash(customer.industry) },
        { key: 'size', label: t('field.size'), children: customer.size ? t(`size.${customer.size}`) : '—' },
        { key: 'territory', label: t('field.territory'), children: dash(territoryName) },
        { key: 'phone', label: t('field.phone'), children: dash(customer.phone) },
        { key: 'website', label: t('field.website'), children: website
          ? <Typography.Link href={website} target="_blank" rel="noreferrer">{customer.website}</Typography.Link> : dash(customer.website) },
        { key: 'address', label: t('field.address'), children: dash(customer.address) },
        { key: 'lastFollowUpOn', label: t('field.lastFollowUpOn'), children: dash(customer.lastFollowUpOn) },
        { key: 'lastDealOn', label: t('field.lastDealOn'), children: dash(customer.lastDealOn) },
        { key: 'recycleOn', label: t('field.recycleOn'), children: customer.isLocked ? t('list.locked') : dash(customer.recycleOn) },
        { key: 'reviewedOn', label: t('field.reviewedOn'), children: dash(customer.reviewedOn) },
        { key: 'tags', label: t('field.tags'), children: customer.tags.length ? <Flex wrap gap={4}>{customer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>)}</Flex> : '—' },
      ]} />
      {/* slot: read-only custom field display from modules/custom-fields, when it offers one */}
      {Object.keys(customer.customFields).length > 0 ? (
        <div>
          <Typography.Title level={5}>{t('field.customFields')}</Typography.Title>
          <CustomFieldDescriptions entity="customers" values={customer.customFields} />
        </div>
      ) : null}
    </Flex>
  );
}
