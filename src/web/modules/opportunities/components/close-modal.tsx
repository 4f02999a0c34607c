import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useCloseOpportunity, useLossReasons, type Opportunity } from '../api';

interface Values { outcome: 'won' | 'lost'; reason?: string; summary: string }

/** 赢单 / 丢单: lost needs a reason from the configured list; both need a stage summary (阶段总结). */
export function CloseModal({ opportunity, outcome, onClose }: { opportunity: Pick<Opportunity, 'id' | 'name' | 'version'>; outcome: 'won' | 'lost'; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const close = useCloseOpportunity(opportunity.id);
  const reasons = useLossReasons();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const chosen = Form.useWatch('outcome', form) ?? outcome;
  return (
    <Modal open title={t('close.title', { name: opportunity.name })} onCancel={onClose} cancelText={tp('actions.cancel')}
      okText={chosen === 'won' ? t('close.won') : t('close.lost')}
      okButtonProps={{ htmlType: 'submit', form: 'close-form', danger: chosen === 'lost', loading: close.isPending, ...{ 'data-testid': 'confirm-close' } }}>
      <ErrorAlert error={formError} />
      <Form<Values> id="close-form" form={form} layout="vertical" initialValues={{ outcome }}
        onFinish={(v) => {
          clearFormError();
          close.mutate({ version: opportunity.version, outcome: v.outcome, summary: v.summary.trim(), ...(v.outcome === 'lost' && v.reason ? { reason: v.reason } : {}) }, {
            onSuccess: () => { void message.success(v.outcome === 'won' ? t('close.wonDone') : t('close.lostDone')); onClose(); },
            onError: handleError,
          });
        }}>
        <Form.Item name="outcome" label={t('close.outcome')}>
          <Radio.Group optionType="button" buttonStyle="solid"
            options={[{ value: 'won', label: t('status.won') }, { value: 'lost', label: t('status.lost') }]} />
        </Form.Item>
        {chosen === 'lost' ? (
          <Form.Item name="reason" label={t('close.reason')} rules={[{ required: true, message: t('close.reasonRequired') }]}>
            <Select loading={reasons.isPending} options={(reasons.data?.items ?? []).map((r) => ({ value: r.code, label: r.label }))}
              placeholder={t('close.reasonPick')} data-testid="loss-reason" />
          </Form.Item>
        ) : null}
        <Form.Item name="summary" label={t('close.summary')} extra={t('close.summaryHint')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="close-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
