import { Drawer, Grid, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { useWebhookDeliveries, type Webhook, type WebhookDelivery } from '../api';

const statusColor: Record<WebhookDelivery['status'], string> = { pending: 'processing', delivered: 'success', failed: 'error' };

/** The latest deliveries of one webhook, refreshed while open. */
export function WebhookDeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const format = useFormatInstant();
  const screens = Grid.useBreakpoint();
  const deliveries = useWebhookDeliveries(webhook?.id ?? null);
  return (
    <Drawer open={webhook !== null} onClose={onClose} size={screens.md ? 760 : '100%'} title={t('webhooks.deliveriesTitle', { url: webhook?.url ?? '' })}>
      {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={deliveries.isPending}
        dataSource={deliveries.data?.items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('delivery.empty') }}
        columns={[
          { title: t('delivery.createdAt'), dataIndex: 'createdAt', render: format },
          { title: t('delivery.event'), dataIndex: 'eventType', render: (e: string) => t(`event.${e}` as 'event.approval.requested', { defaultValue: e }) },
          { title: t('delivery.status'), dataIndex: 'status', render: (s: WebhookDelivery['status']) => <Tag color={statusColor[s]}>{t(`deliveryStatus.${s}`)}</Tag> },
          { title: t('delivery.attempts'), dataIndex: 'attempts' },
          { title: t('delivery.lastStatusCode'), dataIndex: 'lastStatusCode', render: (c: number | null) => c ?? '—' },
          { title: t('delivery.lastError'), dataIndex: 'lastError', render: (e: string | null) => (e ? <Typography.Text type="danger" ellipsis={{ tooltip: e }} style={{ maxWidth: 200 }}>{e}</Typography.Text> : '—') },
          { title: t('delivery.nextAttemptAt'), key: 'next', render: (_, d) => (d.status === 'pending' ? format(d.nextAttemptAt) : '—') },
          { title: t('delivery.deliveredAt'), dataIndex: 'deliveredAt', render: format },
        ]}
      />
    </Drawer>
  );
}
