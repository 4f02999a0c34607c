import { Col, DatePicker, Form, Input, Row } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { money } from '../../../../shared/money';
import { MONEY_INPUT, PERCENT_INPUT } from './price-format';

/** The four controlled prices and the effective date, as one block of a form (create product, request a change). */
export function PriceFields({ form, showCurrent }: { form: FormInstance; showCurrent?: { listPrice: string | null; floorPrice: string | null; floatRange: string | null; cost: string | null } }) {
  const { t } = useTranslation('products');
  const moneyRule = { pattern: MONEY_INPUT, message: t('field.moneyFormat') };
  const current = (value: string | null | undefined) => (showCurrent && value ? `${t('change.current')} ${value}` : undefined);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="listPrice" label={t('field.listPrice')} extra={current(showCurrent?.listPrice)} rules={[{ required: true, message: t('field.required') }, moneyRule]}>
            <Input prefix="¥" inputMode="decimal" data-testid="price-list" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="floorPrice" label={t('field.floorPrice')} extra={current(showCurrent?.floorPrice)} dependencies={['listPrice']}
            rules={[{ required: true, message: t('field.required') }, moneyRule, {
              validator: async (_, value: string | undefined) => {
                const list = form.getFieldValue('listPrice') as string | undefined;
                if (value && list && MONEY_INPUT.test(value) && MONEY_INPUT.test(list) && money.compare(value, list) > 0) throw new Error(t('field.floorAboveList'));
              },
            }]}>
            <Input prefix="¥" inputMode="decimal" data-testid="price-floor" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="floatRange" label={t('field.floatRange')} extra={current(showCurrent?.floatRange)} rules={[{ required: true, message: t('field.required') }, { pattern: PERCENT_INPUT, message: t('field.percentFormat') }]}>
            <Input suffix="%" inputMode="decimal" data-testid="price-range" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="cost" label={t('field.cost')} extra={current(showCurrent?.cost)} rules={[{ required: true, message: t('field.required') }, moneyRule]}>
            <Input prefix="¥" inputMode="decimal" data-testid="price-cost" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="effectiveFrom" label={t('field.effectiveFrom')} rules={[{ required: true, message: t('field.required') }]}>
        <DatePicker style={{ width: '100%' }} disabledDate={(d: Dayjs) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
    </>
  );
}

/** antd date → the API's YYYY-MM-DD. */
export const isoDay = (d: Dayjs | undefined | null) => (d ? d.format('YYYY-MM-DD') : undefined);
