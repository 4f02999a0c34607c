import { App, Button, DatePicker, Empty, Flex, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downgradeTriggerKinds, ratingDimensions, type CreateRatingBody, type RatingDimension } from '../../../../shared/contracts/credit-ratings.contract';
import { money } from '../../../../shared/money';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { AttachedFiles, AttachmentPicker } from '../../attachments/components/attachment-picker';
import { usePolicies } from '../../settings/api';
import { useRateCustomer, useRatings, useRecordTrigger, useTriggers, type CreditGrade, type CreditInvestigation } from '../api';
import { GradeTag, useTermsText } from './credit-format';

/** The default indicators of each dimension (same codes as the server's DEFAULT_INDICATORS). */
const INDICATORS = {
  basic: ['yearsInBusiness', 'ownership', 'management', 'externalRating'],
  capital: ['registeredCapital', 'netAssets', 'assetScale'],
  creditRecord: ['paymentHistory', 'overdueRecord', 'bankCredit'],
  solvency: ['currentRatio', 'debtRatio', 'cashFlow'],
  profitability: ['revenueGrowth', 'netMargin', 'returnOnAssets'],
} as const satisfies Record<RatingDimension, readonly string[]>;

type Scores = Record<string, number | null | undefined>;
type IndicatorKey = (typeof INDICATORS)[RatingDimension][number];

/** Live total and grade as the form is filled: the server's rule (weighted means, rounded once), in decimals. */
function liveTotal(scores: Scores, weights: Record<RatingDimension, string>, thresholds: { A: number; B: number; C: number }) {
  let total = money.parse('0');
  let sumW = money.parse('0');
  for (const d of ratingDimensions) {
    const values = (INDICATORS[d] as readonly string[]).map((k) => scores[`${d}.${k}`]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0) return null;
    const mean = values.reduce((s, v) => s.plus(String(v)), money.parse('0')).div(values.length);
    total = total.plus(mean.times(weights[d]));
    sumW = sumW.plus(weights[d]);
  }
  const t = money.format(total.div(sumW));
  const grade: CreditGrade = money.compare(t, thresholds.A) >= 0 ? 'A' : money.compare(t, thresholds.B) >= 0 ? 'B' : money.compare(t, thresholds.C) >= 0 ? 'C' : 'D';
  return { total: t, grade };
}

