import { App, Alert, Button, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { useInitiationReport, useSaveInitiationReport, useSubmitInitiationReport, type OpportunityDetail } from '../api';
import { DocStatusBadge } from './doc-status';

const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
const PCT_PATTERN = /^-?\d{1,3}(\.\d{1,2})?$/;

interface Values {
  projectName: string;
  customerLead: string;
  expectedContractAmount: string;
  estimatedGrossMarginPct: string;
  salesExpenseBudget: string;
  projectCategory: string;
  expectedSigningDate: Dayjs | null;
}

/**
 * 立项报告: written by the rep, sent for approval; it must be approved before the opportunity leaves
 * 立项. Editable while draft, returned or rejected (the server says so in `canEdit`).
 */
export function InitiationReportTab({ opportunity }: { opportunity: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const report = useInitiationReport(opportunity.id);
  const save = useSaveInitiationReport(opportunity.id);
  const submit = useSubmitInitiationReport(opportunity.id);
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);

  if (report.isPending) return <Flex justify="center" style={{ padding: 32 }}><Spin /></Flex>;
  if (report.isError) return <ErrorResult error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;
  const editable = r ? r.canEdit : opportunity.canEdit && opportunity.status === 'open';
  const required = { required: true, whitespace: true, message: t('form.required') };
  const half = { xs: 24, md: 12 };
  const initial: Values = r
    ? { ...r, expectedSigningDate: dayjs(r.expectedSigningDate) }
    : {
      projectName: opportunity.name, customerLead: opportunity.contacts.find((c) => c.buyingRole === 'economic_buyer')?.name ?? '',
      expectedContractAmount: opportunity.amount, estimatedGrossMarginPct: '', salesExpenseBudget: '', projectCategory: '',
      expectedSigningDate: opportunity.expectedCloseDate ? dayjs(opportunity.expectedCloseDate) : null,
    };

  return (
    <div data-testid="initiation-report">
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }} items={[
        { key: 'status', label: t('doc.statusLabel'), children: <DocStatusBadge status={r?.status ?? null} /> },
        { key: 'number', label: t('report.projectNumber'), children: r?.projectNumber ?? t('report.numberOnSave') },
        { key: 'updated', label: t('doc.updatedAt'), children: r ? formatInstant(r.updatedAt) : '—' },
      ]} />
      {r?.approvalId ? (
        <Alert type={r.status === 'approved' ? 'success' : r.status === 'pending' ? 'info' : 'warning'} showIcon style={{ marginBottom: 12 }}
          title={t(`doc.hint.${r.status}`)} action={<Link to={`/inbox/${r.approvalId}`}><Button size="small">{t('doc.viewApproval')}</Button></Link>} />
      ) : null}
      <ErrorAlert error={formError} />
      <Form<Values> key={r?.version ?? 0} form={form} layout="vertical" initialValues={initial} disabled={!editable}
        onValuesChange={() => formError && clearFormError()}
        onFinish={(v) => {
          clearFormError();
          save.mutate({
            projectName: v.projectName.trim(), customerLead: v.customerLead.trim(), expectedContractAmount: v.expectedContractAmount.trim(),
            estimatedGrossMarginPct: v.estimatedGrossMarginPct.trim(), salesExpenseBudget: v.salesExpenseBudget.trim(), projectCategory: v.projectCategory.trim(),
            expectedSigningDate: v.expectedSigningDate!.format('YYYY-MM-DD'), ...(r ? { version: r.version } : {}),
          }, { onSuccess: () => void message.success(tp('common.saved')), onError: handleError });
        }}>
        <Row gutter={16}>
          <Col {...half}><Form.Item name="projectName" label={t('report.projectName')} rules={[required]}><Input maxLength={200} /></Form.Item></Col>
          <Col {...half}><Form.Item name="customerLead" label={t('report.customerLead')} rules={[required]} extra={t('report.customerLeadHint')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="expectedContractAmount" label={t('report.expectedContractAmount')} rules={[required, { pattern: MONEY_PATTERN, message: t('form.moneyFormat') }]}>
              <Input prefix="¥" inputMode="decimal" maxLength={19} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="estimatedGrossMarginPct" label={t('report.estimatedGrossMarginPct')} rules={[required, { pattern: PCT_PATTERN, message: t('form.percentFormat') }]}>
              <Input suffix="%" inputMode="decimal" maxLength={7} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="salesExpenseBudget" label={t('report.salesExpenseBudget')} rules={[required, { pattern: MONEY_PATTERN, message: t('form.moneyFormat') }]}>
              <Input prefix="¥" inputMode="decimal" maxLength={19} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name="projectCategory" label={t('report.projectCategory')} rules={[required]}><Input maxLength={60} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="expectedSigningDate" label={t('report.expectedSigningDate')} rules={[{ required: true, message: t('form.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {editable ? (
          <Flex gap={8} justify="end" wrap>
            <Button htmlType="submit" loading={save.isPending} data-testid="save-report">{t('doc.saveDraft')}</Button>
            <Button type="primary" disabled={!r} loading={submit.isPending} data-testid="submit-report"
              title={!r ? t('doc.saveFirst') : undefined}
              onClick={() => r && submit.mutate({ version: r.version }, { onSuccess: () => void message.success(t('doc.submitted')), onError: handleError })}>
              {t('doc.submit')}
            </Button>
          </Flex>
        ) : null}
      </Form>
    </div>
  );
}
