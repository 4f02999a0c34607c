import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Statistic, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { formatMoney } from '../../opportunities/components/money-format';
import { useMyFigures, useSubmitForecast } from '../api';

const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;
interface Values { amount: string; note?: string }

/** The rep's month: the system's weighted pipeline and commit next to their own forecast form. */
export function MyForecastCard({ month, onMonthChange, canSubmit }: { month: string; onMonthChange: (month: string) => void; canSubmit: boolean }) {
  const { t } = useTranslation('forecasts');
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const figures = useMyFigures(month);
  const submit = useSubmitForecast();
  const [form] = Form.useForm<Values>();
  const { formError, handleError } = useFormErrors(form);
  const data = figures.data;
  const submission = data?.submission ?? null;

  const editable = canSubmit && (data?.mayChange ?? false);
  useEffect(() => {
    if (!editable) return; // the form is not mounted
    form.setFieldsValue({ amount: submission?.submittedAmount ?? '', note: submission?.submittedNote ?? '' });
  }, [form, editable, submission?.id, submission?.version, submission?.submittedAmount, submission?.submittedNote]);

  const onFinish = (v: Values) => {
    submit.mutate({ month, amount: v.amount.trim(), ...(v.note?.trim() ? { note: v.note.trim() } : {}), ...(submission ? { version: submission.version } : {}) }, {
      onSuccess: () => { void message.success(t('mine.saved')); },
      onError: handleError,
    });
  };

  return (
    <Card title={t('mine.title')} data-testid="my-forecast" extra={(
      <DatePicker picker="month" allowClear={false} aria-label={t('mine.month')} value={dayjs(`${month}-01`)} style={{ width: 120 }}
        onChange={(d) => { if (d) onMonthChange(d.format('YYYY-MM')); }} />
    )}>
      <ErrorAlert error={figures.error} />
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={8}>
          <Tooltip title={t('mine.weightedHelp')}><div><Statistic title={t('mine.weighted')} value={formatMoney(data?.weighted, { cents: false })} loading={figures.isPending} data-testid="my-weighted" /></div></Tooltip>
        </Col>
        <Col xs={12} md={8}>
          <Tooltip title={t('mine.commitHelp')}><div><Statistic title={t('mine.commit')} value={formatMoney(data?.commit, { cents: false })} loading={figures.isPending} data-testid="my-commit" /></div></Tooltip>
        </Col>
        <Col xs={24} md={8}>
          <Statistic title={t('mine.won')} value={formatMoney(data?.won, { cents: false })} loading={figures.isPending} />
        </Col>
      </Row>
      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
        {submission
          ? <Typography.Text data-testid="my-submitted">{t('mine.submitted', { amount: formatMoney(submission.submittedAmount), at: formatInstant(submission.submittedAt) })}</Typography.Text>
          : <Typography.Text type="secondary">{t('mine.notSubmitted')}</Typography.Text>}
        {submission?.adjustedAmount
          ? <Typography.Text type="warning" data-testid="my-adjusted">{t('mine.adjusted', { amount: formatMoney(submission.adjustedAmount), by: submission.adjustedByName ?? '', note: submission.adjustNote ?? '' })}</Typography.Text>
          : null}
        {data && !data.mayChange ? <Typography.Text type="secondary">{t('mine.ended')}</Typography.Text> : null}
      </Flex>
      {editable ? (
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <ErrorAlert error={formError} />
          <Form.Item name="amount" label={t('mine.amount')} rules={[{ required: true, message: t('field.required') }, { pattern: MONEY_PATTERN, message: t('field.moneyFormat') }]}
            extra={data ? (
              <Flex gap={4} wrap>
                <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => form.setFieldValue('amount', data.weighted)}>{t('mine.useWeighted')}</Button>
                <Button size="small" type="link" onClick={() => form.setFieldValue('amount', data.commit)}>{t('mine.useCommit')}</Button>
              </Flex>
            ) : null}>
            <Input prefix="¥" inputMode="decimal" autoComplete="off" data-testid="my-amount" />
          </Form.Item>
          <Form.Item name="note" label={t('mine.note')}>
            <Input.TextArea rows={2} maxLength={1000} placeholder={t('mine.notePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="my-submit">{submission ? t('mine.resubmit') : t('mine.submit')}</Button>
        </Form>
      ) : null}
    </Card>
  );
}
