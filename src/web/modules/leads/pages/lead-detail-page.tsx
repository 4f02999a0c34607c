import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { needTriggers, type NeedTrigger, type OpportunityDraft } from '../../../../shared/contracts/leads.contract';
import { errorMessageOf } from '../../../platform/errors/describe-error';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { CustomFieldDescriptions } from '../../custom-fields/components/custom-field-values';
import { ConvertedLeadPrompt } from '../../opportunities/components/converted-lead-prompt';
import { SignalsCard } from '../../mot/components/signals-card';
import { useLead, useLeadPoolCommand, useUpdateLead, type LeadDetail } from '../api';
import { ConvertModal } from '../components/convert-modal';
import { LeadFormModal } from '../components/lead-form-modal';
import { LeadSourceTag, LeadStatusTag } from '../components/lead-tags';
import { QualificationEditor } from '../components/qualification-editor';
import { LeadReasonModal } from '../components/reason-modal';

type Dialog = 'edit' | 'convert' | 'disqualify' | 'release' | null;

/** The status buttons a lead offers from where it stands (new → contacted → qualified; reopen a disqualified one). */
type Move = 'new' | 'contacted' | 'qualified';
type MoveLabel = 'actions.reopen' | 'actions.markContacted' | 'actions.markQualified' | 'actions.backToContacted';

function statusMoves(lead: LeadDetail): { to: Move; label: MoveLabel; primary?: boolean }[] {
  if (lead.access.canReopen) return [{ to: 'new', label: 'actions.reopen' }];
  if (!lead.access.canEdit) return [];
  switch (lead.status) {
    case 'new': return [{ to: 'contacted', label: 'actions.markContacted', primary: true }, ...(lead.isQualifiable ? [{ to: 'qualified' as const, label: 'actions.markQualified' as const }] : [])];
    case 'contacted': return [{ to: 'qualified', label: 'actions.markQualified', primary: lead.isQualifiable }];
    case 'qualified': return [{ to: 'contacted', label: 'actions.backToContacted' }];
    default: return [];
  }
}

