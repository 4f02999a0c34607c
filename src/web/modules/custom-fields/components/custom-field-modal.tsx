import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { customFieldKinds } from '../../../../shared/contracts/custom-fields.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCreateCustomField, useUpdateCustomField, type CustomField, type CustomFieldEntity } from '../api';
import { fieldLabel } from './field-label';

interface Values {
  labelZh: string; labelEn: string; key: string; kind: CustomField['kind']; options?: string[]; isRequired: boolean; sortOrder?: number;
}

/** Creates a field of `entity`, or edits `field` (key and kind then read-only). Mounted per open. */
export function CustomFieldModal({ entity, field, onClose }: { entity: CustomFieldEntity; field: CustomField | null; onClose: () => void }) {
  const { t } = useTranslation('customFields');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const kind = Form.useWatch('kind', form);
  const hasOptions = kind === 'select' || kind === 'multiSelect';

  const submit = (v: Values) => {
    clearFormError();
    const label = { 'zh-CN': v.labelZh, 'en-US': v.labelEn };
    const done = { onSuccess: () => { void message.success(t('saved')); onClose(); }, onError: handleError };
    if (field) {
      update.mutate({ id: field.id, version: field.version, label, isRequired: v.isRequired, sortOrder: v.sortOrder, ...(hasOptions ? { options: v.options ?? [] } : {}) }, done);
    } else {
      create.mutate({ entity, key: v.key, kind: v.kind, label, isRequired: v.isRequired, sortOrder: v.sortOrder, ...(hasOptions ? { options: v.options ?? [] } : {}) }, done);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('form.requiredMessage') }];

  return (
    <Modal open title={field ? t('form.editTitle', { label: fieldLabel(field) }) : t('form.addTitle')} onCancel={onClose}
      okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'custom-field-form', loading: create.isPending || update.isPending }}>
      <ErrorAlert error={formError} />
      <Form<Values> id="custom-field-form" form={form} layout="vertical" onFinish={submit}
        initialValues={field
          ? { labelZh: field.label['zh-CN'], labelEn: field.label['en-US'], key: field.key, kind: field.kind, options: field.options, isRequired: field.isRequired, sortOrder: field.sortOrder }
          : { kind: 'text', isRequired: false, options: [] }}>
        <Form.Item name="labelZh" label={t('form.labelZh')} rules={required}><Input autoFocus maxLength={60} /></Form.Item>
        <Form.Item name="labelEn" label={t('form.labelEn')} rules={required}><Input maxLength={60} /></Form.Item>
        <Form.Item name="key" label={t('form.key')} extra={t('form.keyHint')} rules={required}>
          <Input disabled={field !== null} maxLength={40} spellCheck={false} autoCapitalize="off" />
        </Form.Item>
        <Form.Item name="kind" label={t('form.kind')} rules={required}>
          <Select disabled={field !== null} options={customFieldKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
        </Form.Item>
        {hasOptions ? (
          <Form.Item name="options" label={t('form.options')} extra={t('form.optionsHint')}>
            <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
          </Form.Item>
        ) : null}
        <Form.Item name="sortOrder" label={t('form.sortOrder')}><InputNumber min={0} max={10000} precision={0} /></Form.Item>
        <Form.Item name="isRequired" valuePropName="checked"><Checkbox>{t('form.required')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
