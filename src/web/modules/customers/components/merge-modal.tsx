import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useMergeCustomers, type CustomerDetail } from '../api';
import { CustomerSelect } from './customer-select';

/** Merges a duplicate into this customer after a confirmation; says how many records moved. */
export function MergeModal({ customer, onClose }: { customer: CustomerDetail; onClose: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<{ duplicateId: string }>();
  const merge = useMergeCustomers();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = ({ duplicateId }: { duplicateId: string }) => {
    clearFormError();
    void modal.confirm({
      title: t('merge.confirm'),
      content: t('merge.hint'),
      okText: t('merge.confirm'),
      okButtonProps: { danger: true },
      cancelText: tp('actions.cancel'),
      onOk: () => merge.mutateAsync({ id: customer.id, duplicateId }).then(
        (result) => { void message.success({ content: t('merge.done', result.moved), duration: 6 }); onClose(); },
        handleError,
      ),
    });
  };
  return (
    <Modal open title={t('merge.title', { name: customer.name })} onCancel={onClose} okText={t('merge.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'merge-form', danger: true, loading: merge.isPending }}>
      <Alert type="warning" showIcon title={t('merge.hint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id="merge-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="duplicateId" label={t('merge.duplicate')} extra={t('merge.pick')} rules={[{ required: true, message: t('field.required') }]}>
          <CustomerSelect excludeId={customer.id} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
