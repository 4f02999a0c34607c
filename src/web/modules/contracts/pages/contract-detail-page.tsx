import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Grid, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ReceivableDto } from '../../../../shared/contracts/receivables.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { useContract, useSignContract, useSubmitContract, type Contract } from '../api';
import { ContractStatusTag } from '../components/contract-status-tag';

type Line = Contract['lines'][number];
type PlanLine = Contract['paymentPlan'][number];
type Approval = Contract['approvals'][number];
const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

function SignButton({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const showError = useErrorToast();
  const sign = useSignContract(contract.id);
  const [open, setOpen] = useState(false);
  const [signedOn, setSignedOn] = useState<Dayjs>(dayjs());
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="contract-sign">{t('action.sign')}</Button>
      <Modal open={open} title={t('sign.title')} okText={t('action.signConfirm')} confirmLoading={sign.isPending} onCancel={() => setOpen(false)}
        onOk={() => sign.mutate({ version: contract.version, signedOn: signedOn.format('YYYY-MM-DD') }, {
          onSuccess: () => { setOpen(false); void message.success(t('signed')); }, onError: showError,
        })}>
        <Flex vertical gap={12}>
          <DatePicker value={signedOn} onChange={(d) => d && setSignedOn(d)} aria-label={t('field.signedOn')} style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(dayjs(contract.contractDate), 'day')} />
          <Typography.Text type="secondary">{t('sign.hint', { count: contract.paymentPlan.length })}</Typography.Text>
        </Flex>
      </Modal>
    </>
  );
}

