import { Alert, App, Checkbox, Col, Divider, Form, Input, Modal, Row, Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { valueClasses } from '../../../../shared/contracts/customers.contract';
import { requiredQualificationItems } from '../../../../shared/contracts/leads.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { testId } from '../../../platform/format/test-id';
import { useConvertLead, useConvertPreview, type ConvertResult, type LeadDetail } from '../api';

interface Values {
  customer: { name: string; creditCode?: string; valueClass: (typeof valueClasses)[number] };
  withContact: boolean;
  contact: { name?: string; title?: string; mobile?: string };
}

/** Waits until typing pauses before the duplicate check runs again. */
function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Converts a lead into customer + contact in one step. The duplicate check runs as the name is typed:
 * a customer the user sees is linked instead of created; one they cannot see blocks conversion and
 * names its owner (as creating a customer does).
 */
export function ConvertModal({ lead, onClose, onConverted }: { lead: LeadDetail; onClose: () => void; onConverted?: (result: ConvertResult) => void }) {
  const { t } = useTranslation('leads');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const convert = useConvertLead();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const name = Form.useWatch(['customer', 'name'], form) ?? lead.company;
  const creditCode = Form.useWatch(['customer', 'creditCode'], form) ?? '';
  const withContact = Form.useWatch('withContact', form) ?? Boolean(lead.contactName);
  const settledName = useSettled(name.trim());
  const settledCode = useSettled(creditCode.trim());
  const preview = useConvertPreview(lead.id, settledName, settledCode, settledName !== '');
  const match = preview.data?.match ?? null;
  const missing = requiredQualificationItems.filter((k) => lead.qualification[k].status !== 'confirmed');
  const blocked = missing.length > 0 || (match !== null && !match.visible);

  const submit = (v: Values) => {
    clearFormError();
    const contact = v.withContact && v.contact.name?.trim()
      ? { name: v.contact.name.trim(), title: v.contact.title?.trim() || null, mobile: v.contact.mobile?.trim() || null, email: lead.email, im: lead.im }
      : null;
    const target = match?.visible && match.customerId
      ? { customerId: match.customerId }
      : { customer: { name: v.customer.name.trim(), creditCode: v.customer.creditCode?.trim() || null, valueClass: v.customer.valueClass } };
    convert.mutate({ id: lead.id, version: lead.version, ...target, contact }, {
      onSuccess: (result) => { void message.success(t('convert.done')); onConverted?.(result); onClose(); },
      onError: handleError,
    });
  };

  const half = { xs: 24, sm: 12 };
  return (
    <Modal open width={640} title={t('convert.title', { name: lead.company })} onCancel={onClose} okText={t('convert.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'convert-form', disabled: blocked, loading: convert.isPending, ...testId('lead-convert-confirm') }}>
      <Typography.Paragraph type="secondary">{t('convert.intro')}</Typography.Paragraph>
      {missing.length > 0 ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }}
          title={t('convert.notQualified', { items: missing.map((k) => t(`qual.letter.${k}`)).join('、') })} />
      ) : null}
      <ErrorAlert error={formError} />
      <Form id="convert-form" form={form} layout="vertical" onFinish={submit} onValuesChange={() => formError && clearFormError()}
        initialValues={{
          customer: { name: lead.company, valueClass: 'C' }, withContact: Boolean(lead.contactName),
          contact: { name: lead.contactName ?? '', title: lead.title ?? '', mobile: lead.phone ?? '' },
        }}>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>{t('convert.customer')}</Divider>
        <Form.Item name={['customer', 'name']} label={t('convert.customerName')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input autoFocus maxLength={200} data-testid="convert-customer-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name={['customer', 'creditCode']} label={t('convert.creditCode')}>
              <Input maxLength={30} autoComplete="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name={['customer', 'valueClass']} label={t('convert.valueClass')}>
              <Select options={valueClasses.map((v) => ({ value: v, label: v }))} disabled={Boolean(match?.visible)} />
            </Form.Item>
          </Col>
        </Row>
        <div data-testid="convert-duplicate" style={{ marginBottom: 16 }}>
          {preview.isFetching && !preview.data ? <Spin size="small" /> : null}
          {preview.data && match === null ? <Alert type="success" showIcon title={t('convert.noMatch')} /> : null}
          {match?.visible ? (
            <Alert type="info" showIcon data-testid="convert-link-existing"
              title={t('convert.matchVisible', { name: match.customerName ?? '', owner: match.ownerName ?? t('owner.pool') })}
              description={`${t('convert.linkExisting')} · ${t(`convert.byField.${match.field}`)}`} />
          ) : null}
          {match && !match.visible ? (
            <Alert type="error" showIcon data-error-code="DUPLICATE"
              title={match.ownerName ? t('convert.matchHidden', { owner: match.ownerName }) : t('convert.matchInPool')}
              description={t(`convert.byField.${match.field}`)} />
          ) : null}
        </div>
        <Divider titlePlacement="start">{t('convert.contact')}</Divider>
        <Form.Item name="withContact" valuePropName="checked">
          <Checkbox>{t('convert.withContact')}</Checkbox>
        </Form.Item>
        {withContact ? (
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name={['contact', 'name']} label={t('convert.contactName')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col {...half}><Form.Item name={['contact', 'title']} label={t('field.title')}><Input maxLength={100} /></Form.Item></Col>
            <Col {...half}><Form.Item name={['contact', 'mobile']} label={t('convert.mobile')}><Input maxLength={40} inputMode="tel" /></Form.Item></Col>
          </Row>
        ) : null}
      </Form>
    </Modal>
  );
}
