import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Spin, Statistic, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { LoadMore } from '../../../platform/list/load-more';
import { useCredit, useCreditHistory, type CreditChangeRequest, type CreditGrade, type CreditHistoryItem } from '../api';
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

/** 信用 tab of the customer page: the credit position, the change in approval, the request form and the history. */
export function CustomerCreditTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation('credit');
  const terms = useTermsText();
  const credit = useCredit(customerId);
  const [proposing, setProposing] = useState(false);
  if (credit.isPending) return <Flex justify="center" style={{ padding: 24 }}><Spin /></Flex>;
  if (credit.isError) return <ErrorResult error={credit.error} onRetry={() => void credit.refetch()} />;
  const c = credit.data;
  const pending = c.pendingRequest;
  const isNegative = c.available.startsWith('-');
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
            <Statistic title={t('field.available')} value={formatMoney(c.available)} styles={{ content: { color: isNegative ? '#cf1322' : '#389e0d' } }} />
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
      {c.canPropose ? (
        <div><Button type="primary" onClick={() => setProposing(true)} data-testid="credit-propose">{t('propose.button')}</Button></div>
      ) : null}
      <div>
        <Typography.Title level={5}>{t('history.title')}</Typography.Title>
        <CreditHistory customerId={customerId} />
      </div>
      {proposing ? <ProposeCreditModal credit={c} onClose={() => setProposing(false)} /> : null}
    </Flex>
  );
}
