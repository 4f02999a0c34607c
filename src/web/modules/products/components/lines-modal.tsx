import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { priceChannels } from '../../../../shared/contracts/products.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { http } from '../../../platform/http/http-client';
import type { Page } from '../../../platform/list/use-cursor-list';
import { productKeys, useCreatePriceList, useRequestPriceListChange, type PriceListDetail, type Product } from '../api';
import { MONEY_INPUT, showMoney } from './price-format';
import { isoDay } from './price-fields';

interface Values {
  name?: string; customerClass?: 'A' | 'B' | 'C' | 'D'; channel?: (typeof priceChannels)[number];
  effectiveFrom: Dayjs; effectiveTo?: Dayjs; reason?: string; lines: { productId: string; price: string }[];
}

/** Active, priced products for the line picker (the demo catalogue fits one page). */
function useQuotableProducts() {
  return useQuery({
    queryKey: [...productKeys.all, 'picker'],
    queryFn: ({ signal }) => http.get<Page<Product>>('/products', { isActive: 'true', limit: 200 }, signal),
    select: (page) => page.items.filter((p) => p.isQuotable),
  });
}

/**
 * A new price list (name, class or channel, validity, initial lines), or new prices for lines of an
 * existing one (`list` given). Either way the lines go for approval as one price change.
 */
export function LinesModal({ list, onClose }: { list?: PriceListDetail; onClose: (createdId?: string) => void }) {
  const { t } = useTranslation('products');
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const create = useCreatePriceList();
  const change = useRequestPriceListChange(list?.id ?? '');
  const products = useQuotableProducts();
  const byId = new Map((products.data ?? []).map((p) => [p.id, p]));
  const submit = async () => {
    const v = await form.validateFields();
    clearFormError();
    try {
      if (list) {
        await change.mutateAsync({ version: list.version, lines: v.lines, effectiveFrom: isoDay(v.effectiveFrom)!, reason: v.reason ?? '' });
        void message.success(t('change.done'));
        onClose();
      } else {
        const created = await create.mutateAsync({
          name: v.name!, customerClass: v.customerClass, channel: v.channel, effectiveFrom: isoDay(v.effectiveFrom)!, effectiveTo: isoDay(v.effectiveTo),
          lines: v.lines.length > 0 ? v.lines : undefined, reason: v.reason || undefined,
        });
        void message.success(t('lists.created'));
        onClose(created.id);
      }
    } catch (error) { handleError(error); }
  };
  const initialLines = list ? list.lines.map((l) => ({ productId: l.productId, price: l.price })).slice(0, 1) : [];
  return (
    <Modal open width={680} title={list ? `${t('lists.requestChange')} · ${list.name}` : t('lists.create')} onCancel={() => onClose()} onOk={() => void submit()}
      okText={t('change.submit')} confirmLoading={create.isPending || change.isPending} destroyOnHidden>
      <Alert type="info" showIcon title={t('lists.createNote')} style={{ marginBottom: 16 }} />
      {formError ? <ErrorAlert error={formError} /> : null}
      <Form form={form} layout="vertical" initialValues={{ effectiveFrom: dayjs(), lines: initialLines }}>
        {!list ? (
          <Row gutter={12}>
            <Col xs={24}><Form.Item name="name" label={t('lists.name')} rules={[{ required: true, message: t('field.required') }]}><Input maxLength={80} /></Form.Item></Col>
            <Col xs={12}>
              <Form.Item name="customerClass" label={t('lists.customerClass')}>
                <Select allowClear options={['A', 'B', 'C', 'D'].map((c) => ({ value: c, label: t('lists.class', { class: c }) }))} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="channel" label={t('lists.channel')}>
                <Select allowClear options={priceChannels.map((c) => ({ value: c, label: t(`lists.channel.${c}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={12}><Form.Item name="effectiveFrom" label={t('field.effectiveFrom')} rules={[{ required: true, message: t('field.required') }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12}><Form.Item name="effectiveTo" label={t('field.effectiveTo')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
        ) : (
          <Form.Item name="effectiveFrom" label={t('field.effectiveFrom')} rules={[{ required: true, message: t('field.required') }]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} />
          </Form.Item>
        )}
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'productId']} rules={[{ required: true, message: t('field.required') }]} style={{ width: 300, maxWidth: '70vw' }}>
                    <Select showSearch placeholder={t('lists.product')} optionFilterProp="label" loading={products.isPending}
                      options={(products.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'price']} rules={[{ required: true, message: t('field.required') }, { pattern: MONEY_INPUT, message: t('field.moneyFormat') }]}
                    extra={<LineHint product={byId.get(form.getFieldValue(['lines', field.name, 'productId']) as string)} />}>
                    <Input prefix="¥" style={{ width: 150 }} inputMode="decimal" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="remove" />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block style={{ marginBottom: 16 }}>{t('lists.addLine')}</Button>
            </>
          )}
        </Form.List>
        <Form.Item name="reason" label={t('field.reason')} rules={list ? [{ required: true, message: t('field.required') }] : []}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function LineHint({ product }: { product?: Product }) {
  const { t } = useTranslation('products');
  if (!product) return null;
  return <span>{t('field.listPrice')} {showMoney(product.listPrice)} · {t('field.floorPrice')} {showMoney(product.floorPrice)}</span>;
}
