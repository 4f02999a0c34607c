import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Form, Input, Modal, Row, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { callReportSections } from '../../../../shared/contracts/activities.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { CustomerSelect } from '../../customers/components/customer-select';
import { UserSelect } from '../../customers/components/user-select';
import { useCreateCallReport, useCustomerName, useSendCallReport, useUpdateCallReport, type CallReport } from '../api';
import { UserMultiSelect } from './user-multi-select';

interface ItemValues { action?: string; assigneeId?: string; dueDate?: Dayjs }
interface Values {
  customerId?: string; reportDate?: Dayjs; company?: string; contactName?: string; phone?: string; address?: string;
  purpose?: string; notes?: string; message?: Record<string, string | undefined>; to?: string[]; cc?: string[]; actionItems?: ItemValues[];
}

const blank = (v: string | undefined) => (v && v.trim() ? v : null);

/**
 * The call report (访问报告) form: header, purpose before / notes during, the message sections, TO and
 * CC pickers and an editable table of action items. Saves a draft or sends at once. Every control is a
 * native-focusable antd input, so the whole form works with Tab / Shift+Tab and Enter.
 */
export function CallReportForm({ initial, links }: {
  /** a draft being edited */
  initial?: CallReport;
  /** for a new report: what it is about (from the timeline) */
  links?: { customerId?: string; opportunityId?: string; activityId?: string };
}) {
  const { t } = useTranslation('activities');
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateCallReport();
  const update = useUpdateCallReport();
  const send = useSendCallReport();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const fixedCustomerId = initial?.customerId ?? links?.customerId;
  const fixedCustomer = useCustomerName(initial ? undefined : fixedCustomerId);
  const busy = create.isPending || update.isPending || send.isPending;

  const initialValues: Values = initial
    ? {
      customerId: initial.customerId, reportDate: dayjs(initial.reportDate), company: initial.company, contactName: initial.contactName ?? undefined,
      phone: initial.phone ?? undefined, address: initial.address ?? undefined, purpose: initial.purpose ?? undefined, notes: initial.notes ?? undefined,
      message: Object.fromEntries(callReportSections.map((k) => [k, initial.message[k] ?? undefined])),
      to: initial.to.map((u) => u.id), cc: initial.cc.map((u) => u.id),
      actionItems: initial.actionItems.map((i) => ({ action: i.action, assigneeId: i.assigneeId, dueDate: dayjs(i.dueDate) })),
    }
    : { customerId: links?.customerId, reportDate: dayjs(), to: [], cc: [], actionItems: [] };

  const bodyOf = (v: Values) => ({
    reportDate: v.reportDate?.format('YYYY-MM-DD'), company: blank(v.company), contactName: blank(v.contactName), phone: blank(v.phone),
    address: blank(v.address), purpose: blank(v.purpose), notes: blank(v.notes),
    message: Object.fromEntries(callReportSections.map((k) => [k, blank(v.message?.[k])])),
    to: v.to ?? [], cc: v.cc ?? [],
    actionItems: (v.actionItems ?? []).map((i) => ({ action: i.action ?? '', assigneeId: i.assigneeId ?? '', dueDate: i.dueDate?.format('YYYY-MM-DD') ?? '' })),
  });

  const save = async (andSend: boolean) => {
    clearFormError();
    // required fields of the action items first (the server checks everything again)
    try { await form.validateFields(); } catch { return; }
    const v = form.getFieldsValue(true) as Values;
    try {
      let report: CallReport;
      if (initial) {
        report = await update.mutateAsync({ id: initial.id, version: initial.version, ...bodyOf(v) });
        if (andSend) report = await send.mutateAsync({ id: report.id, version: report.version });
      } else {
        report = await create.mutateAsync({
          ...bodyOf(v), customerId: v.customerId, opportunityId: links?.opportunityId, activityId: links?.activityId, send: andSend,
        });
      }
      message.success(t(andSend ? 'report.sent' : 'report.saved'));
      navigate(`/call-reports/${report.id}`, { replace: true });
    } catch (error) { handleError(error); }
  };
  const confirmSend = () => Modal.confirm({ title: t('report.send'), content: t('report.sendConfirm'), okText: t('report.send'), onOk: () => save(true) });

  return (
    <Form form={form} layout="vertical" initialValues={initialValues} onFinish={() => void save(false)} data-testid="call-report-form">
      <ErrorAlert error={formError} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {fixedCustomerId || links?.opportunityId
              ? (
                <Form.Item label={t('report.customer')}>
                  <Input disabled value={fixedCustomer.data?.name ?? initial?.customerName ?? ''} data-testid="report-customer" />
                </Form.Item>
              )
              : (
                <Form.Item name="customerId" label={t('report.customer')} rules={[{ required: true }]}>
                  <CustomerSelect autoFocus />
                </Form.Item>
              )}
          </Col>
          <Col xs={12} md={6}><Form.Item name="reportDate" label={t('report.reportDate')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="company" label={t('report.company')}><Input maxLength={200} placeholder={fixedCustomer.data?.name} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="contactName" label={t('report.contactName')}><Input maxLength={100} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="phone" label={t('report.phone')}><Input maxLength={40} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="address" label={t('report.address')}><Input maxLength={300} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="purpose" label={t('report.purpose')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="notes" label={t('report.notes')}><Input.TextArea rows={3} maxLength={8000} /></Form.Item></Col>
        </Row>
      </Card>
      <Card size="small" title={t('report.message')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {callReportSections.map((k) => (
            <Col xs={24} md={12} key={k}>
              <Form.Item name={['message', k]} label={t(`report.section.${k}`)}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}><Form.Item name="to" label={t('report.to')} extra={t('report.toHint')}><UserMultiSelect /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="cc" label={t('report.cc')}><UserMultiSelect /></Form.Item></Col>
        </Row>
      </Card>
      <Card size="small" title={t('report.actionItems')} style={{ marginBottom: 16 }}>
        <Form.List name="actionItems">
          {(fields, { add, remove }) => (
            <div data-testid="action-items">
              {fields.length === 0 ? <Typography.Text type="secondary">{t('report.noItems')}</Typography.Text> : null}
              {fields.map((field, i) => (
                <Row key={field.key} gutter={8} align="top" wrap>
                  <Col xs={24} md={11}>
                    <Form.Item name={[field.name, 'action']} label={i === 0 ? t('report.action') : undefined} rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={500} placeholder={t('report.action')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'assigneeId']} label={i === 0 ? t('report.assignee') : undefined} rules={[{ required: true }]}>
                      <UserSelect placeholder={t('report.assignee')} />
                    </Form.Item>
                  </Col>
                  <Col xs={9} md={5}>
                    <Form.Item name={[field.name, 'dueDate']} label={i === 0 ? t('report.dueDate') : undefined} rules={[{ required: true }]}>
                      <DatePicker style={{ width: '100%' }} placeholder={t('report.dueDate')} />
                    </Form.Item>
                  </Col>
                  <Col xs={3} md={2}>
                    <Form.Item label={i === 0 ? ' ' : undefined}>
                      <Button icon={<DeleteOutlined />} aria-label={t('report.removeItem')} onClick={() => remove(field.name)} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ dueDate: dayjs().add(3, 'day') })} data-testid="add-action-item">{t('report.addItem')}</Button>
            </div>
          )}
        </Form.List>
      </Card>
      <Flex gap={8} justify="flex-end" wrap>
        <Button htmlType="submit" loading={busy} data-testid="save-draft">{t('report.saveDraft')}</Button>
        <Button type="primary" loading={busy} onClick={confirmSend} data-testid="send-report">{t('report.send')}</Button>
      </Flex>
    </Form>
  );
}
