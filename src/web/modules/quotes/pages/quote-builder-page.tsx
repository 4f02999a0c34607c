import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Space, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { EffectivePriceDto } from '../../../../shared/contracts/products.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { http } from '../../../platform/http/http-client';
import { PageContainer } from '../../../platform/layout/page-container';
import { LineItemsFields } from '../../contracts';
import { useContacts } from '../../customers/api';
import { CustomerSelect } from '../../customers/components/customer-select';
import { useOpportunities } from '../../opportunities/api';
import type { Product } from '../../products/api';
import { useCreateQuote, useQuote, useQuoteEvaluation, useUpdateQuote, type Quote } from '../api';
import { ApprovalBanner } from '../components/approval-reasons';
import { ProductPicker } from '../components/product-picker';
import { evaluableLines, liveTotals, type LineValues } from '../components/quote-totals';

interface Values {
  customerId?: string;
  opportunityId?: string | null;
  contactId?: string | null;
  quoteDate: Dayjs;
  validUntil: Dayjs;
  lines: (LineValues & { description: string; unit: string; quantity: string; unitPrice: string })[];
  prepaymentPct?: string;
  balanceDays?: number;
  paymentText?: string;
  deliveryTerms?: string;
  notes?: string;
}

const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;
const emptyLine = { productId: null, description: '', unit: '台', quantity: '1', unitPrice: '', discountPct: '0', taxRate: '13' };

function initialOf(q: Quote | undefined, params: URLSearchParams): Partial<Values> {
  if (!q) {
    return {
      customerId: params.get('customerId') ?? undefined, opportunityId: params.get('opportunityId') ?? undefined,
      quoteDate: dayjs(), validUntil: dayjs().add(30, 'day'), lines: [emptyLine], prepaymentPct: '30', balanceDays: 30,
    };
  }
  return {
    customerId: q.customer.id, opportunityId: q.opportunity?.id ?? null, contactId: q.contact?.id ?? null,
    quoteDate: dayjs(q.quoteDate), validUntil: dayjs(q.validUntil),
    lines: q.lines.map((l) => ({ productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate })),
    prepaymentPct: q.paymentTerms.prepaymentPct, balanceDays: q.paymentTerms.balanceDays, paymentText: q.paymentTerms.text ?? undefined,
    deliveryTerms: q.deliveryTerms ?? undefined, notes: q.notes ?? undefined,
  };
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  // keyed by content: a new array with the same lines must not restart the timer
  const key = JSON.stringify(value);
  useEffect(() => { const h = setTimeout(() => setCurrent(JSON.parse(key) as T), ms); return () => clearTimeout(h); }, [key, ms]);
  return current;
}

function ContactSelect({ customerId, value, onChange, id }: { customerId: string; value?: string | null; onChange?: (v: string | null) => void; id?: string }) {
  const contacts = useContacts(customerId);
  return <Select id={id} allowClear value={value ?? undefined} onChange={(v?: string) => onChange?.(v ?? null)} loading={contacts.isFetching}
    options={contacts.items.map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))} />;
}

/**
 * 报价单编辑器 (quote builder): customer, product picker, lines with live totals computed by the same
 * shared arithmetic as the server, and a live "需要审批，因为 …" banner from the server's dry run.
 */
