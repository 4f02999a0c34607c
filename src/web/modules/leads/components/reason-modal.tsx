import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { testId } from '../../../platform/format/test-id';
import { useDisqualifyLead, useLeadPoolCommand, type LeadDetail } from '../api';

/** Disqualify (reason required) or return to the lead pool (reason optional). */
export function LeadReasonModal({ lead, command, onClose }: { lead: LeadDetail; command: 'disqualify' | 'release'; onClose: () => void }) {
  const { t } = useTranslation('leads');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const disqualify = useDisqualifyLead();
  const release = useLeadPoolCommand();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const pending = disqualify.isPending || release.isPending;
  const submit = ({ reason }: { reason?: string }) => {
    clearFormError();
    const done = { onSuccess: () => { void message.success(t(`${command}.done`)); onClose(); }, onError: handleError };
    if (command === 'disqualify') disqualify.mutate({ id: lead.id, version: lead.version, reason: reason?.trim() ?? '' }, done);
    else release.mutate({ id: lead.id, command: 'release', reason: reason?.trim() || undefined }, done);
  };
  return (
    <Modal open title={t(`${command}.title`, { name: lead.company })} onCancel={onClose} okText={tp('actions.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: `lead-${command}-form`, danger: true, loading: pending, ...testId(`confirm-${command}`) }}>
      <Alert type="info" showIcon title={t(`${command}.hint`)} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id={`lead-${command}-form`} form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="reason" label={t(`${command}.reason`)}
          rules={command === 'disqualify' ? [{ required: true, whitespace: true, message: t('field.required') }] : []}>
          <Input.TextArea autoFocus maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }}
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.shiftKey) { e.preventDefault(); form.submit(); } }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
