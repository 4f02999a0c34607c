import { Alert, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateWebhook, useUpdateWebhook, type CreatedWebhook, type Webhook } from '../api';

interface Values { url: string; events: string[]; description?: string; isActive?: boolean }

/** Creates a webhook (then shows its signing secret once) or edits one (mounted per webhook). */
export function WebhookFormModal({ webhook, eventTypes, onClose }: { webhook: Webhook | null; eventTypes: string[]; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<Values>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const eventLabel = (e: string) => t(`event.${e}` as 'event.approval.requested', { defaultValue: e });

  if (created) {
    return (
      <Modal open title={t('webhooks.secretTitle')} onCancel={onClose} onOk={onClose} okText={tp('actions.close')} cancelButtonProps={{ style: { display: 'none' } }}>
        <Alert type="warning" showIcon title={t('webhooks.secretWarning')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph copyable={{ text: created.secret }} code style={{ wordBreak: 'break-all' }}>{created.secret}</Typography.Paragraph>
      </Modal>
    );
  }

  const submit = (values: Values) => {
    clearFormError();
    const description = values.description?.trim() || undefined;
    if (webhook) {
      update.mutate({ id: webhook.id, version: webhook.version, url: values.url, events: values.events, isActive: values.isActive, description: description ?? null },
        { onSuccess: onClose, onError: handleError });
    } else {
      create.mutate({ url: values.url, events: values.events, description }, { onSuccess: setCreated, onError: handleError });
    }
  };

  return (
    <Modal open title={webhook ? t('webhooks.editTitle') : t('webhooks.create')} onCancel={onClose} okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'webhook-form', loading: create.isPending || update.isPending }}>
      <ErrorAlert error={formError} />
      <Form id="webhook-form" form={form} layout="vertical" onFinish={submit}
        initialValues={webhook ? { url: webhook.url, events: webhook.events, description: webhook.description ?? '', isActive: webhook.isActive } : { events: [] }}>
        <Form.Item name="url" label={t('webhooks.url')} rules={[{ required: true, whitespace: true, message: t('webhooks.urlRequired') }]}>
          <Input autoFocus placeholder={t('webhooks.urlPlaceholder')} inputMode="url" maxLength={500} />
        </Form.Item>
        <Form.Item name="events" label={t('webhooks.events')} rules={[{ required: true, type: 'array', min: 1, message: t('webhooks.eventsRequired') }]}>
          <Select mode="multiple" options={eventTypes.map((e) => ({ value: e, label: eventLabel(e) }))} />
        </Form.Item>
        <Form.Item name="description" label={t('webhooks.description')}>
          <Input maxLength={200} />
        </Form.Item>
        {webhook ? <Form.Item name="isActive" label={t('webhooks.active')} valuePropName="checked"><Switch /></Form.Item> : null}
      </Form>
    </Modal>
  );
}
