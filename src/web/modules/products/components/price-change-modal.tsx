import { Alert, Form, Input, Modal, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useRequestPriceChange, type Product } from '../api';
import { isoDay, PriceFields } from './price-fields';

interface Values { listPrice: string; floorPrice: string; floatRange: string; cost: string; effectiveFrom: Dayjs; reason: string }

/** 调价申请: new prices from a day, with the reason; the current values are shown beside each field. */
export function PriceChangeModal({ product, open, onClose }: { product: Product; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('products');
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const request = useRequestPriceChange(product.id);
  const submit = async () => {
    const v = await form.validateFields();
    clearFormError();
    try {
      await request.mutateAsync({ ...v, effectiveFrom: isoDay(v.effectiveFrom)! });
      void message.success(t('change.done'));
      onClose();
    } catch (error) { handleError(error); }
  };
  return (
    <Modal open={open} title={`${t('change.title')} · ${product.name}`} onCancel={onClose} onOk={() => void submit()} okText={t('change.submit')}
      confirmLoading={request.isPending} width={600} destroyOnHidden>
      <Alert type="info" showIcon title={t('change.note')} style={{ marginBottom: 16 }} />
      {formError ? <ErrorAlert error={formError} /> : null}
      <Form form={form} layout="vertical" initialValues={{
        listPrice: product.listPrice ?? '', floorPrice: product.floorPrice ?? '', floatRange: product.floatRange ?? '', cost: product.cost ?? '',
        effectiveFrom: dayjs().add(1, 'day'),
      }}>
        <PriceFields form={form} showCurrent={product} />
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, message: t('field.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="price-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
