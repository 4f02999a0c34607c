import { Alert, App, Button, Col, Form, Input, Modal, Radio, Row, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invoiceTypes } from '../../../../shared/contracts/invoices.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateInvoiceRequest, useInvoicePrefill, useSubmitInvoiceRequest, type InvoiceRequestInput } from '../api';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
type Values = Omit<InvoiceRequestInput, 'contractId'>;

/** 申请开票: the form starts from the customer's last request or the customer file, the amount from what is still invoiceable. */
export function InvoiceRequestModal({ contract, onClose }: { contract: { id: string; number: string }; onClose: () => void }) {
  const { t } = useTranslation('invoices');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const prefill = useInvoicePrefill(contract.id);
  const create = useCreateInvoiceRequest();
  const submit = useSubmitInvoiceRequest();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const [andSubmit, setAndSubmit] = useState(false);
  const type = Form.useWatch('invoiceType', form);
  const p = prefill.data;
  const req = [{ required: true, whitespace: true, message: t('form.required') }];
  const special = type === 'vat_special' ? req : [];

  const save = (v: Values) => {
    clearFormError();
    create.mutate({ ...v, contractId: contract.id }, {
      onSuccess: (r) => {
        if (!andSubmit) { void message.success(t('saved')); onClose(); return; }
        submit.mutate({ id: r.id, version: r.version }, { onSuccess: () => { void message.success(t('submitted')); onClose(); }, onError: handleError });
      },
      onError: handleError,
    });
  };

  return (
    <Modal open title={t('form.title', { number: contract.number })} onCancel={onClose} width={640} destroyOnHidden
      footer={<Space wrap>
        <Button onClick={onClose}>{t('action.cancel')}</Button>
        <Button htmlType="submit" form="invoice-request-form" loading={create.isPending && !andSubmit} onClick={() => setAndSubmit(false)}>{t('form.save')}</Button>
        <Button type="primary" htmlType="submit" form="invoice-request-form" loading={(create.isPending || submit.isPending) && andSubmit} onClick={() => setAndSubmit(true)} data-testid="invoice-request-submit">{t('form.saveAndSubmit')}</Button>
      </Space>}>
      {prefill.isError ? <ErrorAlert error={prefill.error} /> : null}
      {!p ? <Skeleton active /> : (
        <>
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t(p.source === 'last_request' ? 'form.prefilledFromLast' : 'form.prefilledFromCustomer')} />
          <ErrorAlert error={formError} />
          <Form id="invoice-request-form" form={form} layout="vertical" onFinish={save} data-testid="invoice-request-form"
            initialValues={{
              invoiceType: 'vat_special', title: p.title, taxNumber: p.taxNumber ?? '', bankName: p.bankName ?? '', bankAccount: p.bankAccount ?? '',
              address: p.address ?? '', phone: p.phone ?? '', amount: p.invoiceable, note: '',
            }}>
            <Form.Item name="invoiceType" label={t('field.invoiceType')} extra={type === 'vat_special' ? t('form.specialHint') : undefined}>
              <Radio.Group optionType="button" options={invoiceTypes.map((v) => ({ value: v, label: t(`type.${v}`) }))} />
            </Form.Item>
            <Form.Item name="title" label={t('field.title')} rules={req}><Input maxLength={200} /></Form.Item>
            <Form.Item name="taxNumber" label={t('field.taxNumber')} rules={req} extra={t('form.taxNumberHint')}><Input maxLength={20} style={{ textTransform: 'uppercase' }} /></Form.Item>
            <Row gutter={12}>
              <Col xs={24} md={12}><Form.Item name="bankName" label={t('field.bankName')} rules={special}><Input maxLength={200} /></Form.Item></Col>
              <Col xs={24} md={12}><Form.Item name="bankAccount" label={t('field.bankAccount')} rules={special}><Input maxLength={40} inputMode="numeric" /></Form.Item></Col>
              <Col xs={24} md={14}><Form.Item name="address" label={t('field.address')} rules={special}><Input maxLength={300} /></Form.Item></Col>
              <Col xs={24} md={10}><Form.Item name="phone" label={t('field.phone')} rules={special}><Input maxLength={40} /></Form.Item></Col>
            </Row>
            <Form.Item name="amount" label={t('field.amount')} extra={t('form.amountMax', { amount: formatMoney(p.invoiceable) })}
              rules={[...req, { pattern: MONEY, message: t('form.moneyFormat') }]}>
              <Input prefix="¥" inputMode="decimal" maxLength={19} style={{ maxWidth: 240 }} />
            </Form.Item>
            <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
