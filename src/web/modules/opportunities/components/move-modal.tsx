import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { isApiError } from '../../../platform/http/api-error';
import { useMoveOpportunity, type OpportunityDetail, type PipelineStage } from '../api';

/** Moves the opportunity one stage forward or back with an optional note; a gate refusal shows the server's reason here. */
export function MoveModal({ opportunity, from, to, direction, onClose, onReload }: {
  opportunity: OpportunityDetail; from: PipelineStage | undefined; to: PipelineStage; direction: 'forward' | 'back'; onClose: () => void; onReload: () => void;
}) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const move = useMoveOpportunity();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const conflict = isApiError(formError) && formError.code === 'CONFLICT';
  return (
    <Modal open title={t(direction === 'forward' ? 'move.forwardTitle' : 'move.backTitle', { stage: to.name })} onCancel={onClose}
      okText={t(direction === 'forward' ? 'move.forward' : 'move.back')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'move-form', loading: move.isPending, ...{ 'data-testid': 'confirm-move' } }}>
      <Typography.Paragraph type="secondary">{t('move.from', { from: opportunity.stageName, to: to.name, probability: to.probability })}</Typography.Paragraph>
      {direction === 'forward' && from?.exitCriteria ? <Typography.Paragraph type="secondary">{t('move.exitCriteria', { stage: from.name, text: from.exitCriteria })}</Typography.Paragraph> : null}
      <ErrorAlert error={formError} />
      {conflict ? <Button size="small" onClick={() => { onReload(); onClose(); }} style={{ marginBottom: 12 }}>{t('form.reload')}</Button> : null}
      <Form id="move-form" form={form} layout="vertical"
        onFinish={(v) => {
          clearFormError();
          move.mutate({ id: opportunity.id, version: opportunity.version, toStageId: to.id, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }, {
            onSuccess: () => { void message.success(t('move.done', { name: opportunity.name, stage: to.name })); onClose(); },
            onError: handleError,
          });
        }}>
        <Form.Item name="note" label={t('move.note')}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
