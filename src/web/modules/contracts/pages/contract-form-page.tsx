import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMatch, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { paymentKinds } from '../../../../shared/contracts/contracts.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { CustomerSelect } from '../../customers/components/customer-select';
import { useOpportunities } from '../../opportunities/api';
import { useContract, useCreateContract, useProposeAmendment, useUpdateContract, type Contract } from '../api';
import { liveTotals, type LineValues, type PlanValues } from '../components/contract-totals';
import { LineItemsFields } from '../components/line-items';

interface Values {
  customerId?: string;
  opportunityId?: string | null;
  title: string;
  buyerParty: string;
  sellerParty: string;
  contractDate: Dayjs;
  deliveryTerms?: string;
  /** amendment mode only: why the signed contract changes */
  reason?: string;
  lines: (LineValues & { description: string; unit: string; quantity: string; unitPrice: string })[];
  paymentPlan: (PlanValues & { kind: 'prepayment' | 'progress' | 'balance'; dueDate: Dayjs; amount: string })[];
}

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const PERCENT = /^\d{1,3}(\.\d{1,2})?$/;
const emptyLine = { description: '', unit: '台', quantity: '1', unitPrice: '', discountPct: '0', taxRate: '13' };

function initialOf(c: Contract | undefined, customerId: string | null): Partial<Values> {
  if (!c) {
    return {
      customerId: customerId ?? undefined, contractDate: dayjs(), sellerParty: '',
      lines: [emptyLine],
      paymentPlan: [{ kind: 'prepayment', dueDate: dayjs(), amount: '', percent: '30' }, { kind: 'balance', dueDate: dayjs().add(90, 'day'), amount: '', percent: '70' }],
    };
  }
  return {
    customerId: c.customer.id, opportunityId: c.opportunity?.id ?? null, title: c.title, buyerParty: c.buyerParty, sellerParty: c.sellerParty,
    contractDate: dayjs(c.contractDate), deliveryTerms: c.deliveryTerms ?? undefined,
    lines: c.lines.map((l) => ({ productId: l.productId, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct, taxRate: l.taxRate })),
    paymentPlan: c.paymentPlan.map((p) => ({ kind: p.kind, dueDate: dayjs(p.dueDate), amount: p.amount, percent: p.percent ?? undefined })),
  };
}

/**
 * 新建/修改合同: parties, lines with a live total, and a payment plan checked against it as you type.
 * At /contracts/:id/amend the same editor proposes an amendment (合同变更) of a signed contract: the
 * parties and dates stay as signed, lines, plan and delivery terms change, with a reason.
 */
