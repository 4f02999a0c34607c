import { CopyOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Collapse, Descriptions, Empty, Flex, Grid, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { ApprovalTrail } from '../../approvals';
import { LineItemsTable } from '../../contracts';
import {
  quotePdfUrl, useAcceptQuote, useCopyQuote, useDeclineQuote, useQuote, useSendQuote, useSubmitQuote, type Quote,
} from '../api';
import { useReasonText } from '../components/approval-reasons';
import { QuoteStatusTag } from '../components/quote-status-tag';

const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

function DeclineButton({ quote }: { quote: Quote }) {
  const { t } = useTranslation('quotes');
  const { message } = App.useApp();
  const showError = useErrorToast();
  const decline = useDeclineQuote(quote.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>{t('action.decline')}</Button>
      <Modal open={open} title={t('decline.title')} confirmLoading={decline.isPending} okButtonProps={{ disabled: !reason.trim() }} onCancel={() => setOpen(false)}
        onOk={() => decline.mutate({ version: quote.version, reason: reason.trim() }, { onSuccess: () => { setOpen(false); void message.success(t('declineDone')); }, onError: showError })}>
        <Input.TextArea autoFocus rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} aria-label={t('decline.reason')} placeholder={t('decline.reason')} />
      </Modal>
    </>
  );
}

