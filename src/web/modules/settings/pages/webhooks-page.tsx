import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { useUpdateWebhook, useWebhooks, type Webhook } from '../api';
import { WebhookDeliveriesDrawer } from '../components/webhook-deliveries-drawer';
import { WebhookFormModal } from '../components/webhook-form-modal';

/** Webhooks: register URLs for event types, switch them on and off, inspect deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation('settings');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const webhooks = useWebhooks();
  const update = useUpdateWebhook();
  const showError = useErrorToast();
  const [editing, setEditing] = useState<Webhook | 'new' | null>(null);
  const [inspecting, setInspecting] = useState<Webhook | null>(null);
  const eventLabel = (e: string) => t(`event.${e}` as 'event.approval.requested', { defaultValue: e });

  if (webhooks.isError) return <ErrorResult error={webhooks.error} onRetry={() => void webhooks.refetch()} />;

  const toggle = (webhook: Webhook, isActive: boolean) => update.mutate({ id: webhook.id, version: webhook.version, isActive }, {
    onSuccess: () => void message.success(t('webhooks.saved')),
    onError: showError,
  });

  return (
    <PageContainer title={t('webhooks.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('webhooks.create')}</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">{t('webhooks.intro')}</Typography.Paragraph>
        <Table<Webhook>
          rowKey="id"
          loading={webhooks.isPending}
          dataSource={webhooks.data?.items}
          pagination={false}
          locale={{ emptyText: t('webhooks.empty') }}
          columns={[
            { title: t('webhooks.url'), dataIndex: 'url', render: (url: string, w) => (
              <div style={{ minWidth: 0 }}>
                <Typography.Text style={{ wordBreak: 'break-all' }}>{url}</Typography.Text>
                {w.description ? <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{w.description}</Typography.Text></div> : null}
              </div>
            ) },
            { title: t('webhooks.events'), dataIndex: 'events', responsive: ['md'], render: (events: string[]) => (
              <Flex wrap gap={4}>{events.map((e) => <Tag key={e}>{eventLabel(e)}</Tag>)}</Flex>
            ) },
            { title: t('webhooks.active'), dataIndex: 'isActive', width: 80, render: (on: boolean, w) => (
              <Switch checked={on} size="small" aria-label={t('webhooks.active')} onChange={(next) => toggle(w, next)} />
            ) },
            { title: tp('actions.actions'), key: 'actions', render: (_, w) => (
              <Flex wrap gap={4}>
                <Button size="small" onClick={() => setEditing(w)}>{tp('actions.edit')}</Button>
                <Button size="small" onClick={() => setInspecting(w)}>{t('webhooks.deliveries')}</Button>
              </Flex>
            ) },
          ]}
        />
      </Card>
      {editing ? (
        <WebhookFormModal key={editing === 'new' ? 'new' : editing.id} webhook={editing === 'new' ? null : editing}
          eventTypes={webhooks.data?.eventTypes ?? []} onClose={() => setEditing(null)} />
      ) : null}
      <WebhookDeliveriesDrawer webhook={inspecting} onClose={() => setInspecting(null)} />
    </PageContainer>
  );
}
