import { App, Button, Checkbox, Descriptions, Drawer, Empty, Flex, Form, Input, InputNumber, Modal, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateInvestigationBody } from '../../../../shared/contracts/credit-ratings.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { AttachedFiles, AttachmentPicker } from '../../attachments/components/attachment-picker';
import { useReviewInvestigation, useSaveInvestigation, useSubmitInvestigation, type CreditGrade, type CreditInvestigation } from '../api';
import { formatMoney, GradeTag } from './credit-format';

const MONEY = /^-?\d{1,16}(\.\d{1,2})?$/;
const FIGURES = ['totalAssets', 'totalLiabilities', 'currentAssets', 'currentLiabilities', 'revenue', 'netProfit', 'operatingCashFlow'] as const;
const statusColors = { draft: 'default', submitted: 'processing', reviewed: 'success' } as const;

function BusinessHistoryTable({ inv }: { inv: CreditInvestigation }) {
  const { t } = useTranslation('credit');
  return (
    <>
      <Typography.Text type="secondary">{t('inv.part4Note', { asOf: inv.businessHistory.asOf })}</Typography.Text>
      <Table size="small" rowKey="year" pagination={false} dataSource={inv.businessHistory.years} data-testid="business-history"
        columns={[
          { title: t('inv.year'), dataIndex: 'year' },
          { title: t('inv.shipped'), dataIndex: 'shipped', align: 'right', render: (v: string) => formatMoney(v) },
          { title: t('inv.due'), dataIndex: 'due', align: 'right', render: (v: string) => formatMoney(v) },
          { title: t('inv.collected'), dataIndex: 'collected', align: 'right', render: (v: string) => formatMoney(v) },
          { title: t('inv.collectionRate'), dataIndex: 'collectionRate', align: 'right', render: (v: string | null) => (v === null ? '—' : `${v}%`) },
          { title: t('inv.paidLate'), dataIndex: 'paidLateCount', align: 'right' },
          { title: t('inv.overdue'), dataIndex: 'overdueOutstanding', align: 'right', render: (v: string) => formatMoney(v) },
          { title: t('inv.writtenOff'), dataIndex: 'writtenOff', align: 'right', render: (v: string) => formatMoney(v) },
        ]} />
    </>
  );
}

