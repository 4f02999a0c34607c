import { Form, Input, Modal, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { testId } from '../../../platform/format/test-id';
import { useDecideApproval, type Decision } from '../api';

/** Collects the comment (approve) or the required reason (reject, return) and sends the decision (mounted per decision). */
export function DecisionModal({ approvalId, decision, onClose, onDone }: {
  approvalId: string; decision: Decision; onClose: () => void; onDone: (decision: Decision) => void;
}) {
  const { t } = useTranslation('approvals');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<{ reason?: string; comment?: string }>();
  const decide = useDecideApproval(approvalId);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const needsReason = decision === 'reject' || decision === 'return';
  const field = needsReason ? 'reason' : 'comment';

  const submit = (values: { reason?: string; comment?: string }) => {
    const text = values[field];
    clearFormError();
    decide.mutate({ decision, text: text?.trim() || undefined }, {
      onSuccess: () => onDone(decision),
      onError: (error) => handleError(error),
    });
  };
  const submitOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
  };

  return (
    <Modal
      open
      title={t(`decide.${decision}Title`)}
      onCancel={onClose}
      okText={t(`decide.${decision}`)}
      cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'decision-form', loading: decide.isPending, danger: decision === 'reject', ...testId('confirm-decision') }}
    >
      <ErrorAlert error={formError} />
      <Form id="decision-form" form={form} layout="vertical" onFinish={submit}>
        <Form.Item name={field} label={needsReason ? t('decide.reason') : t('decide.comment')} extra={<Typography.Text type="secondary">{t('decide.submitHint')}</Typography.Text>}
          rules={needsReason ? [{ required: true, whitespace: true, message: t('decide.reasonRequired') }] : []}>
          <Input.TextArea autoFocus rows={4} maxLength={2000} showCount placeholder={needsReason ? t('decide.reasonPlaceholder') : undefined}
            onKeyDown={submitOnCtrlEnter} data-testid={`decision-${field}`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
