import { Alert, Col, Form, Input, Modal, Row, Select, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateProduct, useProductCategories } from '../api';
import { PERCENT_INPUT } from './price-format';
import { isoDay, PriceFields } from './price-fields';

interface Values {
  code: string; name: string; kind: 'product' | 'service'; unit: string; category?: string; spec?: string; taxRate: string;
  listPrice: string; floorPrice: string; floatRange: string; cost: string; effectiveFrom: Dayjs; reason?: string;
}

/** New product or service: descriptive fields and its first prices, which go for approval. */
export function CreateProductModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('products');
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const create = useCreateProduct();
  const categories = useProductCategories();
  const navigate = useNavigate();
  const submit = async () => {
    const v = await form.validateFields();
    clearFormError();
    try {
      const product = await create.mutateAsync({ ...v, category: v.category || undefined, spec: v.spec || undefined, reason: v.reason || undefined, effectiveFrom: isoDay(v.effectiveFrom) });
      void message.success(t('create.done'));
      onClose();
      navigate(`/products/${product.id}`);
    } catch (error) { handleError(error); }
  };
  return (
    <Modal open={open} title={t('create.title')} onCancel={onClose} onOk={() => void submit()} okText={t('create.submit')} confirmLoading={create.isPending} width={640} destroyOnHidden>
      <Alert type="info" showIcon title={t('create.note')} style={{ marginBottom: 16 }} />
      {formError ? <ErrorAlert error={formError} /> : null}
      <Form form={form} layout="vertical" initialValues={{ kind: 'product', unit: '台', taxRate: '13', effectiveFrom: dayjs() }}>
        <Row gutter={12}>
          <Col xs={24} sm={10}><Form.Item name="code" label={t('field.code')} rules={[{ required: true, message: t('field.required') }]}><Input maxLength={40} /></Form.Item></Col>
          <Col xs={24} sm={14}><Form.Item name="name" label={t('field.name')} rules={[{ required: true, message: t('field.required') }]}><Input maxLength={120} /></Form.Item></Col>
          <Col xs={12} sm={6}>
            <Form.Item name="kind" label={t('field.kind')}>
              <Select options={[{ value: 'product', label: t('kind.product') }, { value: 'service', label: t('kind.service') }]} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="unit" label={t('field.unit')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={['台', '套', '件', '年', '次', '个'].map((u) => ({ value: u, label: u }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="category" label={t('field.category')}>
              <Select allowClear showSearch options={(categories.data?.items ?? []).map((c) => ({ value: c, label: c }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="taxRate" label={t('field.taxRate')} rules={[{ required: true, message: t('field.required') }, { pattern: PERCENT_INPUT, message: t('field.percentFormat') }]}>
              <Input suffix="%" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="spec" label={t('field.spec')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <PriceFields form={form} />
        <Form.Item name="reason" label={t('field.reason')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}