/** The five-part form (信用调查表): basic, bank, three years of statements, business with us (computed), other. */
function InvestigationDrawer({ customerId, inv, onClose }: { customerId: string; inv: CreditInvestigation | null; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateInvestigationBody>();
  const save = useSaveInvestigation(customerId);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const year = new Date().getFullYear();
  const initial: CreateInvestigationBody = inv ?? {
    basic: {}, bank: {}, other: {}, attachmentIds: [], customerConfirmed: false,
    financials: [1, 2, 3].map((n) => ({ year: year - n, totalAssets: '', totalLiabilities: '', currentAssets: '', currentLiabilities: '', revenue: '', netProfit: '', operatingCashFlow: '' })),
  };
  const submit = (v: CreateInvestigationBody) => {
    clearFormError();
    const financials = (v.financials ?? []).filter((f) => FIGURES.some((k) => f[k]?.trim()));
    save.mutate({ id: inv?.id, version: inv?.version, body: { ...v, financials, attachmentIds: v.attachmentIds ?? [] } }, {
      onSuccess: () => { void message.success(t('inv.saved')); onClose(); }, onError: handleError,
    });
  };
  const text = (name: (string | number)[], label: string, area = false) => (
    <Form.Item name={name} label={label}>{area ? <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} /> : <Input maxLength={200} />}</Form.Item>
  );
  return (
    <Drawer open width={860} title={t('inv.formTitle')} onClose={onClose}
      extra={<Space><Button onClick={onClose}>{tp('actions.cancel')}</Button><Button type="primary" htmlType="submit" form="credit-investigation-form" loading={save.isPending}>{tp('actions.save')}</Button></Space>}>
      <ErrorAlert error={formError} />
      <Form id="credit-investigation-form" form={form} layout="vertical" onFinish={submit} initialValues={initial}>
        <Tabs items={[
          { key: 'basic', label: t('inv.part1'), forceRender: true, children: (
            <>
              {text(['basic', 'licenceNo'], t('inv.licenceNo'))}
              {text(['basic', 'legalRepresentative'], t('inv.legalRepresentative'))}
              <Form.Item name={['basic', 'registeredCapital']} label={t('inv.registeredCapital')} rules={[{ pattern: MONEY, message: t('field.moneyFormat') }]}><Input prefix="¥" /></Form.Item>
              {text(['basic', 'articles'], t('inv.articles'), true)}
              {text(['basic', 'shareholding'], t('inv.shareholding'), true)}
              {text(['basic', 'taxRegistration'], t('inv.taxRegistration'))}
              {text(['basic', 'externalRating'], t('inv.externalRating'))}
            </>
          ) },
          { key: 'bank', label: t('inv.part2'), forceRender: true, children: (
            <>
              {text(['bank', 'bankName'], t('inv.bankName'))}
              {text(['bank', 'accountNo'], t('inv.accountNo'))}
              {text(['bank', 'settlement'], t('inv.settlement'), true)}
            </>
          ) },
          { key: 'financials', label: t('inv.part3'), forceRender: true, children: (
            <Form.List name="financials">
              {(fields) => (
                <Flex gap={12}>
                  {fields.map((f) => (
                    <div key={f.key} style={{ flex: 1 }}>
                      <Form.Item name={[f.name, 'year']} label={t('inv.year')}><InputNumber min={1990} max={2100} precision={0} /></Form.Item>
                      {FIGURES.map((k) => (
                        <Form.Item key={k} name={[f.name, k]} label={t(`inv.${k}`)} rules={[{ pattern: MONEY, message: t('field.moneyFormat') }]} style={{ marginBottom: 8 }}>
                          <Input prefix="¥" inputMode="decimal" />
                        </Form.Item>
                      ))}
                    </div>
                  ))}
                </Flex>
              )}
            </Form.List>
          ) },
          { key: 'business', label: t('inv.part4'), children: inv ? <BusinessHistoryTable inv={inv} /> : <Typography.Text type="secondary">{t('inv.part4Later')}</Typography.Text> },
          { key: 'other', label: t('inv.part5'), forceRender: true, children: (
            <>
              {text(['other', 'reputation'], t('inv.reputation'), true)}
              {text(['other', 'badRecords'], t('inv.badRecords'), true)}
              {text(['other', 'notes'], t('inv.notes'), true)}
            </>
          ) },
        ]} />
        <Form.Item name="attachmentIds" label={t('inv.attachments')} extra={t('inv.attachmentsHint')}>
          <AttachmentPicker customerId={customerId} max={50} />
        </Form.Item>
        <Form.Item name="customerConfirmed" valuePropName="checked"><Checkbox>{t('inv.customerConfirmed')}</Checkbox></Form.Item>
      </Form>
    </Drawer>
  );
}

