import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Space, Spin, Statistic, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { LoadMore } from '../../../platform/list/load-more';
import { useAccess } from '../../../platform/access/access';
import { OpenReceivablesCard } from '../../payments';
import { useCredit, useCreditHistory, useInvestigations, useRatings, type CreditChangeRequest, type CreditGrade, type CreditHistoryItem } from '../api';
import { CreditInvestigationSection } from './credit-investigation-section';
import { CreditRatingSection } from './credit-rating-section';
import { LimitCalculatorDrawer } from './limit-calculator-drawer';
import { formatMoney, GradeTag, useTermsText } from './credit-format';
import { ProposeCreditModal } from './propose-credit-modal';

const requestColors = { pending: 'processing', approved: 'success', rejected: 'error', returned: 'warning', void: 'default' } as const;

function CreditHistory({ customerId }: { customerId: string }) {
  const { t } = useTranslation('credit');
  const formatInstant = useFormatInstant();
  const terms = useTermsText();
  const history = useCreditHistory(customerId);
  const gradeText = (g: CreditGrade | null | undefined) => (g ? t(`grade.${g}`) : '—');
  const line = (h: CreditHistoryItem) => (h.from
    ? t('history.change', {
      from: formatMoney(h.from.limit), to: formatMoney(h.to.limit), fromGrade: gradeText(h.from.grade), grade: gradeText(h.to.grade),
      fromTerms: terms(h.from.termsDays), terms: terms(h.to.termsDays),
    })
    : t('history.first', { to: formatMoney(h.to.limit), grade: gradeText(h.to.grade), terms: terms(h.to.termsDays) }));
  const unapplied = history.requests.filter((r) => r.status !== 'pending');
  return (
    <>
      {history.isError ? <ErrorAlert error={history.error} /> : null}
      {history.isPending ? <Spin /> : history.items.length === 0 ? <Empty description={t('history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Timeline data-testid="credit-history" items={history.items.map((h) => ({
          key: h.id,
          color: 'blue',
          content: (
            <>
              <Typography.Text strong>{h.effectiveFrom}</Typography.Text>{' '}
              <Typography.Text>{line(h)}</Typography.Text>
              <br />
              <Typography.Text type="secondary">{h.reason}</Typography.Text>
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('history.by', { requester: h.requestedBy?.name ?? '—', approver: h.approvedBy?.name ?? '—' })}
              </Typography.Text>
            </>
          ),
        }))} />
      )}
      <LoadMore hasMore={history.hasNextPage} loading={history.isFetchingNextPage} onLoad={() => void history.fetchNextPage()} count={history.items.length} />
      {unapplied.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>{t('history.unapplied')}</Typography.Title>
          <Flex vertical gap={8} data-testid="credit-unapplied">
            {unapplied.map((r: CreditChangeRequest) => (
              <div key={r.id}>
                <Tag color={requestColors[r.status]}>{t(`request.status.${r.status}`)}</Tag>
                <Typography.Text>{formatMoney(r.to.limit)} · {gradeText(r.to.grade)} · {terms(r.to.termsDays)}</Typography.Text>{' '}
                <Typography.Text type="secondary">{r.requestedBy.name} · {formatInstant(r.createdAt)}{r.decisionComment ? ` · ${r.decisionComment}` : ''}</Typography.Text>
              </div>
            ))}
          </Flex>
        </>
      ) : null}
    </>
  );
}

/** Investigations and the grade history (what customer service sees without the credit position). */
function RatingAndInvestigations({ customerId }: { customerId: string }) {
  const { can } = useAccess();
  const canRead = can('credit-investigation:read');
  const investigations = useInvestigations(customerId, canRead);
  const items = investigations.data?.items ?? [];
  return (
    <>
      {can('credit-rating:read') ? <CreditRatingSection customerId={customerId} investigations={items} /> : null}
      {canRead ? <CreditInvestigationSection customerId={customerId} investigations={items} loading={investigations.isPending} /> : null}
    </>
  );
}

