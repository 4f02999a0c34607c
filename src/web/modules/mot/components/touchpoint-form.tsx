import { App, Button, DatePicker, Flex, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { sentiments, touchpointChannels, type Sentiment, type TouchpointChannel } from '../../../../shared/contracts/mot.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateTouchpoint } from '../api';
import { MotCustomerSelect } from './mot-customer-select';

interface Values { customerId?: string; channel: TouchpointChannel; sentiment: Sentiment; occurredAt: Dayjs; impression: string }

/**
 * Quick record of a touchpoint: customer (unless fixed), channel, when, how the customer felt and the
 * impression. Works for anyone in the company — the desk, service, finance, warehouse, sales.
 */
export function TouchpointForm({ customerId, onDone, onCancel }: { customerId?: string; onDone?: () => void; onCancel?: () => void }) {
  const { t } = useTranslation('mot');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateTouchpoint();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = (v: Values) => {
    clearFormError();
    create.mutate({
      customerId: customerId ?? v.customerId ?? '', channel: v.channel, sentiment: v.sentiment, impression: v.impression,
      occurredAt: v.occurredAt.toISOString(),
    }, {
      onSuccess: () => {
        void message.success(t('touchpoints.saved'));
        form.resetFields(['impression']);
        form.setFieldValue('occurredAt', dayjs());
        onDone?.();
      },
      onError: handleError,
    });
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="touchpoint-form"
      initialValues={{ channel: 'face_to_face', sentiment: 'neutral', occurredAt: dayjs() }}>
      <ErrorAlert error={formError} />
      {customerId ? null : (
        <Form.Item name="customerId" label={t('field.customer')} rules={[{ required: true, message: t('field.required') }]}>
          <MotCustomerSelect />
        </Form.Item>
      )}
      <Flex wrap gap={16}>
        <Form.Item name="channel" label={t('field.channel')} style={{ marginBottom: 12 }}>
          <Radio.Group optionType="button" buttonStyle="solid" size="middle"
            options={touchpointChannels.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('field.occurredAt')} style={{ marginBottom: 12 }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Flex>
      <Form.Item name="sentiment" label={t('field.sentiment')} style={{ marginBottom: 12 }}>
        <Radio.Group options={sentiments.map((s) => ({ value: s, label: t(`sentiment.${s}`) }))} />
      </Form.Item>
      <Form.Item name="impression" label={t('field.impression')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('field.impressionPlaceholder')} data-testid="touchpoint-impression" />
      </Form.Item>
      <Flex justify="flex-end" gap={8}>
        {onCancel ? <Button onClick={onCancel}>{tp('actions.cancel')}</Button> : null}
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="touchpoint-submit">{t('touchpoints.record')}</Button>
      </Flex>
    </Form>
  );
}
