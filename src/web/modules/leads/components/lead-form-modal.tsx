import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { leadSources, needTriggers, type LeadSource, type NeedTrigger } from '../../../../shared/contracts/leads.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { isApiError } from '../../../platform/http/api-error';
import { testId } from '../../../platform/format/test-id';
import { useTerritories, useUserPicker } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import { CustomFieldInputs } from '../../custom-fields/components/custom-field-inputs';
import { useCreateLead, useUpdateLead, type CreateLeadInput, type Lead } from '../api';

interface Values {
  company: string;
  contactName?: string | null;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  im?: string | null;
  region?: string | null;
  territoryId?: string | null;
  industry?: string | null;
  source: LeadSource;
  needDescription?: string | null;
  needTriggers?: NeedTrigger[];
  estimatedAmount?: string | null;
  ownerId?: string;
  customFields?: CreateLeadInput['customFields'];
}

const POOL = '__pool__';
const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
const salesRoles = ['sales_rep', 'sales_supervisor', 'sales_manager'];

/** Creates a lead, or edits one (sending the version read; someone else's change → reload). */
export function LeadFormModal({ lead, onClose, onCreated, onReload }: { lead: Lead | null; onClose: () => void; onCreated?: (lead: Lead) => void; onReload?: () => void }) {
  const { t } = useTranslation('leads');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const { can } = useAccess();
  const [form] = Form.useForm<Values>();
  const create = useCreateLead();
  const update = useUpdateLead();
  const territories = useTerritories();
  const users = useUserPicker();
  const territoryTree = useMemo(() => toTreeSelectData(buildTree(territories.data?.items ?? [])), [territories.data]);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const ownerOptions = [
    { value: POOL, label: t('owner.pool') },
    ...(users.data?.items ?? []).filter((u) => u.isActive && u.roles.some((r) => salesRoles.includes(r))).map((u) => ({ value: u.id, label: u.name })),
  ];

  const submit = (v: Values) => {
    clearFormError();
    const body = {
      company: v.company.trim(), contactName: blankToNull(v.contactName), title: blankToNull(v.title), phone: blankToNull(v.phone),
      email: blankToNull(v.email), im: blankToNull(v.im), region: blankToNull(v.region), territoryId: v.territoryId ?? null,
      industry: blankToNull(v.industry), source: v.source, needDescription: blankToNull(v.needDescription), needTriggers: v.needTriggers ?? [],
      estimatedAmount: blankToNull(v.estimatedAmount), customFields: v.customFields ?? {},
    };
    if (lead) {
      update.mutate({ id: lead.id, version: lead.version, ...body }, {
        onSuccess: () => { void message.success(t('form.saved')); onClose(); },
        onError: handleError,
      });
      return;
    }
    const owner = v.ownerId === POOL ? { ownerId: null } : v.ownerId ? { ownerId: v.ownerId } : {};
    create.mutate({ ...body, ...owner }, {
      onSuccess: (created) => { void message.success(t('form.created')); onCreated?.(created); onClose(); },
      onError: handleError,
    });
  };

  const isConflict = isApiError(formError) && formError.code === 'CONFLICT';
  const required = { required: true, whitespace: true, message: t('field.required') };
  const half = { xs: 24, sm: 12 };
  return (
    <Modal open width={720} title={lead ? t('form.editTitle', { name: lead.company }) : t('form.createTitle')} onCancel={onClose}
      okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'lead-form', loading: create.isPending || update.isPending, ...testId('save-lead') }}>
      {isConflict && onReload
        ? <Alert type="warning" showIcon title={t('form.conflict')} style={{ marginBottom: 16 }} action={<Button size="small" onClick={onReload}>{t('form.reload')}</Button>} />
        : <ErrorAlert error={formError} />}
      <Form id="lead-form" form={form} layout="vertical" onFinish={submit} onValuesChange={() => formError && clearFormError()}
        initialValues={lead ? { ...lead, customFields: lead.customFields as CreateLeadInput['customFields'] } : { source: 'phone', needTriggers: [] }}>
        <Form.Item name="company" label={t('field.company')} rules={[required]}>
          <Input autoFocus maxLength={200} data-testid="lead-company" />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}><Form.Item name="contactName" label={t('field.contactName')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}><Form.Item name="title" label={t('field.title')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}><Form.Item name="phone" label={t('field.phone')}><Input maxLength={40} inputMode="tel" /></Form.Item></Col>
          <Col {...half}><Form.Item name="email" label={t('field.email')}><Input maxLength={200} inputMode="email" /></Form.Item></Col>
          <Col {...half}><Form.Item name="im" label={t('field.im')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="source" label={t('field.source')} rules={[{ required: true, message: t('field.required') }]}>
              <Select options={leadSources.map((s) => ({ value: s, label: t(`source.${s}`) }))} data-testid="lead-source" />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name="region" label={t('field.region')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="territoryId" label={t('field.territory')}>
              <TreeSelect allowClear treeDefaultExpandAll treeData={territoryTree} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name="industry" label={t('field.industry')}><Input maxLength={60} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="estimatedAmount" label={t('field.estimatedAmount')} rules={[{ pattern: /^\d{1,16}(\.\d{1,2})?$/, message: t('field.amountFormat') }]}>
              <Input inputMode="decimal" maxLength={19} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="needTriggers" label={t('field.needTriggers')}>
          <Select mode="multiple" allowClear options={needTriggers.map((k) => ({ value: k, label: t(`trigger.${k}`) }))} />
        </Form.Item>
        <Form.Item name="needDescription" label={t('field.needDescription')}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <CustomFieldInputs entity="leads" />
        {!lead && can('lead:assign') ? (
          <Form.Item name="ownerId" label={t('field.owner')} extra={t('form.ownerHint')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={ownerOptions} loading={users.isPending} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