function ReviewModal({ inv, onClose }: { inv: CreditInvestigation; onClose: () => void }) {
  const { t } = useTranslation('credit');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<{ evaluation: string; suggestedGrade?: CreditGrade }>();
  const review = useReviewInvestigation();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  return (
    <Modal open width={860} title={t('inv.reviewTitle')} onCancel={onClose} okText={tp('actions.submit')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'credit-review-form', loading: review.isPending }}>
      <InvestigationView inv={inv} />
      <ErrorAlert error={formError} />
      <Form id="credit-review-form" form={form} layout="vertical" style={{ marginTop: 16 }}
        onFinish={(v) => { clearFormError(); review.mutate({ id: inv.id, version: inv.version, ...v }, { onSuccess: onClose, onError: handleError }); }}>
        <Form.Item name="evaluation" label={t('inv.evaluation')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="suggestedGrade" label={t('inv.suggestedGrade')}>
          <Select allowClear options={(['A', 'B', 'C', 'D'] as const).map((g) => ({ value: g, label: t(`grade.${g}`) }))} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function InvestigationView({ inv }: { inv: CreditInvestigation }) {
  const { t } = useTranslation('credit');
  const latest = inv.financials[0];
  return (
    <Flex vertical gap={8}>
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('inv.licenceNo')}>{inv.basic.licenceNo ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.legalRepresentative')}>{inv.basic.legalRepresentative ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.shareholding')}>{inv.basic.shareholding ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.externalRating')}>{inv.basic.externalRating ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.bankName')}>{inv.bank.bankName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.settlement')}>{inv.bank.settlement ?? '—'}</Descriptions.Item>
        {latest ? <Descriptions.Item label={t('inv.latestYear', { year: latest.year })} span={2}>
          {t('inv.latestFigures', { assets: formatMoney(latest.totalAssets), liabilities: formatMoney(latest.totalLiabilities), revenue: formatMoney(latest.revenue), profit: formatMoney(latest.netProfit) })}
        </Descriptions.Item> : null}
        <Descriptions.Item label={t('inv.reputation')}>{inv.other.reputation ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.customerConfirmed')}>{inv.customerConfirmed ? '✓' : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('inv.attachments')} span={2}><AttachedFiles customerId={inv.customerId} ids={inv.attachmentIds} /></Descriptions.Item>
      </Descriptions>
      <BusinessHistoryTable inv={inv} />
    </Flex>
  );
}

/** The customer's credit investigations: cs prepares and submits, finance reviews into the evaluation form. */
export function CreditInvestigationSection({ customerId, investigations, loading }: { customerId: string; investigations: CreditInvestigation[]; loading: boolean }) {
  const { t } = useTranslation('credit');
  const { can } = useAccess();
  const { message } = App.useApp();
  const submit = useSubmitInvestigation();
  const [editing, setEditing] = useState<CreditInvestigation | 'new' | null>(null);
  const [reviewing, setReviewing] = useState<CreditInvestigation | null>(null);
  const [viewing, setViewing] = useState<CreditInvestigation | null>(null);
  const canPrepare = can('credit-investigation:prepare');
  return (
    <div data-testid="credit-investigations">
      <Flex justify="space-between" align="center">
        <Typography.Title level={5}>{t('inv.title')}</Typography.Title>
        {canPrepare ? <Button onClick={() => setEditing('new')} data-testid="credit-investigate">{t('inv.new')}</Button> : null}
      </Flex>
      {loading ? <Spin /> : investigations.length === 0 ? <Empty description={t('inv.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Table size="small" rowKey="id" pagination={false} dataSource={investigations}
          columns={[
            { title: t('inv.createdAt'), dataIndex: 'createdAt', width: 110, render: (v: string) => v.slice(0, 10) },
            { title: t('inv.status'), dataIndex: 'status', width: 90, render: (s: CreditInvestigation['status']) => <Tag color={statusColors[s]}>{t(`invStatus.${s}`)}</Tag> },
            { title: t('inv.preparedBy'), render: (_: unknown, r: CreditInvestigation) => r.preparedBy.name, width: 90 },
            { title: t('inv.evaluation'), render: (_: unknown, r: CreditInvestigation) => <>{r.suggestedGrade ? <GradeTag grade={r.suggestedGrade} /> : null}{r.evaluation ?? '—'}</> },
            { title: t('inv.nextDueOn'), dataIndex: 'nextDueOn', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '', width: 200, render: (_: unknown, r: CreditInvestigation) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setViewing(r)}>{t('inv.view')}</Button>
                {canPrepare && r.status === 'draft' ? <Button size="small" type="link" onClick={() => setEditing(r)}>{t('inv.edit')}</Button> : null}
                {canPrepare && r.status === 'draft' ? <Button size="small" type="link" loading={submit.isPending}
                  onClick={() => submit.mutate({ id: r.id, version: r.version }, { onSuccess: () => void message.success(t('inv.submitted')) })}>{t('inv.submit')}</Button> : null}
                {can('credit-investigation:review') && r.status === 'submitted' ? <Button size="small" type="link" onClick={() => setReviewing(r)}>{t('inv.review')}</Button> : null}
              </Space>
            ) },
          ]} />
      )}
      {submit.isError ? <ErrorAlert error={submit.error} /> : null}
      {editing ? <InvestigationDrawer customerId={customerId} inv={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {reviewing ? <ReviewModal inv={reviewing} onClose={() => setReviewing(null)} /> : null}
      {viewing ? <Modal open width={860} footer={null} title={t('inv.viewTitle')} onCancel={() => setViewing(null)}><InvestigationView inv={viewing} /></Modal> : null}
    </div>
  );
}
