import { Alert, App, Button, Card, DatePicker, Descriptions, Flex, Form, Grid, Input, Modal, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ReceivableDto } from '../../../../shared/contracts/receivables.contract';
import { todayIn } from '../../../../shared/dates';
import { formatMoney } from '../../../../shared/money-format';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { ApprovalTrail } from '../../approvals';
import { PlaceOrderButton } from '../../orders';
import { PrintContractButton } from '../../print-templates';
import { ContractInvoicesTab } from '../../invoices';
import { useContract, useCopyContract, useSignContract, useSubmitContract, useTerminateContract, type Contract } from '../api';
import { AmendmentHistory } from '../components/amendment-history';
import { ContractStatusTag } from '../components/contract-status-tag';
import { LineItemsTable } from '../components/line-items';

type PlanLine = Contract['paymentPlan'][number];
const money = (value: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(value)}</span>;

function SignButton({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const showError = useErrorToast();
  const sign = useSignContract(contract.id);
  const [open, setOpen] = useState(false);
  // the server's today (workspace zone), whatever the browser's zone
  const [signedOn, setSignedOn] = useState<Dayjs>(() => dayjs(todayIn()));
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="contract-sign">{t('action.sign')}</Button>
      <Modal open={open} title={t('sign.title')} okText={t('action.signConfirm')} confirmLoading={sign.isPending} onCancel={() => setOpen(false)}
        onOk={() => sign.mutate({ version: contract.version, signedOn: signedOn.format('YYYY-MM-DD') }, {
          onSuccess: () => { setOpen(false); void message.success(t('signed')); }, onError: showError,
        })}>
        <Flex vertical gap={12}>
          <DatePicker value={signedOn} onChange={(d) => d && setSignedOn(d)} aria-label={t('field.signedOn')} style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(todayIn()), 'day') || d.isBefore(dayjs(contract.contractDate), 'day')} />
          <Typography.Text type="secondary">{t('sign.hint', { count: contract.paymentPlan.length })}</Typography.Text>
        </Flex>
      </Modal>
    </>
  );
}

function CopyButton({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const showError = useErrorToast();
  const navigate = useNavigate();
  const copy = useCopyContract(contract.id);
  return (
    <Button loading={copy.isPending} data-testid="contract-copy" onClick={() => copy.mutate(undefined, {
      onSuccess: (c) => { void message.success(t('copied', { number: c.number })); navigate(`/contracts/${c.id}/edit`); }, onError: showError,
    })}>{t('action.copy')}</Button>
  );
}

function TerminateButton({ contract }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const terminate = useTerminateContract(contract.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button danger onClick={() => setOpen(true)} data-testid="contract-terminate">{t('action.terminate')}</Button>
      <Modal open={open} title={t('terminate.title')} okText={t('terminate.confirm')} okButtonProps={{ danger: true }} confirmLoading={terminate.isPending}
        onCancel={() => setOpen(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => {
          clearFormError();
          terminate.mutate({ version: contract.version, reason: v.reason }, { onSuccess: () => { setOpen(false); void message.success(t('terminated')); }, onError: handleError });
        }}>
          <Flex vertical gap={8}>
            <Alert type="warning" showIcon title={t('terminate.hint')} />
            {formError ? <ErrorAlert error={formError} /> : null}
            <Form.Item name="reason" label={t('terminate.reason')} rules={[{ required: true, whitespace: true, message: t('form.required') }]}>
              <Input.TextArea rows={3} maxLength={1000} autoFocus />
            </Form.Item>
          </Flex>
        </Form>
      </Modal>
    </>
  );
}

/** 合同详情: parties, lines, payment plan, review steps and the receivable schedule; the 变更 and 开票 tabs. */
export function ContractDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('contracts');
  const { message } = App.useApp();
  const showError = useErrorToast();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isPhone = !Grid.useBreakpoint().md;
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
      <PlaceOrderButton contract={c} />
      <PrintContractButton contractId={c.id} />
      {c.canCopy ? <CopyButton contract={c} /> : null}
      {c.canTerminate ? <TerminateButton contract={c} /> : null}
    </Space>
  );

  return (
    <PageContainer title={`${c.number} ${c.title}`} extra={actions}>
      <Tabs activeKey={params.get('tab') ?? 'detail'} onChange={(tab) => setParams(tab === 'detail' ? {} : { tab }, { replace: true })} items={[{
        key: 'detail', label: t('tab.detail'), children: (
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'status', label: t('field.status'), children: <Space size={4}><ContractStatusTag status={c.status} />{c.isMajor ? <Tag color="orange">{t('field.major')}</Tag> : null}</Space> },
            { key: 'amount', label: t('field.amount'), children: <Typography.Text strong>{formatMoney(c.amount)}</Typography.Text> },
            { key: 'tax', label: t('field.taxAmount'), children: formatMoney(c.taxAmount) },
            { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${c.customer.id}`}>{c.customer.name}</Link> },
            { key: 'opportunity', label: t('field.opportunity'), children: c.opportunity ? <Link to={`/opportunities/${c.opportunity.id}`}>{c.opportunity.name}</Link> : '—' },
            ...(c.quoteId ? [{ key: 'quote', label: t('field.quote'), children: <Link to={`/quotes/${c.quoteId}`} data-testid="contract-quote-link">{t('viewQuote')}</Link> }] : []),
            { key: 'owner', label: t('field.owner'), children: c.owner.name },
            { key: 'buyer', label: t('field.buyerParty'), children: c.buyerParty },
            { key: 'seller', label: t('field.sellerParty'), children: c.sellerParty },
            { key: 'dates', label: t('field.contractDate'), children: c.contractDate },
            { key: 'signed', label: t('field.signedOn'), children: c.signedOn ?? '—' },
            ...(c.amendmentCount > 0 ? [{ key: 'revision', label: t('field.revision'), children: t('revision', { revision: c.amendmentCount + 1 }) }] : []),
            ...(c.terminatedOn ? [{ key: 'terminated', label: t('field.terminatedOn'), children: `${c.terminatedOn}（${c.terminationReason ?? ''}）` }] : []),
            { key: 'terms', label: t('field.deliveryTerms'), span: isPhone ? 1 : 2, children: c.deliveryTerms ?? '—' },
          ]} />
        </Card>
        <Card title={t('section.lines')} size="small">
          <LineItemsTable lines={c.lines} />
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
          <ApprovalTrail approvals={c.approvals} emptyText={t('detail.noApprovals')} />
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
        ),
      }, {
        key: 'amendments', label: c.hasPendingAmendment ? <Space size={4}>{t('tab.amendments')}<Tag color="processing" style={{ marginInlineEnd: 0 }}>1</Tag></Space> : t('tab.amendments'),
        children: <AmendmentHistory contract={c} />,
      }, ...(['signed', 'executing', 'completed', 'terminated'].includes(c.status) ? [{
        key: 'invoices', label: t('tab.invoices'), children: <ContractInvoicesTab contract={c} />,
      }] : [])]} />
    </PageContainer>
  );
}