/** 信用 tab of the customer page: the credit position, the change in approval, the request form and the history; the grade history, investigations and limit calculators. */
export function CustomerCreditTab({ customerId }: { customerId: string }) {
  const { can } = useAccess();
  if (!can('credit:read')) return <Flex vertical gap={16} data-testid="customer-credit"><RatingAndInvestigations customerId={customerId} /></Flex>;
  return <CreditPosition customerId={customerId} />;
}

function CreditPosition({ customerId }: { customerId: string }) {
  const { t } = useTranslation('credit');
  const { can } = useAccess();
  const terms = useTermsText();
  const credit = useCredit(customerId);
  const ratings = useRatings(customerId, can('credit-rating:read'));
  const [proposing, setProposing] = useState<{ limit?: string; reason?: string } | null>(null);
  const [calculating, setCalculating] = useState(false);
  if (credit.isPending) return <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>;
  if (credit.isError) return <ErrorResult error={credit.error} onRetry={() => void credit.refetch()} />;
  const c = credit.data;
  const pending = c.pendingRequest;
  const isNegative = c.available.startsWith('-');
  const latest = ratings.data?.items[0];
  return (
    <Flex vertical gap={16} data-testid="customer-credit">
      {!c.hasProfile ? <Alert type="warning" showIcon title={t('noProfile.title')} description={t('noProfile.body')} /> : null}
      {pending ? (
        <Alert type="info" showIcon data-testid="credit-pending" title={t('pending.title')}
          description={t('pending.body', {
            by: pending.requestedBy.name, from: formatMoney(pending.from?.limit ?? '0'), to: formatMoney(pending.to.limit),
            grade: t(`grade.${pending.to.grade}`), terms: terms(pending.to.termsDays),
          })}
          action={pending.approvalId ? <Link to={`/inbox/${pending.approvalId}`}><Button size="small">{t('pending.open')}</Button></Link> : null} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('field.limit')} value={formatMoney(c.limit)} /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={<span title={t('field.exposureHelp')}>{t('field.exposure')}</span>} value={formatMoney(c.exposure)} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="exposure-breakdown">
              {t('field.signedUnshipped')} {formatMoney(c.exposureBreakdown.signedUnshipped)} · {t('field.shippedUnbilled')} {formatMoney(c.exposureBreakdown.shippedUnbilled)} · {t('field.openReceivables')} {formatMoney(c.exposureBreakdown.openReceivables)}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('field.available')} value={formatMoney(c.available)} data-testid="credit-available" styles={{ content: { color: isNegative ? '#cf1322' : '#389e0d' } }} />
            {c.isOverLimit ? <Tag color="error">{t('overLimit')}</Tag> : null}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('field.termsDays')} value={terms(c.termsDays)} />
          </Card>
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={t('field.grade')}><GradeTag grade={c.grade} /></Descriptions.Item>
        <Descriptions.Item label={t('field.effectiveFrom')}>{c.effectiveFrom ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('field.reason')}>{c.reason ?? '—'}</Descriptions.Item>
      </Descriptions>
      <Space>
        {c.canPropose ? <Button type="primary" onClick={() => setProposing({})} data-testid="credit-propose">{t('propose.button')}</Button> : null}
        {can('credit-limit:calculate') ? <Button onClick={() => setCalculating(true)} data-testid="credit-calculate">{t('calc.button')}</Button> : null}
      </Space>
      {can('receivable:read') ? <OpenReceivablesCard customerId={customerId} /> : null}
      <RatingAndInvestigations customerId={customerId} />
      <div>
        <Typography.Title level={5}>{t('history.title')}</Typography.Title>
        <CreditHistory customerId={customerId} />
      </div>
      {proposing ? <ProposeCreditModal credit={c} onClose={() => setProposing(null)} prefill={{ ...proposing, ...(latest ? { grade: latest.grade, termsDays: latest.suggestedTermsDays } : {}) }} /> : null}
      {calculating ? (
        <LimitCalculatorDrawer onClose={() => setCalculating(false)}
          onPropose={c.canPropose ? (limit, working) => { setCalculating(false); setProposing({ limit, reason: working.join('\n') }); } : undefined} />
      ) : null}
    </Flex>
  );
}
