import { App, DatePicker, Form, Input, Modal, Rate, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { needSteps, type NeedStep } from '../../../../shared/contracts/mot.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useAdvanceNeed, type Need } from '../api';

interface Values { promise?: string; promiseDueDate?: Dayjs | null; fulfilment?: string; satisfactionScore?: number; comment?: string }

export const nextStepOf = (step: NeedStep): NeedStep | null => needSteps[needSteps.indexOf(step) + 1] ?? null;

/** Asks for the data the next step needs — the promise, its fulfilment, or the customer's score and comment — and advances the need. */
export function AdvanceNeedModal({ need, onClose }: { need: Need; onClose: () => void }) {
  const { t } = useTranslation('mot');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const advance = useAdvanceNeed();
  const { formError, handleError } = useFormErrors(form);
  const to = nextStepOf(need.step);
  if (!to) return null;
  const required = { required: true, whitespace: true, message: t('field.required') };
  const submit = (v: Values) => {
    const data = to === 'propose' ? { promise: v.promise, promiseDueDate: v.promiseDueDate?.format('YYYY-MM-DD') }
      : to === 'execute' ? { fulfilment: v.fulfilment } : { satisfactionScore: v.satisfactionScore, comment: v.comment };
    advance.mutate({ id: need.id, version: need.version, to, ...data }, {
      onSuccess: () => { void message.success(t('needs.advanced', { step: t(`step.${to}`) })); onClose(); },
      onError: handleError,
    });
  };
  return (
    <Modal open title={t('needs.advanceTitle', { step: t(`step.${to}`) })} onCancel={onClose} onOk={() => form.submit()}
      confirmLoading={advance.isPending} okText={t('needs.advance')} destroyOnHidden>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>{need.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t(`needs.advanceHint.${to as 'propose' | 'execute' | 'confirm'}`)}</Typography.Paragraph>
      <ErrorAlert error={formError} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} data-testid="advance-form">
        {to === 'propose' ? (
          <>
            <Form.Item name="promise" label={t('field.promise')} rules={[required]}><Input.TextArea rows={3} maxLength={2000} autoFocus /></Form.Item>
            <Form.Item name="promiseDueDate" label={t('field.promiseDueDate')}>
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
            </Form.Item>
          </>
        ) : null}
        {to === 'execute' ? (
          <>
            {need.promise ? <Typography.Paragraph><Typography.Text type="secondary">{t('field.promise')}{t('colon')}</Typography.Text>{need.promise}</Typography.Paragraph> : null}
            <Form.Item name="fulfilment" label={t('field.fulfilment')} rules={[required]}><Input.TextArea rows={3} maxLength={2000} autoFocus /></Form.Item>
          </>
        ) : null}
        {to === 'confirm' ? (
          <>
            <Form.Item name="satisfactionScore" label={t('field.satisfactionScore')} rules={[{ required: true, message: t('field.required') }]}>
              <Rate count={5} allowClear={false} style={{ fontSize: 28 }} data-testid="satisfaction-rate" />
            </Form.Item>
            <Form.Item name="comment" label={t('field.comment')} rules={[required]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
