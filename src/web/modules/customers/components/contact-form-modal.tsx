import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { attitudes, buyingRoles, influenceLevels } from '../../../../shared/contracts/customers.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { CustomFieldInputs } from '../../custom-fields/components/custom-field-inputs';
import { useSaveContact, type Contact, type CreateContactInput } from '../api';
import { reportsBelow } from './build-contact-tree';
import { changedFields } from './changed-fields';

interface Values extends Record<string, unknown> {
  name: string;
  title: string | null;
  department: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  im: string | null;
  birthday: Dayjs | null;
  notes: string | null;
  reportsToId: string | null;
  buyingRole: Contact['buyingRole'];
  attitude: Contact['attitude'];
  influence: Contact['influence'];
  customFields?: CreateContactInput['customFields'];
}

const textFields = ['name', 'title', 'department', 'mobile', 'phone', 'email', 'im', 'notes'] as const;

function toBody(v: Values) {
  const body: Record<string, unknown> = {
    birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    reportsToId: v.reportsToId ?? null, buyingRole: v.buyingRole ?? null, attitude: v.attitude ?? null, influence: v.influence ?? null,
  };
  for (const key of textFields) body[key] = typeof v[key] === 'string' && v[key].trim() ? v[key].trim() : null;
  if (v.customFields) body.customFields = v.customFields;
  return body;
}

/** Adds or edits a contact: phones, buying role, attitude, influence and whom they report to. */
export function ContactFormModal({ customerId, contact, contacts, onClose }: {
  customerId: string;
  contact: Contact | null;
  contacts: readonly Contact[];
  onClose: () => void;
}) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveContact(customerId);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const excluded = useMemo(() => (contact ? reportsBelow(contacts, contact.id) : new Set<string>()), [contacts, contact]);
  const initial = useMemo(() => (contact ? toBody({ ...contact, birthday: contact.birthday ? dayjs(contact.birthday) : null } as Values) : null), [contact]);

  const submit = (v: Values) => {
    clearFormError();
    const body = toBody(v);
    const done = (key: 'contacts.created' | 'contacts.saved') => () => { void message.success(t(key)); onClose(); };
    if (contact && initial) {
      save.mutate({ id: contact.id, body: { version: contact.version, ...changedFields(initial, body) } }, { onSuccess: done('contacts.saved'), onError: handleError });
    } else {
      save.mutate({ id: null, body: body as { name: string } }, { onSuccess: done('contacts.created'), onError: handleError });
    }
  };

  const half = { xs: 24, sm: 12 };
  const third = { xs: 24, sm: 8 };
  return (
    <Modal open width={680} title={contact ? t('contacts.edit', { name: contact.name }) : t('contacts.create')} onCancel={onClose}
      okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'contact-form', loading: save.isPending, ...{ 'data-testid': 'save-contact' } }}>
      <ErrorAlert error={formError} />
      <Form id="contact-form" form={form} layout="vertical" onFinish={submit} onValuesChange={() => formError && clearFormError()}
        initialValues={contact ? { ...contact, birthday: contact.birthday ? dayjs(contact.birthday) : null } : {}}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t('contact.name')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
              <Input autoFocus maxLength={100} data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name="title" label={t('contact.title')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}><Form.Item name="department" label={t('contact.department')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name="reportsToId" label={t('contact.reportsTo')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }}
                options={contacts.filter((c) => !excluded.has(c.id)).map((c) => ({ value: c.id, label: c.title ? `${c.name}（${c.title}）` : c.name }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="buyingRole" label={t('contact.buyingRole')}>
              <Select allowClear options={buyingRoles.map((r) => ({ value: r, label: t(`buyingRole.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="attitude" label={t('contact.attitude')}>
              <Select allowClear options={attitudes.map((a) => ({ value: a, label: t(`attitude.${a}`) }))} />
            </Form.Item>
          </Col>
          <Col {...third}>
            <Form.Item name="influence" label={t('contact.influence')}>
              <Select allowClear options={influenceLevels.map((i) => ({ value: i, label: t(`influence.${i}`) }))} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name="mobile" label={t('contact.mobile')}><Input maxLength={40} inputMode="tel" /></Form.Item></Col>
          <Col {...half}><Form.Item name="phone" label={t('contact.phone')}><Input maxLength={40} inputMode="tel" /></Form.Item></Col>
          <Col {...half}><Form.Item name="email" label={t('contact.email')}><Input maxLength={200} type="email" /></Form.Item></Col>
          <Col {...half}><Form.Item name="im" label={t('contact.im')}><Input maxLength={100} /></Form.Item></Col>
          <Col {...half}><Form.Item name="birthday" label={t('contact.birthday')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
        </Row>
        <Form.Item name="notes" label={t('contact.notes')}><Input.TextArea maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} /></Form.Item>
        <CustomFieldInputs entity="contacts" />
      </Form>
    </Modal>
  );
}