export function QuoteBuilderPage() {
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const { t } = useTranslation('quotes');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const existing = useQuote(id);
  const create = useCreateQuote();
  const update = useUpdateQuote(id ?? '');
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const customerId = Form.useWatch('customerId', form);
  const quoteDate = Form.useWatch('quoteDate', form);
  const lines = Form.useWatch('lines', form) ?? [];
  const deals = useOpportunities({ customerId }, { enabled: Boolean(customerId) });
  const customer = useQuery({
    queryKey: ['customers', 'detail', customerId ?? ''], enabled: Boolean(customerId),
    queryFn: ({ signal }) => http.get<{ valueClass: string }>(`/customers/${customerId}`, undefined, signal),
  });
  const totals = liveTotals(lines);
  const q = existing.data;

  const ready = customerId ? evaluableLines(lines) : null;
  const debounced = useDebounced(ready && customerId ? { customerId, quoteDate: quoteDate?.format('YYYY-MM-DD'), lines: ready } : null, 400);
  const evaluation = useQuoteEvaluation(debounced);

  useEffect(() => { if (!id || q) form.setFieldsValue(initialOf(q, params)); }, [id, q, form, params]);

  /** A picked product fills the line: name and spec, unit, VAT rate and the customer's effective price. */
  const pickProduct = async (index: number, product: Product | null) => {
    const path = ['lines', index] as ['lines', number];
    if (!product) { form.setFieldValue(['lines', index, 'productId'], null); return; }
    const price = await http.get<EffectivePriceDto>(`/products/${product.id}/effective-price`, { customerClass: customer.data?.valueClass, date: quoteDate?.format('YYYY-MM-DD') })
      .catch(() => null);
    const line = form.getFieldValue(path) as LineValues;
    form.setFieldValue(path, {
      ...line, productId: product.id, description: product.spec ? `${product.name}（${product.spec}）`.slice(0, 500) : product.name,
      unit: product.unit, taxRate: product.taxRate, unitPrice: price?.price ?? product.listPrice ?? line.unitPrice,
    });
  };

  const onFinish = (v: Values) => {
    clearFormError();
    const body = {
      opportunityId: v.opportunityId ?? null, contactId: v.contactId ?? null,
      quoteDate: v.quoteDate.format('YYYY-MM-DD'), validUntil: v.validUntil.format('YYYY-MM-DD'),
      lines: v.lines.map((l) => ({ productId: l.productId ?? null, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct || '0', taxRate: l.taxRate || '0' })),
      paymentTerms: { prepaymentPct: v.prepaymentPct || '0', balanceDays: v.balanceDays ?? 30, text: v.paymentText || null },
      deliveryTerms: v.deliveryTerms || null, notes: v.notes || null,
    };
    const done = (saved: Quote) => { void message.success(t('saved')); navigate(`/quotes/${saved.id}`); };
    if (q) update.mutate({ ...body, version: q.version }, { onSuccess: done, onError: handleError });
    else create.mutate({ ...body, customerId: v.customerId! }, { onSuccess: done, onError: handleError });
  };

  const title = q ? t('form.editTitle', { number: q.number }) : t('form.newTitle');
  if (id && existing.isError) return <PageContainer title={title}><ErrorAlert error={existing.error} /></PageContainer>;
  const req = [{ required: true, message: t('form.required') }];
  const pattern = (re: RegExp) => ({ pattern: re, message: t('form.invalidNumber') });
  const e = evaluation.data;

  return (
    <PageContainer title={title}>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="quote-form">
        <Flex vertical gap={16}>
          {q?.status === 'in_review' ? <Alert type="warning" showIcon message={t('form.reopenWarning')} /> : null}
          {q && (q.status === 'approved' || q.status === 'sent') ? <Alert type="warning" showIcon message={t('form.reviseWarning', { next: q.revision + 1 })} /> : null}
          {formError ? <ErrorAlert error={formError} /> : null}
          <Card title={t('section.header')} size="small">
            <Row gutter={16}>
              <Col xs={24} md={8}>
                {q
                  ? <Form.Item label={t('field.customer')}><Input value={q.customer.name} disabled /></Form.Item>
                  : <Form.Item name="customerId" label={t('field.customer')} rules={req}><CustomerSelect autoFocus /></Form.Item>}
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="opportunityId" label={t('field.opportunity')}>
                  <Select allowClear disabled={!customerId} loading={deals.isFetching} options={deals.items.map((o) => ({ value: o.id, label: `${o.number} ${o.name}` }))} />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="contactId" label={t('field.contact')}>
                  {customerId ? <ContactSelect customerId={customerId} /> : <Select disabled />}
                </Form.Item>
              </Col>
              <Col xs={12} md={6}><Form.Item name="quoteDate" label={t('field.quoteDate')} rules={req}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item name="validUntil" label={t('field.validUntil')} rules={req}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            </Row>
          </Card>
          <Card title={t('section.lines')} size="small">
            <LineItemsFields lineAmounts={totals.lineAmounts} emptyLine={emptyLine} testIdPrefix="quote" descriptionLabel={t('field.description')}
              productPicker={(index) => <ProductPicker onPick={(p) => void pickProduct(index, p)} />}>
              <Row gutter={[16, 8]} data-testid="quote-totals">
                <Col xs={12} md={4}><Statistic title={t('field.listAmount')} value={formatMoney(totals.listAmount)} valueStyle={{ fontSize: 16 }} /></Col>
                <Col xs={12} md={5}><Statistic title={t('field.discountAmount')} value={`${formatMoney(totals.discountAmount)}（${totals.discountPct}%）`} valueStyle={{ fontSize: 16 }} /></Col>
                <Col xs={12} md={5}><Statistic title={t('field.netAmount')} value={formatMoney(totals.netAmount)} valueStyle={{ fontSize: 16 }} /></Col>
                <Col xs={12} md={4}><Statistic title={t('field.taxAmount')} value={formatMoney(totals.taxAmount)} valueStyle={{ fontSize: 16 }} /></Col>
                <Col xs={24} md={6}><Statistic title={t('field.total')} value={formatMoney(totals.total)} valueStyle={{ fontSize: 20, fontWeight: 600 }} /></Col>
              </Row>
            </LineItemsFields>
          </Card>
          {e ? <ApprovalBanner reasons={e.approvalReasons} level={e.approvalLevel} steps={e.steps} checking={evaluation.isFetching && e.approvalReasons.length === 0} /> : null}
          {evaluation.isError ? <ErrorAlert error={evaluation.error} /> : null}
          <Card title={t('section.terms')} size="small">
            <Row gutter={16}>
              <Col xs={12} md={6}><Form.Item name="prepaymentPct" label={t('field.prepaymentPct')} rules={[pattern(PERCENT)]}><Input inputMode="decimal" /></Form.Item></Col>
              <Col xs={12} md={6}><Form.Item name="balanceDays" label={t('field.balanceDays')}><InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="paymentText" label={t('field.paymentText')}><Input maxLength={2000} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="deliveryTerms" label={t('field.deliveryTerms')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="notes" label={t('field.notes')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item></Col>
            </Row>
          </Card>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="quote-save">{t('form.save')}</Button>
            <Button onClick={() => navigate(-1)}>{t('form.cancel')}</Button>
          </Space>
        </Flex>
      </Form>
    </PageContainer>
  );
}
