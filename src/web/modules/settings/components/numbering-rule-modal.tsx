import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useUpdateNumberingRule, type NumberingReset, type NumberingRule } from '../api';

const resets: NumberingReset[] = ['yearly', 'monthly', 'daily', 'never'];

/** Edits prefix, reset period and sequence digits of one document type's numbering (mounted per rule). */
export function NumberingRuleModal({ rule, typeLabel, onClose }: { rule: NumberingRule; typeLabel: string; onClose: () => void }) {
  const { t } = useTranslation('settings');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Pick<NumberingRule, 'prefix' | 'reset' | 'padding'>>();
  const update = useUpdateNumberingRule();
  const { formError, handleError, clearFormError } = useFormErrors(form);

  const close = () => {
    clearFormError();
    onClose();
  };

  return (
    <Modal open title={t('numbering.editTitle', { type: typeLabel })} onCancel={close} okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'numbering-form', loading: update.isPending }}>
      <ErrorAlert error={formError} />
      <Form id="numbering-form" form={form} layout="vertical" initialValues={{ prefix: rule.prefix, reset: rule.reset, padding: rule.padding }} onFinish={(values) => {
        clearFormError();
        update.mutate({ documentType: rule.documentType, version: rule.version, ...values }, {
          onSuccess: () => {
            void message.success(t('numbering.saved'));
            close();
          },
          onError: handleError,
        });
      }}>
        <Form.Item name="prefix" label={t('numbering.prefix')} extra={t('numbering.prefixHint')} rules={[{ required: true, whitespace: true, message: t('numbering.required') }]}>
          <Input autoFocus maxLength={10} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Form.Item name="reset" label={t('numbering.reset')} rules={[{ required: true, message: t('numbering.required') }]}>
          <Select options={resets.map((r) => ({ value: r, label: t(`reset.${r}`) }))} />
        </Form.Item>
        <Form.Item name="padding" label={t('numbering.padding')} rules={[{ required: true, message: t('numbering.required') }]}>
          <InputNumber min={2} max={10} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