function RatingModal({ customerId, investigations, onClose }: { customerId: string; investigations: CreditInvestigation[]; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const rate = useRateCustomer();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const policies = usePolicies();
  const policy = (key: string, fallback: number | string) => policies.data?.items.find((i) => i.key === key)?.value ?? fallback;
  const weights = Object.fromEntries(ratingDimensions.map((d) => [d, String(policy(`credit.weight.${d}`, '20'))])) as Record<RatingDimension, string>;
  const thresholds = { A: Number(policy('credit.gradeA', 85)), B: Number(policy('credit.gradeB', 70)), C: Number(policy('credit.gradeC', 55)) };
  const scores = (Form.useWatch('scores', form) ?? {}) as Scores;
  const live = liveTotal(scores, weights, thresholds);
  const reviewed = investigations.filter((i) => i.status === 'reviewed');

  const submit = (v: { scores: Scores; reason: string; investigationId?: string }) => {
    clearFormError();
    const dimensions = Object.fromEntries(ratingDimensions.map((d) => [d, INDICATORS[d].map((k: IndicatorKey) => ({ key: k, label: t(`indicator.${k}`), score: String(v.scores[`${d}.${k}`]) }))])) as CreateRatingBody['dimensions'];
    rate.mutate({ customerId, investigationId: v.investigationId, reason: v.reason, dimensions }, {
      onSuccess: (r) => { void message.success(t('rating.saved', { grade: t(`grade.${r.grade}`), total: r.total })); onClose(); },
      onError: handleError,
    });
  };
  return (
    <Modal open width={760} title={t('rating.title')} onCancel={onClose} okText={tp('actions.submit')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'credit-rating-form', loading: rate.isPending }}>
      <ErrorAlert error={formError} />
      <Form id="credit-rating-form" form={form} layout="vertical" onFinish={submit} initialValues={{ investigationId: reviewed[0]?.id }}>
        <Form.Item name="investigationId" label={t('rating.investigation')}>
          <Select allowClear options={reviewed.map((i) => ({ value: i.id, label: `${i.reviewedAt?.slice(0, 10) ?? ''} · ${i.evaluation ?? ''}` }))} />
        </Form.Item>
        {ratingDimensions.map((d) => (
          <div key={d} style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t(`dimension.${d}`)}</Typography.Text>
            <Typography.Text type="secondary"> · {t('rating.weight', { w: weights[d] })}</Typography.Text>
            <Flex gap={8} wrap>
              {INDICATORS[d].map((k: IndicatorKey) => (
                <Form.Item key={k} name={['scores', `${d}.${k}`]} label={t(`indicator.${k}`)} rules={[{ required: true, message: t('field.required') }]} style={{ marginBottom: 4 }}>
                  <InputNumber min={0} max={100} precision={2} style={{ width: 120 }} data-testid={`score-${d}-${k}`} />
                </Form.Item>
              ))}
            </Flex>
          </div>
        ))}
        <Flex align="center" gap={12} style={{ margin: '12px 0' }} data-testid="rating-live">
          <Typography.Text>{t('rating.total')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }}>{live?.total ?? '—'}</Typography.Title>
          {live ? <GradeTag grade={live.grade} /> : null}
        </Flex>
        <Form.Item name="reason" label={t('rating.reason')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TriggerModal({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const record = useRecordTrigger(customerId);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = (v: { kind: (typeof downgradeTriggerKinds)[number]; occurredOn: dayjs.Dayjs; evidence: string; attachmentIds?: string[] }) => {
    clearFormError();
    record.mutate({ kind: v.kind, occurredOn: v.occurredOn.format('YYYY-MM-DD'), evidence: v.evidence, attachmentIds: v.attachmentIds ?? [] }, {
      onSuccess: () => { void message.success(t('trigger.saved')); onClose(); }, onError: handleError,
    });
  };
  return (
    <Modal open title={t('trigger.title')} onCancel={onClose} okText={tp('actions.submit')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'credit-trigger-form', loading: record.isPending }}>
      <ErrorAlert error={formError} />
      <Form id="credit-trigger-form" form={form} layout="vertical" onFinish={submit} initialValues={{ occurredOn: dayjs() }}>
        <Form.Item name="kind" label={t('trigger.kind')} rules={[{ required: true, message: t('field.required') }]}>
          <Select options={downgradeTriggerKinds.map((k) => ({ value: k, label: t(`triggerKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('trigger.occurredOn')} rules={[{ required: true, message: t('field.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="evidence" label={t('trigger.evidence')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 6 }} />
        </Form.Item>
        <Form.Item name="attachmentIds" label={t('trigger.attachments')} extra={t('trigger.attachmentsHint')}>
          <AttachmentPicker customerId={customerId} max={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Grade history (信用评级记录) with the rating form for finance and the downgrade triggers. */
export function CreditRatingSection({ customerId, investigations }: { customerId: string; investigations: CreditInvestigation[] }) {
  const { t } = useTranslation('credit');
  const { can } = useAccess();
  const terms = useTermsText();
  const ratings = useRatings(customerId);
  const triggers = useTriggers(customerId);
  const [modal, setModal] = useState<'rate' | 'trigger' | null>(null);
  const open = triggers.data?.items.filter((x) => x.status === 'open') ?? [];
  return (
    <div data-testid="credit-ratings">
      <Flex justify="space-between" align="center">
        <Typography.Title level={5}>{t('rating.history')}</Typography.Title>
        <Space>
          {can('credit-trigger:record') ? <Button onClick={() => setModal('trigger')}>{t('trigger.button')}</Button> : null}
          {can('credit-rating:rate') ? <Button type="primary" onClick={() => setModal('rate')} data-testid="credit-rate">{t('rating.button')}</Button> : null}
        </Space>
      </Flex>
      {open.length > 0 ? (
        <Flex vertical gap={4} style={{ marginBottom: 8 }}>
          {open.map((x) => <Typography.Text key={x.id} type="danger">⚠ {t('trigger.open', { kind: t(`triggerKind.${x.kind}`), on: x.occurredOn, by: x.recordedBy.name })}：{x.evidence}</Typography.Text>)}
        </Flex>
      ) : null}
      {ratings.isError ? <ErrorAlert error={ratings.error} /> : null}
      {ratings.isPending ? <Spin /> : (ratings.data?.items.length ?? 0) === 0 ? <Empty description={t('rating.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Timeline items={ratings.data!.items.map((r) => ({
          key: r.id,
          color: r.previousGrade && r.previousGrade < r.grade ? 'red' : 'blue',
          content: (
            <>
              <Typography.Text strong>{r.ratedOn}</Typography.Text>{' '}
              <GradeTag grade={r.grade} /> <Typography.Text>{t('rating.line', { total: r.total, terms: terms(r.suggestedTermsDays) })}</Typography.Text>
              {r.previousGrade ? <Tag>{t('rating.from', { grade: t(`grade.${r.previousGrade}`) })}</Tag> : null}
              <br />
              <Typography.Text type="secondary">{r.dimensions.map((d) => `${t(`dimension.${d.dimension}`)} ${d.score}`).join(' · ')}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.ratedBy.name}：{r.reason}</Typography.Text>
            </>
          ),
        }))} />
      )}
      {(triggers.data?.items.length ?? 0) > 0 ? (
        <Table size="small" rowKey="id" pagination={false} style={{ marginTop: 8 }} dataSource={triggers.data!.items}
          columns={[
            { title: t('trigger.occurredOn'), dataIndex: 'occurredOn', width: 110 },
            { title: t('trigger.kind'), dataIndex: 'kind', render: (k: (typeof downgradeTriggerKinds)[number]) => t(`triggerKind.${k}`) },
            { title: t('trigger.evidence'), dataIndex: 'evidence' },
            { title: t('trigger.attachments'), key: 'attachments', width: 220, render: (_: unknown, x: { attachmentIds: string[] }) => <AttachedFiles customerId={customerId} ids={x.attachmentIds} /> },
            { title: t('trigger.status'), dataIndex: 'status', width: 100, render: (s: 'open' | 'rated') => <Tag color={s === 'open' ? 'error' : 'default'}>{t(`triggerStatus.${s}`)}</Tag> },
          ]} />
      ) : null}
      {modal === 'rate' ? <RatingModal customerId={customerId} investigations={investigations} onClose={() => setModal(null)} /> : null}
      {modal === 'trigger' ? <TriggerModal customerId={customerId} onClose={() => setModal(null)} /> : null}
    </div>
  );
}
