import { Alert, App, Button, Col, Form, Input, Modal, Row, Select, TreeSelect } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { companySizes, customerStatuses, valueClasses } from '../../../../shared/contracts/customers.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { errorMessageOf } from '../../../platform/errors/describe-error';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { isApiError } from '../../../platform/http/api-error';
import { CustomFieldInputs } from '../../custom-fields/components/custom-field-inputs';
import { useTerritories } from '../../org/api';
import { buildTree, toTreeSelectData } from '../../org/components/build-tree';
import { useCreateCustomer, useUpdateCustomer, type CreateCustomerInput, type Customer } from '../api';
import { changedFields } from './changed-fields';
import { creditCodeProblem } from '../../../../shared/credit-code';
import { UserSelect } from './user-select';

interface Values extends Record<string, unknown> {
  name: string;
  creditCode: string | null;
  industry: string | null;
  size: Customer['size'];
  valueClass: Customer['valueClass'];
  status: Customer['status'];
  territoryId: string | null;
  phone: string | null;
  website: string | null;
  address: string | null;
  latitude: string | null;
  longitude: string | null;
  tags: string[];
  customFields?: CreateCustomerInput['customFields'];
  ownerId?: string | null;
}

const fromCustomer = (c: Customer): Values => ({
  name: c.name, creditCode: c.creditCode, industry: c.industry, size: c.size, valueClass: c.valueClass, status: c.status,
  territoryId: c.territoryId, phone: c.phone, website: c.website, address: c.address, latitude: c.latitude, longitude: c.longitude, tags: c.tags,
  customFields: c.customFields as CreateCustomerInput['customFields'],
});

/** The duplicate (查重) refusal: the server's message names the existing owner; there is no link, the caller may not see it. */
function DuplicateAlert({ error }: { error: unknown }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  return (
    <Alert type="warning" showIcon role="alert" data-error-code="DUPLICATE" data-testid="duplicate-alert" style={{ marginBottom: 16 }}
      title={t('form.duplicateTitle')} description={<>{errorMessageOf(error, tp)}<br />{t('form.duplicateHint')}</>} />
  );
}

function ConflictAlert({ onReload }: { onReload: () => void }) {
  const { t } = useTranslation('customers');
  return (
    <Alert type="warning" showIcon role="alert" data-error-code="CONFLICT" style={{ marginBottom: 16 }}
      title={t('form.conflictTitle')} description={t('form.conflictHint')}
      action={<Button size="small" onClick={onReload} data-testid="reload-customer">{t('form.reload')}</Button>} />
  );
}

/**
 * Creates a customer or edits one (sending only the changed fields and the version read). A stale
 * version gets "someone else changed it" with a reload; a duplicate names the existing owner.
 */
export function CustomerFormModal({ customer, onClose, onCreated, onReload }: {
  customer: Customer | null;
  onClose: () => void;
  onCreated?: (customer: Customer) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const { can } = useAccess();
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const territories = useTerritories();
  const territoryTree = useMemo(() => toTreeSelectData(buildTree(territories.data?.items ?? [])), [territories.data]);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const creditCode = Form.useWatch('creditCode', form);
  const codeProblem = creditCodeProblem(creditCode);
  const initial = useMemo(() => (customer ? fromCustomer(customer) : null), [customer]);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) alertRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [formError]);

  const submit = (v: Values) => {
    clearFormError();
    if (customer && initial) {
      update.mutate({ id: customer.id, version: customer.version, ...changedFields(initial, v) }, {
        onSuccess: () => { void message.success(t('form.saved')); onClose(); },
        onError: handleError,
      });
      return;
    }
    const blankToNull = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
    create.mutate({
      name: v.name, creditCode: blankToNull(v.creditCode), industry: blankToNull(v.industry), size: v.size ?? null, valueClass: v.valueClass,
      status: v.status, territoryId: v.territoryId ?? null, phone: blankToNull(v.phone), website: blankToNull(v.website), address: blankToNull(v.address),
      latitude: blankToNull(v.latitude), longitude: blankToNull(v.longitude), tags: v.tags ?? [], customFields: v.customFields ?? {}, ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    }, {
      onSuccess: (created) => { void message.success(t('form.created')); onCreated?.(created); onClose(); },
      onError: handleError,
    });
  };

  const code = isApiError(formError) ? formError.code : null;
  const required = { required: true, whitespace: true, message: t('field.required') };
  const half = { xs: 24, sm: 12 };
  return (
    <Modal open width={720} title={customer ? t('form.editTitle', { name: customer.name }) : t('form.createTitle')} onCancel={onClose}
      okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'customer-form', loading: create.isPending || update.isPending, ...{ 'data-testid': 'save-customer' } }}>
      <div ref={alertRef}>
        {code === 'DUPLICATE' ? <DuplicateAlert error={formError} />
          : code === 'CONFLICT' && onReload ? <ConflictAlert onReload={onReload} />
            : <ErrorAlert error={formError} />}
      </div>
      <Form id="customer-form" form={form} layout="vertical" onFinish={submit} onValuesChange={() => formError && clearFormError()}
        initialValues={initial ?? { valueClass: 'C', status: 'prospect', tags: [] }}>
        <Form.Item name="name" label={t('field.name')} rules={[required]}>
          <Input autoFocus maxLength={200} data-testid="customer-name" />
        </Form.Item>
        <Form.Item name="creditCode" label={t('field.creditCode')} extra={codeProblem ? undefined : t('creditCode.hint')}
          validateStatus={codeProblem ? 'warning' : undefined} help={codeProblem ? t(`creditCode.${codeProblem}`) : undefined}>
          <Input maxLength={30} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="valueClass" label={t('field.valueClass')}>
              <Select options={valueClasses.map((v) => ({ value: v, label: t(`valueClass.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t('field.status')}>
              <Select options={customerStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="industry" label={t('field.industry')}><Input maxLength={60} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="size" label={t('field.size')}>
              <Select allowClear options={companySizes.map((s) => ({ value: s, label: t(`size.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="territoryId" label={t('field.territory')}>
              <TreeSelect allowClear treeDefaultExpandAll treeData={territoryTree} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="phone" label={t('field.phone')}><Input maxLength={40} inputMode="tel" /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="website" label={t('field.website')}><Input maxLength={300} inputMode="url" /></Form.Item>
        <Form.Item name="address" label={t('field.address')}><Input maxLength={300} /></Form.Item>
        <Row gutter={16}>
          <Col {...half}><Form.Item name="latitude" label={t('field.latitude')}><Input maxLength={12} inputMode="decimal" /></Form.Item></Col>
          <Col {...half}><Form.Item name="longitude" label={t('field.longitude')}><Input maxLength={12} inputMode="decimal" /></Form.Item></Col>
        </Row>
        <Form.Item name="tags" label={t('field.tags')} extra={t('field.tagsHint')}>
          <Select mode="tags" maxCount={20} open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
        </Form.Item>
        {!customer && can('customer:assign') ? (
          <Form.Item name="ownerId" label={t('field.owner')} extra={t('form.ownerHint')}>
            <UserSelect salesOnly allowClear />
          </Form.Item>
        ) : null}
        <CustomFieldInputs entity="customers" />
      </Form>
    </Modal>
  );
}
