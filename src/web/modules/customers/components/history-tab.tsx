import { Alert, Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { LoadMore } from '../../../platform/list/load-more';
import { useAuditLog, type AuditEntry } from '../../audit/api';
import { useUserPicker } from '../../org/api';
import { usePoolEvents, type CustomerDetail, type PoolEvent } from '../api';

export const historyActions = [
  'create', 'update', 'claim', 'release', 'recycle', 'lock', 'unlock', 'transfer_requested', 'transfer', 'transfer_void', 'share', 'unshare', 'merge', 'merged_into',
] as const;
type HistoryAction = (typeof historyActions)[number];
const isHistoryAction = (a: string): a is HistoryAction => (historyActions as readonly string[]).includes(a);

function AuditHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const formatInstant = useFormatInstant();
  const log = useAuditLog({ entity: 'customer', entityId: customerId });
  return (
    <>
      {log.isError ? <ErrorAlert error={log.error} /> : null}
      <Table<AuditEntry>
        rowKey="id" size="small" pagination={false} loading={log.isPending} dataSource={log.items} locale={{ emptyText: t('history.empty') }}
        data-testid="customer-history"
        columns={[
          { title: t('history.at'), dataIndex: 'at', render: (at: string) => formatInstant(at) },
          { title: t('history.action'), dataIndex: 'action', render: (a: string) => (isHistoryAction(a) ? t(`history.action.${a}`) : a) },
          { title: t('history.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? '—' },
        ]}
      />
      <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoad={() => void log.fetchNextPage()} count={log.items.length} />
    </>
  );
}

function OwnershipHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation('customers');
  const events = usePoolEvents(customerId);
  return (
    <>
      {events.isError ? <ErrorAlert error={events.error} /> : null}
      <Table<PoolEvent>
        rowKey="id" size="small" pagination={false} loading={events.isPending} dataSource={events.items} locale={{ emptyText: t('history.noOwnershipChanges') }}
        data-testid="customer-ownership-history" scroll={{ x: true }}
        columns={[
          { title: t('history.onDate'), dataIndex: 'onDate' },
          { title: t('history.action'), dataIndex: 'kind', render: (kind: PoolEvent['kind']) => t(`history.action.${kind}`) },
          { title: t('history.person'), dataIndex: 'user', render: (u: PoolEvent['user']) => u?.name ?? '—' },
          { title: t('history.actor'), dataIndex: 'actor', render: (u: PoolEvent['actor']) => u?.name ?? t('history.system') },
          { title: t('history.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
        ]}
      />
      <LoadMore hasMore={events.hasNextPage} loading={events.isFetchingNextPage} onLoad={() => void events.fetchNextPage()} count={events.items.length} />
    </>
  );
}

/**
 * Who owns the customer and since when, the former owner and the last release; the full change
 * log comes from the audit log, which only its readers (GM, administrator) may open.
 */
export function HistoryTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const { can } = useAccess();
  const users = useUserPicker();
  const nameOf = (id: string | null) => (id ? users.data?.items.find((u) => u.id === id)?.name ?? '—' : '—');
  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('history.intro')}</Typography.Text>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} title={t('history.summary')} items={[
        { key: 'owner', label: t('field.owner'), children: customer.ownerName ?? t('detail.noOwner') },
        { key: 'ownedSince', label: t('field.ownedSince'), children: customer.ownedSince ?? '—' },
        { key: 'formerOwner', label: t('field.formerOwner'), children: nameOf(customer.formerOwnerId) },
        { key: 'releasedOn', label: t('field.releasedOn'), children: customer.releasedOn ?? '—' },
        { key: 'isLocked', label: t('field.isLocked'), children: customer.isLocked ? t('list.locked') : '—' },
        { key: 'recycleOn', label: t('field.recycleOn'), children: customer.recycleOn ?? '—' },
      ]} />
      <Typography.Title level={5} style={{ margin: 0 }}>{t('history.ownershipTitle')}</Typography.Title>
      <OwnershipHistory customerId={customer.id} />
      <Typography.Title level={5} style={{ margin: 0 }}>{t('history.auditTitle')}</Typography.Title>
      {can('audit:read') ? <AuditHistory customerId={customer.id} /> : <Alert type="info" showIcon title={t('history.auditOnly')} />}
    </Flex>
  );
}