/** 报价单详情: lines and totals, exception reasons, actions, approval trail and earlier revisions. */
export function QuoteDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('quotes');
  const { message, modal } = App.useApp();
  const showError = useErrorToast();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const fmt = useFormatInstant();
  const reasonText = useReasonText();
  const query = useQuote(id);
  const submit = useSubmitQuote(id ?? '');
  const send = useSendQuote(id ?? '');
  const accept = useAcceptQuote(id ?? '');
  const copy = useCopyQuote(id ?? '');
  const q = query.data;
  if (query.isError) return <PageContainer title={t('list.title')}><ErrorAlert error={query.error} /></PageContainer>;
  if (!q) return <PageContainer title={t('list.title')}><Card loading /></PageContainer>;

  const onAccept = () => modal.confirm({
    title: t('accept.title'), content: t('accept.hint'), okText: t('action.accept'),
    onOk: () => new Promise<void>((resolve) => accept.mutate({ version: q.version }, {
      onSuccess: (r) => { void message.success(t('acceptDone')); resolve(); navigate(`/contracts/${r.contractId}`); },
      onError: (e) => { showError(e); resolve(); },
    })),
  });

  const actions = (
    <Space wrap>
      {q.canEdit ? <Button onClick={() => navigate(`/quotes/${q.id}/edit`)}>{t('action.edit')}</Button> : null}
      {q.canSubmit ? <Button type="primary" loading={submit.isPending} data-testid="quote-submit"
        onClick={() => submit.mutate({ version: q.version }, { onSuccess: () => void message.success(t('submitted')), onError: showError })}>{t('action.submit')}</Button> : null}
      {q.canSend ? <Button type="primary" loading={send.isPending} data-testid="quote-send"
        onClick={() => send.mutate({ version: q.version }, { onSuccess: () => void message.success(t('sentDone')), onError: showError })}>{t('action.send')}</Button> : null}
      {q.canAccept ? <Button type="primary" loading={accept.isPending} onClick={onAccept} data-testid="quote-accept">{t('action.accept')}</Button> : null}
      {q.canAccept ? <DeclineButton quote={q} /> : null}
      <Button icon={<CopyOutlined />} loading={copy.isPending}
        onClick={() => copy.mutate(undefined, { onSuccess: (c) => { void message.success(t('copied')); navigate(`/quotes/${c.id}`); }, onError: showError })}>{t('action.copy')}</Button>
      <Button icon={<FilePdfOutlined />} href={quotePdfUrl(q.id)} target="_blank">{t('action.pdf')}</Button>
    </Space>
  );

  return (
    <PageContainer title={`${q.number} · ${t('revision.label', { n: q.revision })}`} extra={actions}>
      <Flex vertical gap={16}>
        {q.status === 'expired' ? <Alert type="warning" showIcon message={t('detail.expiredHint')} /> : null}
        {q.contractId ? <Alert type="success" showIcon message={<Space>{t('detail.contract')}<Link to={`/contracts/${q.contractId}`}>{t('action.openContract')}</Link></Space>} /> : null}
        {q.approvalReasons.length > 0 ? (
          <Alert type="warning" showIcon data-testid="quote-reasons" message={<Space size={8} wrap>{t('detail.reasons')}<Tag color="orange">{t(`level.${q.approvalLevel}`)}</Tag></Space>}
            description={<ul style={{ margin: 0, paddingInlineStart: 20 }}>{q.approvalReasons.map((r, i) => <li key={i}>{reasonText(r)}</li>)}</ul>} />
        ) : null}
        <Card>
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'status', label: t('field.status'), children: <QuoteStatusTag status={q.status} /> },
            { key: 'total', label: t('field.total'), children: <Typography.Text strong>{formatMoney(q.total)}</Typography.Text> },
            { key: 'discount', label: t('field.discountAmount'), children: `${formatMoney(q.totals.discountAmount)}（${q.totals.discountPct}%）` },
            { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${q.customer.id}`}>{q.customer.name}</Link> },
            { key: 'opportunity', label: t('field.opportunity'), children: q.opportunity ? <Link to={`/opportunities/${q.opportunity.id}`}>{q.opportunity.name}</Link> : '—' },
            { key: 'contact', label: t('field.contact'), children: q.contact?.name ?? '—' },
            { key: 'dates', label: t('field.quoteDate'), children: q.quoteDate },
            { key: 'valid', label: t('field.validUntil'), children: q.validUntil },
            { key: 'owner', label: t('field.owner'), children: q.owner.name },
            { key: 'terms', label: t('section.terms'), span: isPhone ? 1 : 3,
              children: [t('detail.terms', { pct: q.paymentTerms.prepaymentPct, days: q.paymentTerms.balanceDays }), q.paymentTerms.text, q.deliveryTerms].filter(Boolean).join('；') },
            ...(q.declineReason ? [{ key: 'decline', label: t('decline.reason'), span: isPhone ? 1 : 3, children: q.declineReason }] : []),
          ]} />
        </Card>
        <Card title={t('section.lines')} size="small">
          <LineItemsTable lines={q.lines} descriptionLabel={t('field.description')} />
          <Flex justify="end" gap={16} wrap style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('field.listAmount')} {formatMoney(q.totals.listAmount)}</Typography.Text>
            <Typography.Text type="secondary">{t('field.netAmount')} {formatMoney(q.totals.netAmount)}</Typography.Text>
            <Typography.Text type="secondary">{t('field.taxAmount')} {formatMoney(q.totals.taxAmount)}</Typography.Text>
            <Typography.Text strong>{t('field.total')}：{formatMoney(q.total)}</Typography.Text>
          </Flex>
        </Card>
        <Card title={t('section.approvals')} size="small">
          <ApprovalTrail approvals={q.approvals} emptyText={t('detail.noApprovals')} />
        </Card>
        <Card title={t('section.revisions')} size="small">
          {q.revisions.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noRevisions')} /> : (
            <Collapse size="small" items={q.revisions.map((r) => ({
              key: String(r.revision),
              label: (
                <Space wrap size={8}>
                  <Typography.Text strong>{t('revision.label', { n: r.revision })}</Typography.Text>
                  <QuoteStatusTag status={r.status} />
                  {money(r.total)}
                  <Typography.Text type="secondary">{t('revision.by', { name: r.supersededBy.name, at: fmt(r.supersededAt) })}</Typography.Text>
                </Space>
              ),
              children: <LineItemsTable lines={r.lines} descriptionLabel={t('field.description')} />,
            }))} />
          )}
        </Card>
      </Flex>
    </PageContainer>
  );
}