/** 合同详情: parties, lines, payment plan, review steps and the receivable schedule. */
export function ContractDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('contracts');
  const { t: ta } = useTranslation('approvals');
  const { message } = App.useApp();
  const showError = useErrorToast();
  const navigate = useNavigate();
  const isPhone = !Grid.useBreakpoint().md;
  const fmt = useFormatInstant();
  const query = useContract(id);
  const submit = useSubmitContract(id ?? '');
  const c = query.data;
  if (query.isError) return <PageContainer title={t('list.title')}><ErrorAlert error={query.error} /></PageContainer>;
  if (!c) return <PageContainer title={t('list.title')}><Card loading /></PageContainer>;

  const actions = (
    <Space wrap>
      {c.canEdit ? <Button onClick={() => navigate(`/contracts/${c.id}/edit`)}>{t('action.edit')}</Button> : null}
      {c.canSubmit ? <Button type="primary" loading={submit.isPending} data-testid="contract-submit"
        onClick={() => submit.mutate({ version: c.version }, { onSuccess: () => void message.success(t('submitted')), onError: showError })}>{t('action.submit')}</Button> : null}
      {c.canSign ? <SignButton contract={c} /> : null}
    </Space>
  );

  return (
    <PageContainer title={`${c.number} ${c.title}`} extra={actions}>
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'status', label: t('field.status'), children: <Space size={4}><ContractStatusTag status={c.status} />{c.isMajor ? <Tag color="orange">{t('field.major')}</Tag> : null}</Space> },
            { key: 'amount', label: t('field.amount'), children: <Typography.Text strong>{formatMoney(c.amount)}</Typography.Text> },
            { key: 'tax', label: t('field.taxAmount'), children: formatMoney(c.taxAmount) },
            { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link> },
            { key: 'opportunity', label: t('field.opportunity'), children: c.opportunity ? <Link to={`/opportunities/${c.opportunity.id}`}>{c.opportunity.name}</Link> : '—' },
            { key: 'owner', label: t('field.owner'), children: c.owner.name },
            { key: 'buyer', label: t('field.buyerParty'), children: c.buyerParty },
            { key: 'seller', label: t('field.sellerParty'), children: c.sellerParty },
            { key: 'dates', label: t('field.contractDate'), children: c.contractDate },
            { key: 'signed', label: t('field.signedOn'), children: c.signedOn ?? '—' },
            { key: 'terms', label: t('field.deliveryTerms'), span: isPhone ? 1 : 2, children: c.deliveryTerms ?? '—' },
          ]} />
        </Card>
        <Card title={t('section.lines')} size="small">
          <Table<Line> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={c.lines} scroll={{ x: 760 }}
            columns={[
              { title: t('field.description'), dataIndex: 'description', width: 220 },
              { title: t('field.unit'), dataIndex: 'unit', width: 60 },
              { title: t('field.quantity'), dataIndex: 'quantity', width: 80, align: 'right' },
              { title: t('field.unitPrice'), key: 'unitPrice', width: 130, align: 'right', render: (_, l) => money(l.unitPrice) },
              { title: t('field.discountPct'), dataIndex: 'discountPct', width: 80, align: 'right' },
              { title: t('field.taxRate'), dataIndex: 'taxRate', width: 70, align: 'right' },
              { title: t('field.lineAmount'), key: 'amount', width: 130, align: 'right', render: (_, l) => money(l.amount) },
            ]} />
        </Card>
        <Card title={t('section.plan')} size="small">
          <Table<PlanLine> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={c.paymentPlan}
            columns={[
              { title: t('field.kind'), key: 'kind', render: (_, p) => t(`kind.${p.kind}`) },
              { title: t('field.dueDate'), dataIndex: 'dueDate' },
              { title: t('field.percent'), dataIndex: 'percent', align: 'right', render: (v: string | null) => v ?? '—' },
              { title: t('field.planAmount'), key: 'amount', align: 'right', render: (_, p) => money(p.amount) },
            ]} />
        </Card>
        <Card title={t('section.approvals')} size="small">
          <Typography.Paragraph type="secondary">{c.isMajor ? t('detail.majorHint') : t('detail.minorHint')}</Typography.Paragraph>
          {c.approvals.length === 0 ? <Typography.Text type="secondary">{t('detail.noApprovals')}</Typography.Text> : c.approvals.map((a: Approval) => (
            <Flex key={a.id} vertical gap={4} style={{ marginBottom: 12 }}>
              <Space wrap size={6}>
                <Link to={`/inbox/${a.id}`}>{fmt(a.createdAt)}</Link>
                <Tag>{ta(`status.${a.status}`)}</Tag>
                <Typography.Text type="secondary">{a.requester.name}</Typography.Text>
              </Space>
              <Table rowKey="stepIndex" size="small" pagination={false} dataSource={a.steps} scroll={{ x: 560 }}
                columns={[
                  { title: t('approval.step'), dataIndex: 'label', width: 200 },
                  { title: t('approval.status'), key: 'status', width: 90, render: (_, s) => ta(`stepStatus.${s.status}`) },
                  { title: t('approval.by'), key: 'by', width: 100, render: (_, s) => s.decidedBy?.name ?? s.assignees.map((p) => p.name).join('、') },
                  { title: t('approval.at'), key: 'at', width: 150, render: (_, s) => (s.decidedAt ? fmt(s.decidedAt) : '—') },
                  { title: t('approval.comment'), dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
                ]} />
            </Flex>
          ))}
        </Card>
        <Card title={t('section.receivables')} size="small">
          {c.receivables.length === 0 ? <Alert type="info" showIcon message={t('detail.noReceivables')} /> : (
            <Table<ReceivableDto> rowKey="id" size="small" pagination={false} dataSource={c.receivables} scroll={{ x: 600 }}
              columns={[
                { title: t('field.kind'), key: 'kind', width: 90, render: (_, r) => t(`kind.${r.kind}`) },
                { title: t('field.dueDate'), dataIndex: 'dueDate', width: 110 },
                { title: t('field.planAmount'), key: 'amount', width: 120, align: 'right', render: (_, r) => money(r.amount) },
                { title: t('field.received'), key: 'received', width: 120, align: 'right', render: (_, r) => money(r.received) },
                { title: t('field.outstanding'), key: 'outstanding', width: 120, align: 'right', render: (_, r) => money(r.outstanding) },
                { title: t('field.status'), key: 'status', width: 90, render: (_, r) => t(`receivableStatus.${r.status}`) },
              ]} />
          )}
        </Card>
      </Flex>
    </PageContainer>
  );
}
