import { App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useIssueInvoice, type InvoiceRequestSummary } from '../api';

interface Values { invoiceNumber: string; issuedOn: Dayjs; courier?: string; trackingNo?: string }

/** 登记开票 (finance): the invoice number, its date (not in the future), courier and tracking number. */
export function IssueInvoiceModal({ request, onClose }: { request: InvoiceRequestSummary; onClose: () => void }) {
  const { t } = useTranslation('invoices');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const issue = useIssueInvoice(request.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const req = [{ required: true, whitespace: true, message: t('form.required') }];
  return (
    <Modal open title={t('issue.title', { number: request.number })} okText={t('issue.confirm')} onCancel={onClose} destroyOnHidden
      okButtonProps={{ htmlType: 'submit', form: 'issue-invoice-form', loading: issue.isPending }}>
      <Typography.Paragraph>{t('issue.hint', { type: t(`type.${request.invoiceType}`), amount: formatMoney(request.amount), title: request.title })}</Typography.Paragraph>
      <ErrorAlert error={formError} />
      <Form id="issue-invoice-form" form={form} layout="vertical" initialValues={{ issuedOn: dayjs() }} onFinish={(v) => {
        clearFormError();
        issue.mutate({ version: request.version, invoiceNumber: v.invoiceNumber.trim(), issuedOn: v.issuedOn.format('YYYY-MM-DD'), courier: v.courier || null, trackingNo: v.trackingNo || null }, {
          onSuccess: () => { void message.success(t('issued')); onClose(); }, onError: handleError,
        });
      }}>
        <Form.Item name="invoiceNumber" label={t('field.invoiceNumber')} rules={req}><Input maxLength={20} autoFocus data-testid="invoice-number" /></Form.Item>
        <Form.Item name="issuedOn" label={t('field.issuedOn')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="courier" label={t('field.courier')}><Input maxLength={100} placeholder="顺丰速运" /></Form.Item>
        <Form.Item name="trackingNo" label={t('field.trackingNo')}><Input maxLength={60} /></Form.Item>
      </Form>
    </Modal>
  );
}
