import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useReassignVisit, type ReceptionVisit } from '../api';

/** Overrides the automatic assignment with a reason (listed in the overrides report). */
export function ReassignModal({ visit, candidates, onClose }: { visit: ReceptionVisit; candidates: { id: string; name: string }[]; onClose: () => void }) {
  const { t } = useTranslation('reception');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toUserId: string; reason: string }>();
  const reassign = useReassignVisit();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = (values: { toUserId: string; reason: string }) => {
    clearFormError();
    reassign.mutate({ id: visit.id, ...values }, {
      onSuccess: (updated) => { void message.success(t('reassign.done', { name: updated.assignee.name })); onClose(); },
      onError: handleError,
    });
  };
  const options = candidates.filter((c) => c.id !== visit.assignee.id).map((c) => ({ value: c.id, label: c.name }));
  return (
    <Modal open title={t('reassign.title', { company: visit.company })} onCancel={onClose} okText={tp('actions.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'reassign-form', loading: reassign.isPending, ...{ 'data-testid': 'confirm-reassign' } }}>
      <Alert type="info" showIcon title={t('reassign.reasonHint')} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id="reassign-form" form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="toUserId" label={t('reassign.to')} rules={[{ required: true, message: t('field.required') }]}>
          <Select autoFocus options={options} showSearch={{ optionFilterProp: 'label' }} data-testid="reassign-to" />
        </Form.Item>
        <Form.Item name="reason" label={t('reassign.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="reassign-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
