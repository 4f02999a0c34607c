import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useMarkMarketSurvey, useRequestMakeUp, type ReceptionVisit } from '../api';

/** Market survey confirmation (note) or make-up request (reason) on one visit. */
export function NoteModal({ visit, command, onClose }: { visit: ReceptionVisit; command: 'survey' | 'makeUp'; onClose: () => void }) {
  const { t } = useTranslation('reception');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const survey = useMarkMarketSurvey();
  const makeUp = useRequestMakeUp();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const pending = survey.isPending || makeUp.isPending;
  const done = () => { void message.success(t(`${command}.done`)); onClose(); };
  const submit = ({ text }: { text: string }) => {
    clearFormError();
    if (command === 'survey') survey.mutate({ id: visit.id, note: text }, { onSuccess: done, onError: handleError });
    else makeUp.mutate({ id: visit.id, reason: text }, { onSuccess: done, onError: handleError });
  };
  const field = command === 'survey' ? 'note' : 'reason';
  return (
    <Modal open title={`${t(`${command}.title`)} · ${visit.company}`} onCancel={onClose} okText={tp('actions.confirm')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: `${command}-form`, loading: pending, ...{ 'data-testid': `confirm-${command}` } }}>
      {command === 'makeUp' ? <Alert type="info" showIcon title={t('makeUp.hint')} style={{ marginBottom: 16 }} /> : null}
      <ErrorAlert error={formError} />
      <Form id={`${command}-form`} form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="text" label={command === 'survey' ? t('survey.note') : t('makeUp.reason')}
          rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea autoFocus maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid={`${command}-${field}`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
