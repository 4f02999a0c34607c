import { App, Alert, Button, Col, Descriptions, Flex, Form, Input, Modal, Row, Select, Spin, Statistic, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { money } from '../../../../shared/money';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { UserSelect } from '../../customers/components/user-select';
import { useUserPicker } from '../../org/api';
import { useBid, useNoBid, useSaveBid, useSubmitBid, type Bid, type OpportunityDetail } from '../api';
import { DocStatusBadge } from './doc-status';
import { grossMarginPct } from './money-format';

const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

interface Values {
  bidPrice: string;
  cost: string;
  team: { ownerId?: string; partner?: string; memberIds?: string[]; schedule?: string };
  competitorAnalysis?: string;
}

function NoBidModal({ opportunity, onClose }: { opportunity: OpportunityDetail; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ report: string }>();
  const noBid = useNoBid(opportunity.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  return (
    <Modal open title={t('bid.noBidTitle')} onCancel={onClose} cancelText={tp('actions.cancel')} okText={t('bid.noBidConfirm')}
      okButtonProps={{ htmlType: 'submit', form: 'no-bid-form', danger: true, loading: noBid.isPending }}>
      <Typography.Paragraph type="secondary">{t('bid.noBidIntro')}</Typography.Paragraph>
      <ErrorAlert error={formError} />
      <Form id="no-bid-form" form={form} layout="vertical"
        onFinish={(v) => {
          clearFormError();
          noBid.mutate({ version: opportunity.version, report: v.report.trim() }, { onSuccess: () => { void message.success(t('bid.noBidDone')); onClose(); }, onError: handleError });
        }}>
        <Form.Item name="report" label={t('bid.noBidReport')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
          <Input.TextArea autoFocus autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const teamOf = (bid: Bid | null): Values['team'] => {
  const team = (bid?.team ?? {}) as Values['team'];
  return { ownerId: team.ownerId, partner: team.partner, memberIds: team.memberIds ?? [], schedule: team.schedule };
};

/**
 * 投标: price and cost with the gross margin worked out as typed, the policy margin it is checked
 * against, the bid team and competitor analysis; the price goes for approval, and a bid below the
 * policy margin can only end with a no-bid report.
 */
export function BidTab({ opportunity }: { opportunity: OpportunityDetail }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const formatInstant = useFormatInstant();
  const users = useUserPicker();
  const bid = useBid(opportunity.id);
  const save = useSaveBid(opportunity.id);
  const submit = useSubmitBid(opportunity.id);
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const [noBid, setNoBid] = useState(false);
  const price = Form.useWatch('bidPrice', form);
  const cost = Form.useWatch('cost', form);

  if (bid.isPending) return <Flex justify="center" style={{ padding: 32 }}><Spin /></Flex>;
  if (bid.isError) return <ErrorResult error={bid.error} onRetry={() => void bid.refetch()} />;
  const b = bid.data;
  const editable = b ? b.canEdit : opportunity.canEdit && opportunity.status === 'open';
  const margin = grossMarginPct(price?.trim(), cost?.trim()) ?? b?.grossMarginPct ?? null;
  const policy = b?.policyMinMarginPct ?? null;
  const below = margin !== null && policy !== null && money.compare(margin, policy) < 0;
  const half = { xs: 24, md: 12 };
  const required = { required: true, whitespace: true, message: t('form.required') };
  const memberOptions = (users.data?.items ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name }));

  return (
    <div data-testid="bid">
      <Descriptions size="small" column={{ xs: 1, sm: 3 }} style={{ marginBottom: 12 }} items={[
        { key: 'status', label: t('doc.statusLabel'), children: <DocStatusBadge status={b?.status ?? null} /> },
        { key: 'policy', label: t('bid.policyMargin'), children: policy ? `${policy}%` : t('bid.policyOnSave') },
        { key: 'updated', label: t('doc.updatedAt'), children: b ? formatInstant(b.updatedAt) : '—' },
      ]} />
      {b?.approvalId ? (
        <Alert type={b.status === 'approved' ? 'success' : b.status === 'pending' ? 'info' : 'warning'} showIcon style={{ marginBottom: 12 }}
          title={t(`doc.hint.${b.status}`)} action={<Link to={`/inbox/${b.approvalId}`}><Button size="small">{t('doc.viewApproval')}</Button></Link>} />
      ) : null}
      {b?.noBidReport ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('bid.noBidReport')} description={<span style={{ whiteSpace: 'pre-wrap' }}>{b.noBidReport}</span>} /> : null}
      {below ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} data-testid="below-policy"
          title={t('bid.belowPolicy', { margin, policy })} description={t('bid.belowPolicyHint')}
          action={b?.canCloseWithNoBid ? <Button size="small" danger onClick={() => setNoBid(true)} data-testid="no-bid">{t('bid.noBid')}</Button> : undefined} />
      ) : null}
      <ErrorAlert error={formError} />
      <Form<Values> key={b?.version ?? 0} form={form} layout="vertical" disabled={!editable}
        initialValues={b ? { bidPrice: b.bidPrice, cost: b.cost, team: teamOf(b), competitorAnalysis: b.competitorAnalysis ?? '' } : { bidPrice: opportunity.amount, cost: '', team: { memberIds: [] } }}
        onValuesChange={() => formError && clearFormError()}
        onFinish={(v) => {
          clearFormError();
          const team = {
            ...(v.team.ownerId ? { ownerId: v.team.ownerId } : {}), ...(v.team.partner?.trim() ? { partner: v.team.partner.trim() } : {}),
            memberIds: v.team.memberIds ?? [], ...(v.team.schedule?.trim() ? { schedule: v.team.schedule.trim() } : {}),
          };
          save.mutate({ bidPrice: v.bidPrice.trim(), cost: v.cost.trim(), team, competitorAnalysis: v.competitorAnalysis?.trim() || null, ...(b ? { version: b.version } : {}) },
            { onSuccess: () => void message.success(tp('common.saved')), onError: handleError });
        }}>
        <Row gutter={16} align="bottom">
          <Col xs={24} md={8}>
            <Form.Item name="bidPrice" label={t('bid.price')} rules={[required, { pattern: MONEY_PATTERN, message: t('form.moneyFormat') }]}>
              <Input prefix="¥" inputMode="decimal" maxLength={19} data-testid="bid-price" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="cost" label={t('bid.cost')} rules={[required, { pattern: MONEY_PATTERN, message: t('form.moneyFormat') }]}>
              <Input prefix="¥" inputMode="decimal" maxLength={19} data-testid="bid-cost" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Statistic title={t('bid.margin')} value={margin === null ? '—' : `${margin}%`} data-testid="bid-margin"
              styles={{ content: { color: below ? '#d4380d' : undefined, fontSize: 22 } }} style={{ marginBottom: 24 }} />
          </Col>
          <Col {...half}><Form.Item name={['team', 'ownerId']} label={t('bid.teamOwner')}><UserSelect allowClear /></Form.Item></Col>
          <Col {...half}><Form.Item name={['team', 'partner']} label={t('bid.partner')}><Input maxLength={200} /></Form.Item></Col>
          <Col {...half}>
            <Form.Item name={['team', 'memberIds']} label={t('bid.members')}>
              <Select mode="multiple" options={memberOptions} showSearch={{ optionFilterProp: 'label' }} maxCount={30} />
            </Form.Item>
          </Col>
          <Col {...half}><Form.Item name={['team', 'schedule']} label={t('bid.schedule')}><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} /></Form.Item></Col>
        </Row>
        <Form.Item name="competitorAnalysis" label={t('bid.competitorAnalysis')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        {editable ? (
          <Flex gap={8} justify="end" wrap>
            <Button htmlType="submit" loading={save.isPending} data-testid="save-bid">{t('doc.saveDraft')}</Button>
            <Button type="primary" disabled={!b || b.isBelowPolicyMargin} loading={submit.isPending} data-testid="submit-bid"
              onClick={() => b && submit.mutate({ version: b.version }, { onSuccess: () => void message.success(t('doc.submitted')), onError: handleError })}>
              {t('bid.submit')}
            </Button>
          </Flex>
        ) : null}
      </Form>
      {noBid ? <NoBidModal opportunity={opportunity} onClose={() => setNoBid(false)} /> : null}
    </div>
  );
}
