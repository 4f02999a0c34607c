import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import type { OpportunityDraft } from '../../../../shared/contracts/leads.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { CustomerSelect } from '../../customers/components/customer-select';
import { useCreateOpportunity, useCustomerContacts, usePipelines } from '../api';
import { ContactsPicker } from '../components/contacts-picker';
import { isInBand } from '../components/funnel-band';
import { PipelineSelect } from '../components/pipeline-select';
import { ProbabilityHelp } from '../components/probability-help';

interface Values {
  customerId?: string;
  name: string;
  pipelineId?: string;
  stageId?: string;
  amount: string;
  probability?: string;
  expectedCloseDate?: Dayjs | null;
  contactIds?: string[];
  competitors?: string[];
  needDescription?: string;
}

export const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

/** Where the form was opened from: `?customerId=…&pipelineId=…`, or a converted lead's draft in the navigation state. */
function useInitialValues(): { values: Partial<Values>; draft: OpportunityDraft | null } {
  const [params] = useSearchParams();
  const location = useLocation();
  return useMemo(() => {
    const draft = (location.state as { draft?: OpportunityDraft } | null)?.draft ?? null;
    const values: Partial<Values> = {
      customerId: draft?.customerId ?? params.get('customerId') ?? undefined,
      pipelineId: params.get('pipelineId') ?? undefined,
      name: draft?.name ?? '',
      amount: draft?.estimatedAmount ?? '',
      needDescription: draft?.needDescription ?? undefined,
      contactIds: draft?.contactId ? [draft.contactId] : [],
    };
    return { values, draft };
  }, [params, location.state]);
}

/** 新建商机: customer, pipeline and stage, amount, probability inside the stage's band, close date, contacts. */
export function OpportunityCreatePage() {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { values: initial, draft } = useInitialValues();
  const pipelines = usePipelines();
  const create = useCreateOpportunity();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const customerId = Form.useWatch('customerId', form);
  const contacts = useCustomerContacts(customerId);
  const pipelineId = Form.useWatch('pipelineId', form);
  const stageId = Form.useWatch('stageId', form);
  const pipeline = pipelines.data?.items.find((p) => p.id === pipelineId);
  const openStages = (pipeline?.stages ?? []).filter((s) => s.funnelCategory !== 'order');
  const stage = openStages.find((s) => s.id === stageId);
  const defaultPipelineId = initial.pipelineId ?? pipelines.data?.items.find((p) => p.isActive)?.id;
  // the first active pipeline until the user picks one; a new pipeline starts at its first stage
  useEffect(() => {
    if (!form.getFieldValue('pipelineId') && defaultPipelineId) form.setFieldsValue({ pipelineId: defaultPipelineId });
  }, [defaultPipelineId, form]);
  useEffect(() => {
    if (openStages[0] && !openStages.some((s) => s.id === form.getFieldValue('stageId'))) form.setFieldsValue({ stageId: openStages[0].id });
  }, [openStages, form]);

  const submit = (v: Values) => {
    clearFormError();
    const roleOf = (id: string) => contacts.data?.items.find((c) => c.id === id)?.buyingRole ?? null;
    create.mutate({
      customerId: v.customerId!, name: v.name.trim(), pipelineId: v.pipelineId!, ...(v.stageId ? { stageId: v.stageId } : {}), amount: v.amount.trim(),
      ...(v.probability?.trim() ? { probability: v.probability.trim() } : {}),
      expectedCloseDate: v.expectedCloseDate ? v.expectedCloseDate.format('YYYY-MM-DD') : null,
      contacts: (v.contactIds ?? []).map((contactId) => ({ contactId, buyingRole: roleOf(contactId) })),
      competitors: (v.competitors ?? []).map((c) => c.trim()).filter(Boolean),
      needDescription: v.needDescription?.trim() || null,
      ...(draft ? { leadId: draft.leadId, source: draft.source } : {}),
    }, {
      onSuccess: (created) => { void message.success(t('form.created', { number: created.number })); navigate(`/opportunities/${created.id}`, { replace: true }); },
      onError: handleError,
    });
  };

  const required = { required: true, whitespace: true, message: t('form.required') };
  const half = { xs: 24, md: 12 };
  return (
    <PageContainer title={t('form.createTitle')}>
      <Link to="/opportunities"><Button type="link" size="small" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0, marginTop: -8, marginBottom: 8 }}>{t('detail.back')}</Button></Link>
      <Card style={{ maxWidth: 880 }}>
        {draft ? <Typography.Paragraph type="secondary" data-testid="from-lead">{t('form.fromLead')}</Typography.Paragraph> : null}
        <ErrorAlert error={formError} />
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={() => formError && clearFormError()}
          data-testid="opportunity-form">
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="customerId" label={t('field.customer')} rules={[{ required: true, message: t('form.required') }]}>
                <CustomerSelect autoFocus={!initial.customerId} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="name" label={t('field.name')} rules={[required]}>
                <Input maxLength={200} autoFocus={Boolean(initial.customerId)} data-testid="opportunity-name" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="pipelineId" label={t('field.pipeline')} rules={[{ required: true, message: t('form.required') }]}>
                <PipelineSelect />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="stageId" label={t('field.stage')} extra={stage?.exitCriteria ? t('form.exitCriteria', { text: stage.exitCriteria }) : undefined}>
                <Select options={openStages.map((s, i) => ({ value: s.id, label: `${i + 1}. ${s.name}` }))}
                  aria-label={t('field.stage')} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="amount" label={t('field.amount')} rules={[required, { pattern: MONEY_PATTERN, message: t('form.moneyFormat') }]}>
                <Input prefix="¥" inputMode="decimal" placeholder="0.00" maxLength={19} data-testid="opportunity-amount" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="probability" label={t('field.probability')} extra={<ProbabilityHelp stage={stage} />}
                rules={[{
                  validator: (_, value: string | undefined) => (!value?.trim() || !stage || isInBand(stage.funnelCategory, value.trim())
                    ? Promise.resolve() : Promise.reject(new Error(t('form.probabilityOutOfBand')))),
                }]}>
                <Input suffix="%" inputMode="decimal" placeholder={stage?.probability} maxLength={6} data-testid="opportunity-probability" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="expectedCloseDate" label={t('field.expectedCloseDate')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().subtract(1, 'year'))} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="competitors" label={t('field.competitors')} extra={t('form.tagsHint')}>
                <Select mode="tags" maxCount={20} open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="contactIds" label={t('field.contacts')} extra={t('form.contactsHint')}>
            <ContactsPicker customerId={customerId} />
          </Form.Item>
          <Form.Item name="needDescription" label={t('field.needDescription')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
          </Form.Item>
          <Flex gap={8} justify="end">
            <Button onClick={() => navigate(-1)}>{tp('actions.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="save-opportunity">{tp('actions.save')}</Button>
          </Flex>
        </Form>
      </Card>
    </PageContainer>
  );
}