export function ContractFormPage() {
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const existing = useContract(id);
  const create = useCreateContract();
  const update = useUpdateContract(id ?? '');
  const isAmend = useMatch('/contracts/:id/amend') !== null;
  const propose = useProposeAmendment(id ?? '');
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const customerId = Form.useWatch('customerId', form);
  const lines = Form.useWatch('lines', form) ?? [];
  const plan = Form.useWatch('paymentPlan', form) ?? [];
  const deals = useOpportunities({ customerId }, { enabled: Boolean(customerId) });
  const totals = liveTotals(lines, plan);
  const isOff = totals.difference !== '0.00';
  const c = existing.data;

  useEffect(() => { if (!id || c) form.setFieldsValue(initialOf(c, params.get('customerId'))); }, [id, c, form, params]);

  const onFinish = (v: Values) => {
    clearFormError();
    const body = {
      opportunityId: v.opportunityId ?? null, title: v.title, buyerParty: v.buyerParty, sellerParty: v.sellerParty,
      contractDate: v.contractDate.format('YYYY-MM-DD'), deliveryTerms: v.deliveryTerms ?? null,
      lines: v.lines.map((l) => ({ productId: l.productId || null, description: l.description, unit: l.unit, quantity: l.quantity, unitPrice: l.unitPrice, discountPct: l.discountPct || '0', taxRate: l.taxRate || '0' })),
      paymentPlan: v.paymentPlan.map((p) => ({ kind: p.kind, dueDate: p.dueDate.format('YYYY-MM-DD'), amount: p.amount, percent: p.percent || null })),
    };
    const done = (saved: Contract) => { void message.success(t('saved')); navigate(`/contracts/${saved.id}`); };
    if (c && isAmend) {
      propose.mutate({ version: c.version, reason: v.reason ?? '', lines: body.lines, paymentPlan: body.paymentPlan, deliveryTerms: body.deliveryTerms }, {
        onSuccess: () => { void message.success(t('amend.submitted')); navigate(`/contracts/${c.id}?tab=amendments`); }, onError: handleError,
      });
    } else if (c) update.mutate({ ...body, version: c.version }, { onSuccess: done, onError: handleError });
    else create.mutate({ ...body, customerId: v.customerId! }, { onSuccess: done, onError: handleError });
  };

  const title = c ? t(isAmend ? 'amend.title' : 'form.editTitle', { number: c.number }) : t('form.newTitle');
  if (id && existing.isError) return <PageContainer title={title}><ErrorAlert error={existing.error} /></PageContainer>;
  const req = [{ required: true, message: t('form.required') }];
  const pattern = (re: RegExp) => ({ pattern: re, message: t('form.invalidNumber') });

  return (
    <PageContainer title={title}>
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="contract-form">
        <Flex vertical gap={16}>
          {c && !isAmend && (c.status === 'in_review' || c.status === 'approved') ? <Alert type="warning" showIcon message={t('form.reopenWarning')} /> : null}
          {isAmend ? <Alert type="info" showIcon title={t('amend.intro')} /> : null}
          {formError ? <ErrorAlert error={formError} /> : null}
          <Card>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                {c
                  // the customer of a contract does not change (the server keeps it); show it, do not offer a picker
                  ? <Form.Item label={t('field.customer')}><Input value={c.customer.name} disabled /></Form.Item>
                  : <Form.Item name="customerId" label={t('field.customer')} rules={req}><CustomerSelect /></Form.Item>}
              </Col>
              <Col xs={24} md={12}>
                {isAmend
                  ? <Form.Item label={t('field.opportunity')}><Input value={c?.opportunity ? `${c.opportunity.number} ${c.opportunity.name}` : '—'} disabled /></Form.Item>
                  : <Form.Item name="opportunityId" label={t('field.opportunity')}>
                    <Select allowClear disabled={!customerId} loading={deals.isFetching} options={deals.items.map((o) => ({ value: o.id, label: `${o.number} ${o.name}` }))} />
                  </Form.Item>}
              </Col>
              <Col xs={24} md={12}><Form.Item name="title" label={t('field.title')} rules={req}><Input maxLength={200} disabled={isAmend} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="contractDate" label={t('field.contractDate')} rules={req}><DatePicker style={{ width: '100%' }} disabled={isAmend} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="buyerParty" label={t('field.buyerParty')} rules={req}><Input maxLength={200} disabled={isAmend} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="sellerParty" label={t('field.sellerParty')} rules={req}><Input maxLength={200} disabled={isAmend} /></Form.Item></Col>
              {isAmend ? <Col span={24}><Form.Item name="reason" label={t('amend.reason')} rules={req}><Input.TextArea rows={2} maxLength={1000} data-testid="amendment-reason" /></Form.Item></Col> : null}
              <Col span={24}><Form.Item name="deliveryTerms" label={t('field.deliveryTerms')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item></Col>
            </Row>
          </Card>
          <Card title={t('section.lines')} size="small">
            <LineItemsFields lineAmounts={totals.lineAmounts} emptyLine={emptyLine} testIdPrefix="contract">
              <Flex justify="end" gap={16} wrap>
                <Typography.Text type="secondary">{t('field.taxAmount')} {formatMoney(totals.taxAmount)}</Typography.Text>
                <Typography.Text strong data-testid="contract-total">{t('form.total')}：{formatMoney(totals.amount)}</Typography.Text>
              </Flex>
            </LineItemsFields>
          </Card>
          <Card title={t('section.plan')} size="small">
            <Form.List name="paymentPlan">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f, i) => (
                    <Row key={f.key} gutter={8} align="top">
                      <Col xs={12} md={5}><Form.Item name={[f.name, 'kind']} label={i === 0 ? t('field.kind') : undefined} rules={req}><Select options={paymentKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} /></Form.Item></Col>
                      <Col xs={12} md={6}><Form.Item name={[f.name, 'dueDate']} label={i === 0 ? t('field.dueDate') : undefined} rules={req}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                      <Col xs={8} md={4}><Form.Item name={[f.name, 'percent']} label={i === 0 ? t('field.percent') : undefined} rules={[pattern(PERCENT)]}><Input inputMode="decimal" /></Form.Item></Col>
                      <Col xs={14} md={6}><Form.Item name={[f.name, 'amount']} label={i === 0 ? t('field.planAmount') : undefined} rules={[...req, pattern(MONEY)]}><Input inputMode="decimal" /></Form.Item></Col>
                      <Col xs={2} md={1}><Form.Item label={i === 0 ? ' ' : undefined}><Button type="text" icon={<DeleteOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} aria-label="remove" /></Form.Item></Col>
                    </Row>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'progress', dueDate: dayjs(), amount: '' })} style={{ alignSelf: 'start' }}>{t('form.addPlan')}</Button>
                  <Form.Item validateStatus={isOff ? 'error' : 'success'} style={{ marginBottom: 0 }}
                    help={isOff ? t('form.planOff', { difference: formatMoney(totals.difference) }) : t('form.planOk')}>
                    <Typography.Text data-testid="contract-plan-total">{t('form.planTotal')}：{formatMoney(totals.planTotal)}</Typography.Text>
                  </Form.Item>
                </Flex>
              )}
            </Form.List>
          </Card>
          <Space>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending || propose.isPending} disabled={isOff}>{t(isAmend ? 'amend.submit' : 'form.save')}</Button>
            <Button onClick={() => navigate(-1)}>{t('form.cancel')}</Button>
          </Space>
        </Flex>
      </Form>
    </PageContainer>
  );
}
