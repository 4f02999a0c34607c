import { App, Button, Col, DatePicker, Descriptions, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { signalLevels } from '../../../../shared/contracts/opportunities.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { UserSelect } from '../../customers/components/user-select';
import { useUpdateOpportunity, type OpportunityDetail, type PipelineStage, type UpdateOpportunityInput } from '../api';
import { isInBand } from './funnel-band';
import { ProbabilityHelp } from './probability-help';

const signalKeys = ['urgency', 'relevance', 'sourceLevel', 'decisionLevel'] as const;
const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

interface Values {
  name: string;
  amount: string;
  probability: string;
  expectedCloseDate: Dayjs | null;
  competitors: string[];
  needDescription: string;
  signals: Partial<Record<(typeof signalKeys)[number], (typeof signalLevels)[number]>>;
  ownerId?: string;
}

const fromOpportunity = (o: OpportunityDetail): Values => ({
  name: o.name, amount: o.amount, probability: o.probability, expectedCloseDate: o.expectedCloseDate ? dayjs(o.expectedCloseDate) : null,
  competitors: o.competitors, needDescription: o.needDescription ?? '', signals: o.signals, ownerId: o.ownerId,
});

/** Sends only what changed (and the version read), so two people editing different fields rarely collide. */
function changes(before: Values, after: Values): Omit<UpdateOpportunityInput, 'version'> {
  const out: Record<string, unknown> = {};
  if (after.name.trim() !== before.name) out.name = after.name.trim();
  if (after.amount.trim() !== before.amount) out.amount = after.amount.trim();
  if (after.probability.trim() !== before.probability) out.probability = after.probability.trim();
  const date = after.expectedCloseDate ? after.expectedCloseDate.format('YYYY-MM-DD') : null;
  if (date !== (before.expectedCloseDate ? before.expectedCloseDate.format('YYYY-MM-DD') : null)) out.expectedCloseDate = date;
  if (JSON.stringify(after.competitors ?? []) !== JSON.stringify(before.competitors)) out.competitors = (after.competitors ?? []).map((c) => c.trim()).filter(Boolean);
  if ((after.needDescription ?? '').trim() !== before.needDescription) out.needDescription = after.needDescription?.trim() || null;
  const signals = Object.fromEntries(Object.entries(after.signals ?? {}).filter(([, v]) => v));
  if (JSON.stringify(signals) !== JSON.stringify(before.signals)) out.signals = signals;
  if (after.ownerId && after.ownerId !== before.ownerId) out.ownerId = after.ownerId;
  return out as Omit<UpdateOpportunityInput, 'version'>;
}

/** 概况: the deal's fields, editable by whoever may edit it (the version read goes with the save). */
export function OverviewTab({ opportunity, stage, onReload }: { opportunity: OpportunityDetail; stage: PipelineStage | undefined; onReload: () => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const { can } = useAccess();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOpportunity(opportunity.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const initial = useMemo(() => fromOpportunity(opportunity), [opportunity]);
  const editable = opportunity.canEdit && opportunity.status === 'open';
  const half = { xs: 24, md: 12 };

  return (
    <div data-testid="opportunity-overview">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} style={{ marginBottom: 16 }}
        items={[
          { key: 'number', label: t('field.number'), children: opportunity.number },
          { key: 'source', label: t('field.source'), children: opportunity.source ? t(`source.${opportunity.source}`) : '—' },
          { key: 'createdAt', label: t('field.daysInStage'), children: opportunity.status === 'open' ? t('card.daysInStage', { count: opportunity.daysInStage }) : '—' },
          ...(opportunity.collaborators.length > 0 ? [{ key: 'collab', label: t('field.collaborators'), children: opportunity.collaborators.map((c) => c.name).join('、') }] : []),
          ...(opportunity.status !== 'open' ? [
            { key: 'closedOn', label: t('field.closedOn'), children: opportunity.closedOn ?? '—' },
            { key: 'closeReason', label: t('field.closeReason'), children: opportunity.closeReason ?? '—' },
            { key: 'closeSummary', label: t('field.closeSummary'), children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{opportunity.closeSummary ?? '—'}</Typography.Text> },
          ] : []),
        ]} />
      <ErrorAlert error={formError} />
      {formError && (formError as { code?: string }).code === 'CONFLICT' ? <Button size="small" onClick={onReload} style={{ marginBottom: 12 }}>{t('form.reload')}</Button> : null}
      <Form<Values> key={opportunity.version} form={form} layout="vertical" initialValues={initial} disabled={!editable}
        onValuesChange={() => formError && clearFormError()}
        onFinish={(v) => {
          clearFormError();
          const body = changes(initial, v);
          if (Object.keys(body).length === 0) { void message.info(t('form.nothingChanged')); return; }
          update.mutate({ version: opportunity.version, ...body }, { onSuccess: () => void message.success(tp('common.saved')), onError: handleError });
        }}>
        <Row gutter={16}>
          <Col {...half}>
            <Form.Item name="name" label={t('field.name')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}><Input maxLength={200} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="amount" label={t('field.amount')} rules={[{ required: true, message: t('form.required') }, { pattern: MONEY_PATTERN, message: t('form.moneyFormat') }]}>
              <Input prefix="¥" inputMode="decimal" maxLength={19} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="probability" label={t('field.probability')} extra={<ProbabilityHelp stage={stage} />}
              rules={[{ required: true, message: t('form.required') }, {
                validator: (_, value: string | undefined) => (!value?.trim() || !stage || isInBand(stage.funnelCategory, value.trim())
                  ? Promise.resolve() : Promise.reject(new Error(t('form.probabilityOutOfBand')))),
              }]}>
              <Input suffix="%" inputMode="decimal" maxLength={6} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="expectedCloseDate" label={t('field.expectedCloseDate')}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="competitors" label={t('field.competitors')} extra={editable ? t('form.tagsHint') : undefined}>
              <Select mode="tags" maxCount={20} open={false} suffixIcon={null} tokenSeparators={[',', '，']} />
            </Form.Item>
          </Col>
          {can('opportunity:assign') ? (
            <Col {...half}>
              <Form.Item name="ownerId" label={t('field.owner')}><UserSelect salesOnly /></Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item name="needDescription" label={t('field.needDescription')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Typography.Text strong>{t('signals.title')}</Typography.Text>
        <Row gutter={16} style={{ marginTop: 8 }}>
          {signalKeys.map((key) => (
            <Col key={key} xs={12} md={6}>
              <Form.Item name={['signals', key]} label={t(`signals.${key}`)}>
                <Select allowClear options={signalLevels.map((l) => ({ value: l, label: t(`signals.level.${l}`) }))} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {editable ? (
          <Flex justify="end"><Button type="primary" htmlType="submit" loading={update.isPending} data-testid="save-overview">{tp('actions.save')}</Button></Flex>
        ) : null}
      </Form>
    </div>
  );
}
