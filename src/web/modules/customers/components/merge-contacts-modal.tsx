import { Alert, App, Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useMergeContacts, type Contact } from '../api';

interface Values { survivorId: string; duplicateId: string }

/** Merges two contacts of the same customer: pick the one to keep and the duplicate. */
export function MergeContactsModal({ contacts, onClose }: { contacts: readonly Contact[]; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const merge = useMergeContacts();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const options = contacts.map((c) => ({ value: c.id, label: [c.name, c.title, c.mobile].filter(Boolean).join(' · ') }));
  const submit = (v: Values) => {
    clearFormError();
    void modal.confirm({
      title: t('contacts.mergeTitle'), content: t('contacts.mergeHint'), okButtonProps: { danger: true }, cancelText: tp('actions.cancel'),
      onOk: () => merge.mutateAsync({ id: v.survivorId, duplicateId: v.duplicateId }).then(
        (result) => { void message.success(t('contacts.mergeDone', { count: result.movedReports })); onClose(); },
        handleError,
      ),
    });
  };
  return (
    <Modal open title={t('contacts.mergeTitle')} onCancel={onClose} okText={t('merge.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'merge-contacts-form', danger: true, loading: merge.isPending }}>
      <Alert type="info" showIcon title={t('contacts.mergeHint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id="merge-contacts-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="survivorId" label={t('contacts.mergeKeep')} rules={[{ required: true, message: t('field.required') }]}>
          <Select autoFocus options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="duplicateId" label={t('contacts.mergeDuplicate')} dependencies={['survivorId']}
          rules={[{ required: true, message: t('field.required') }, ({ getFieldValue }) => ({
            validator: (_, value) => (value && value === getFieldValue('survivorId') ? Promise.reject(new Error(t('contacts.mergeSame'))) : Promise.resolve()),
          })]}>
          <Select options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