function TriggersCard({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation('leads');
  const { message } = App.useApp();
  const update = useUpdateLead();
  const [value, setValue] = useState<NeedTrigger[]>(lead.needTriggers);
  useEffect(() => setValue(lead.needTriggers), [lead.needTriggers]);
  const dirty = [...value].sort().join() !== [...lead.needTriggers].sort().join();
  return (
    <Card title={t('field.needTriggers')} size="small" extra={lead.access.canEdit ? (
      <Button size="small" disabled={!dirty} loading={update.isPending}
        onClick={() => update.mutate({ id: lead.id, version: lead.version, needTriggers: value }, { onSuccess: () => void message.success(t('form.saved')) })}>
        {t('detail.triggersSave')}
      </Button>
    ) : null}>
      {lead.access.canEdit ? (
        <Select mode="multiple" allowClear style={{ width: '100%' }} value={value} onChange={setValue} aria-label={t('field.needTriggers')}
          options={needTriggers.map((k) => ({ value: k, label: t(`trigger.${k}`) }))} data-testid="need-triggers" />
      ) : (
        <Flex wrap gap={4}>{lead.needTriggers.length === 0 ? '—' : lead.needTriggers.map((k) => <Tag key={k}>{t(`trigger.${k}`)}</Tag>)}</Flex>
      )}
    </Card>
  );
}

/** One lead: details, the MAN-COTH checklist, need triggers, status actions, conversion, disqualification, release/claim. */
export function LeadDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('leads');
  const { t: tp } = useTranslation('platform');
  const { message, notification } = App.useApp();
  const navigate = useNavigate();
  const formatInstant = useFormatInstant();
  const lead = useLead(id);
  const update = useUpdateLead();
  const pool = useLeadPoolCommand();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [converted, setConverted] = useState<OpportunityDraft | null>(null);

  if (lead.isPending) return <PageContainer title={t('list.title')}><Skeleton active /></PageContainer>;
  if (lead.isError) return <PageContainer title={t('list.title')}><ErrorResult error={lead.error} /></PageContainer>;
  const l = lead.data;
  const move = (to: Move) => update.mutate({ id: l.id, version: l.version, status: to }, {
    onSuccess: () => void message.success(t('actions.statusChanged')),
    onError: (error) => notification.warning({ title: tp(`errors.title.RULE_VIOLATION`), description: errorMessageOf(error, tp), placement: 'topRight' }),
  });
  const claim = () => pool.mutate({ id: l.id, command: 'claim' }, {
    onSuccess: () => void message.success(t('pool.claimed', { name: l.company })),
    onError: (error) => notification.warning({ title: t('pool.claimRefused'), description: errorMessageOf(error, tp), placement: 'topRight' }),
  });

  const actions = (
    <Space wrap>
      {statusMoves(l).map((m) => (
        <Button key={m.to} type={m.primary ? 'primary' : 'default'} loading={update.isPending && update.variables?.status === m.to}
          onClick={() => move(m.to)} data-testid={`lead-status-${m.to}`}>{t(m.label)}</Button>
      ))}
      {l.access.canConvert ? <Button type="primary" onClick={() => setDialog('convert')} data-testid="lead-convert">{t('actions.convert')}</Button> : null}
      {l.access.canEdit ? <Button onClick={() => setDialog('edit')} data-testid="lead-edit">{t('actions.edit')}</Button> : null}
      {l.access.canEdit ? <Button danger onClick={() => setDialog('disqualify')} data-testid="lead-disqualify">{t('actions.disqualify')}</Button> : null}
      {l.access.canRelease ? <Button onClick={() => setDialog('release')} data-testid="lead-release">{t('actions.release')}</Button> : null}
      {l.access.canClaim ? <Button type="primary" loading={pool.isPending} onClick={claim} data-testid="lead-claim">{t('actions.claim')}</Button> : null}
    </Space>
  );

  return (
    <PageContainer title={l.company} extra={<Link to="/leads"><ArrowLeftOutlined /> {t('detail.back')}</Link>}>
      <Flex vertical gap={16}>
        <Card>
          <Flex justify="space-between" wrap gap={12} align="center">
            <Space wrap>
              <Typography.Text type="secondary">{l.number}</Typography.Text>
              <LeadStatusTag value={l.status} />
              <LeadSourceTag value={l.source} />
              <Typography.Text type="secondary">{t('field.owner')}：{l.inPool ? t('owner.pool') : l.ownerName ?? '—'}</Typography.Text>
            </Space>
            {actions}
          </Flex>
          {l.inPool ? <Alert type="info" showIcon style={{ marginTop: 12 }} title={t('detail.inPool')} /> : null}
          {l.status === 'disqualified' ? <Alert type="warning" showIcon style={{ marginTop: 12 }} title={`${t('field.disqualifyReason')}：${l.disqualifyReason ?? ''}`} /> : null}
          {l.status === 'converted' && l.convertedCustomerId ? (
            <Result status="success" style={{ padding: '16px 0 0' }} title={t('detail.convertedTo')}
              extra={<Link to={`/customers/${l.convertedCustomerId}`} data-testid="converted-customer">{t('detail.openCustomer')}</Link>} />
          ) : null}
        </Card>
        <Card title={t('detail.basics')}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
            { key: 'contact', label: t('field.contactName'), children: [l.contactName, l.title].filter(Boolean).join(' · ') || '—' },
            { key: 'phone', label: t('field.phone'), children: l.phone ?? '—' },
            { key: 'email', label: t('field.email'), children: l.email ?? '—' },
            { key: 'im', label: t('field.im'), children: l.im ?? '—' },
            { key: 'region', label: t('field.region'), children: l.region ?? '—' },
            { key: 'industry', label: t('field.industry'), children: l.industry ?? '—' },
            { key: 'amount', label: t('field.estimatedAmount'), children: l.estimatedAmount ?? '—' },
            { key: 'follow', label: t('field.lastFollowUpOn'), children: l.lastFollowUpOn ?? '—' },
            { key: 'recycle', label: t('field.recycleOn'), children: l.recycleOn ?? '—' },
            { key: 'created', label: t('field.createdAt'), children: formatInstant(l.createdAt) },
            { key: 'need', label: t('field.needDescription'), span: 'filled', children: l.needDescription ?? '—' },
          ]} />
          <CustomFieldDescriptions entity="leads" values={l.customFields} />
        </Card>
        <QualificationEditor lead={l} />
        <TriggersCard lead={l} />
        <SignalsCard value={l.signals} saving={update.isPending && update.variables?.signals !== undefined}
          onSave={l.access.canEdit ? (signals) => update.mutateAsync({ id: l.id, version: l.version, signals }) : undefined} />
      </Flex>
      {dialog === 'edit' ? <LeadFormModal lead={l} onClose={() => setDialog(null)} onReload={() => { void lead.refetch(); setDialog(null); }} /> : null}
      {dialog === 'convert' ? <ConvertModal lead={l} onClose={() => setDialog(null)} onConverted={(r) => setConverted(r.opportunityDraft)} /> : null}
      {converted ? <ConvertedLeadPrompt draft={converted} onClose={() => { setConverted(null); void navigate(`/customers/${converted.customerId}`); }} /> : null}
      {dialog === 'disqualify' || dialog === 'release' ? <LeadReasonModal lead={l} command={dialog} onClose={() => setDialog(null)} /> : null}
    </PageContainer>
  );
}
