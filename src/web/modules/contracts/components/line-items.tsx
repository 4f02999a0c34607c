import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Form, Input, Row, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftLine } from '../../../../shared/contract-amounts';
import { formatMoney } from '../../../../shared/money-format';

/** What the read-only table shows of a priced line (a contract's, a quote's or a revision's). */
export interface PricedLineRow { description: string; unit: string; quantity: string; unitPrice: string; discountPct: string; taxRate: string; amount: string }

const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

/** Priced lines (明细) as a table: quantity, tax-inclusive unit price, discount, VAT rate and the line amount. */
export function LineItemsTable({ lines, descriptionLabel }: { lines: readonly PricedLineRow[]; descriptionLabel?: string }) {
  const { t } = useTranslation('contracts');
  return (
    <Table<PricedLineRow> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={[...lines]} scroll={{ x: 760 }}
      columns={[
        { title: '#', key: 'no', width: 40, render: (_, __, i) => i + 1 },
        { title: descriptionLabel ?? t('field.description'), dataIndex: 'description', width: 240 },
        { title: t('field.unit'), dataIndex: 'unit', width: 60 },
        { title: t('field.quantity'), dataIndex: 'quantity', width: 80, align: 'right' },
        { title: t('field.unitPrice'), key: 'unitPrice', width: 130, align: 'right', render: (_, l) => money(l.unitPrice) },
        { title: t('field.discountPct'), dataIndex: 'discountPct', width: 80, align: 'right' },
        { title: t('field.taxRate'), dataIndex: 'taxRate', width: 70, align: 'right' },
        { title: t('field.lineAmount'), key: 'amount', width: 130, align: 'right', render: (_, l) => money(l.amount) },
      ]} />
  );
}

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const QUANTITY = /^\d{1,12}(\.\d{1,4})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;

export interface LineItemsFieldsProps {
  /** the live line amounts (same index as the form's `lines`), from the shared arithmetic */
  lineAmounts: readonly string[];
  /** what "add line" appends */
  emptyLine: DraftLine & { productId?: string | null };
  /** a leading product column (the quote builder's picker); without it the text fields take its width */
  productPicker?: (index: number) => ReactNode;
  descriptionLabel?: string;
  /** prefix of the rows' test ids: `<prefix>-line`, `<prefix>-line-amount` */
  testIdPrefix: string;
  /** below the add button: the totals */
  children?: ReactNode;
}

/**
 * The editable lines (`lines` of the surrounding form) of a quote or a contract: description, unit, quantity,
 * tax-inclusive unit price, discount and VAT rate as typed strings, with the line amount beside each row.
 */
export function LineItemsFields({ lineAmounts, emptyLine, productPicker, descriptionLabel, testIdPrefix, children }: LineItemsFieldsProps) {
  const { t } = useTranslation('contracts');
  const req = [{ required: true, message: t('form.required') }];
  const pattern = (re: RegExp) => ({ pattern: re, message: t('form.invalidNumber') });
  const wide = !productPicker;
  const label = (i: number, text: string) => (i === 0 ? text : undefined);
  return (
    <Form.List name="lines">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((f, i) => (
            <Row key={f.key} gutter={8} align="top" data-testid={`${testIdPrefix}-line`} style={{ borderBottom: '1px dashed #f0f0f0' }}>
              {productPicker ? (
                <Col xs={24} md={5}><Form.Item name={[f.name, 'productId']} label={label(i, t('field.product'))}>{productPicker(f.name)}</Form.Item></Col>
              ) : (
                // keeps the product link of a line drafted from a quote through an edit
                <Form.Item name={[f.name, 'productId']} hidden><Input /></Form.Item>
              )}
              <Col xs={24} md={wide ? 7 : 5}>
                <Form.Item name={[f.name, 'description']} label={label(i, descriptionLabel ?? t('field.description'))} rules={req}>
                  <Input placeholder={descriptionLabel ?? t('field.description')} maxLength={500} />
                </Form.Item>
              </Col>
              <Col xs={6} md={2}><Form.Item name={[f.name, 'unit']} label={label(i, t('field.unit'))} rules={req}><Input placeholder={t('field.unit')} aria-label={t('field.unit')} maxLength={20} /></Form.Item></Col>
              <Col xs={6} md={wide ? 3 : 2}><Form.Item name={[f.name, 'quantity']} label={label(i, t('field.quantity'))} rules={[...req, pattern(QUANTITY)]}><Input inputMode="decimal" placeholder={t('field.quantity')} aria-label={t('field.quantity')} /></Form.Item></Col>
              <Col xs={12} md={wide ? 4 : 3}><Form.Item name={[f.name, 'unitPrice']} label={label(i, t('field.unitPrice'))} rules={[...req, pattern(MONEY)]}><Input inputMode="decimal" placeholder={t('field.unitPrice')} aria-label={t('field.unitPrice')} /></Form.Item></Col>
              <Col xs={6} md={2}><Form.Item name={[f.name, 'discountPct']} label={label(i, t('field.discountPct'))} rules={[pattern(PERCENT)]}><Input inputMode="decimal" aria-label={t('field.discountPct')} /></Form.Item></Col>
              <Col xs={6} md={2}><Form.Item name={[f.name, 'taxRate']} label={label(i, t('field.taxRate'))} rules={[pattern(PERCENT)]}><Input inputMode="decimal" aria-label={t('field.taxRate')} /></Form.Item></Col>
              <Col xs={10} md={wide ? 3 : 2}>
                <Form.Item label={label(i, t('field.lineAmount'))}>
                  <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid={`${testIdPrefix}-line-amount`}>{formatMoney(lineAmounts[i] ?? '0')}</Typography.Text>
                </Form.Item>
              </Col>
              <Col xs={2} md={1}>
                <Form.Item label={label(i, ' ')}>
                  <Button type="text" icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label={t('form.removeLine')} />
                </Form.Item>
              </Col>
            </Row>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ ...emptyLine })} style={{ alignSelf: 'start' }}>{t('form.addLine')}</Button>
          {children}
        </Flex>
      )}
    </Form.List>
  );
}
