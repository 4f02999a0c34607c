import { Alert, App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { usePolicies } from '../../settings/api';
import { useProposeCreditChange, type Credit, type CreditGrade } from '../api';
import { formatMoney } from './credit-format';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const grades: CreditGrade[] = ['A', 'B', 'C', 'D'];
interface Values { limit: string; grade: CreditGrade; termsDays?: number | null; reason: string }

/** Asks for a new limit, grade and terms; the values apply only once the approval completes. */
export function ProposeCreditModal({ credit, onClose, prefill }: { credit: Credit; onClose: () => void; prefill?: Partial<Values> }) {
  const { t } = useTranslation('credit');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const propose = useProposeCreditChange(credit.customerId);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const policies = usePolicies();
  const policy = (key: string) => policies.data?.items.find((i) => i.key === key)?.value;
  const grade = Form.useWatch('grade', form);
  const defaultTerms = grade && grade !== 'D' ? policy(`credit.termsDays.${grade}`) : 0;

  const submit = (v: Values) => {
    clearFormError();
    propose.mutate({
      version: credit.version, limit: v.limit.trim(), grade: v.grade, reason: v.reason,
      ...(v.grade !== 'D' && v.termsDays !== null && v.termsDays !== undefined ? { termsDays: v.termsDays } : {}),
    }, {
      onSuccess: () => { void message.success(t('propose.submitted')); onClose(); },
      onError: handleError,
    });
  };
  return (
    <Modal open title={t('propose.title', { name: credit.customerName })} onCancel={onClose} okText={tp('actions.submit')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'credit-change-form', loading: propose.isPending }}>
      <Alert type="info" showIcon title={t('propose.hint', { gm: formatMoney(String(policy('credit.gmApprovalLimit') ?? '500000'), { cents: false }) })} style={{ marginBottom: 16 }} />
      <ErrorAlert error={formError} />
      <Form id="credit-change-form" form={form} layout="vertical" onFinish={submit}
        initialValues={{ limit: credit.hasProfile ? credit.limit : '', grade: credit.grade ?? 'C', termsDays: null, reason: '', ...prefill }}>
        <Form.Item name="grade" label={t('propose.grade')} rules={[{ required: true, message: t('field.required') }]}
          extra={grade === 'C' ? t('propose.capC', { cap: formatMoney(String(policy('credit.gradeCMaxLimit') ?? '')) }) : undefined}>
          <Select options={grades.map((g) => ({ value: g, label: t(`grade.${g}`) }))} data-testid="credit-grade-select" />
        </Form.Item>
        <Form.Item name="limit" label={t('propose.limit')}
          rules={[{ required: true, message: t('field.required') }, { pattern: MONEY, message: t('field.moneyFormat') }]}>
          <Input prefix="¥" inputMode="decimal" maxLength={19} autoFocus data-testid="credit-limit-input" />
        </Form.Item>
        <Form.Item name="termsDays" label={t('propose.termsDays')}
          extra={grade === 'D' ? t('propose.termsD') : t('propose.termsDefault', { days: String(defaultTerms ?? '') })}>
          <InputNumber min={0} max={365} precision={0} disabled={grade === 'D'} style={{ width: 160 }} placeholder={String(defaultTerms ?? '')} />
        </Form.Item>
        <Form.Item name="reason" label={t('propose.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder={t('propose.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
