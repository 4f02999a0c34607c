import { CheckCircleFilled, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, Segmented, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  qualificationItems, qualificationStatuses, requiredQualificationItems, type Qualification, type QualificationItem, type QualificationStatus,
} from '../../../../shared/contracts/leads.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useUpdateLead, type LeadDetail } from '../api';

const isRequired = (k: QualificationItem) => (requiredQualificationItems as readonly string[]).includes(k);
const statusColor: Record<QualificationStatus, string> = { unknown: 'default', partial: 'orange', confirmed: 'green' };

/**
 * The MAN-COTH checklist (资格审查): each item unknown / partly known / confirmed with a note. M, A,
 * N and T are marked as required; the banner says what still keeps the lead from being qualified.
 */
export function QualificationEditor({ lead }: { lead: LeadDetail }) {
  const { t } = useTranslation('leads');
  const { message } = App.useApp();
  const update = useUpdateLead();
  const [draft, setDraft] = useState<Qualification>(lead.qualification);
  useEffect(() => setDraft(lead.qualification), [lead.qualification]);
  const editable = lead.access.canEdit;
  const missing = requiredQualificationItems.filter((k) => draft[k].status !== 'confirmed');
  const dirty = JSON.stringify(draft) !== JSON.stringify(lead.qualification);
  const letters = (items: readonly QualificationItem[]) => items.map((k) => `${t(`qual.letter.${k}`)} ${t(`qual.item.${k}`)}`).join('、');

  const set = (k: QualificationItem, patch: Partial<Qualification[QualificationItem]>) => setDraft((d) => ({ ...d, [k]: { ...d[k], ...patch } }));
  const save = () => {
    const changed = Object.fromEntries(qualificationItems.filter((k) => JSON.stringify(draft[k]) !== JSON.stringify(lead.qualification[k]))
      .map((k) => [k, { status: draft[k].status, note: draft[k].note?.trim() || null }]));
    update.mutate({ id: lead.id, version: lead.version, qualification: changed }, { onSuccess: () => void message.success(t('qual.saved')) });
  };

  return (
    <Card title={t('qual.title')} data-testid="qualification" extra={editable ? (
      <Button type="primary" disabled={!dirty} loading={update.isPending} onClick={save} data-testid="save-qualification">{t('qual.save')}</Button>
    ) : null}>
      <Alert type={missing.length === 0 ? 'success' : 'info'} showIcon style={{ marginBottom: 16 }}
        title={t('qual.rule')}
        description={missing.length === 0 ? t('qual.ready') : t('qual.missing', { items: letters(missing) })} />
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      <Flex vertical gap={12}>
        {qualificationItems.map((k) => (
          <Flex key={k} wrap gap={8} align="center" data-testid={`qual-${k}`} style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', paddingBottom: 12 }}>
            <Flex align="center" gap={8} style={{ width: 210, maxWidth: '100%' }}>
              <Tag color={isRequired(k) ? 'blue' : undefined} style={{ width: 28, textAlign: 'center', marginInlineEnd: 0 }}>{t(`qual.letter.${k}`)}</Tag>
              <Typography.Text strong={isRequired(k)}>{t(`qual.item.${k}`)}</Typography.Text>
              {isRequired(k) ? (draft[k].status === 'confirmed'
                ? <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('qual.status.confirmed')} />
                : <ExclamationCircleOutlined style={{ color: '#faad14' }} aria-label={t('qual.required')} />) : null}
            </Flex>
            {editable ? (
              <Segmented<QualificationStatus> size="small" value={draft[k].status} onChange={(status) => set(k, { status })}
                options={qualificationStatuses.map((s) => ({ value: s, label: t(`qual.status.${s}`) }))} aria-label={t(`qual.item.${k}`)} />
            ) : <Tag color={statusColor[draft[k].status]}>{t(`qual.status.${draft[k].status}`)}</Tag>}
            {editable ? (
              <Input size="small" placeholder={t('qual.note')} aria-label={`${t(`qual.item.${k}`)} ${t('qual.note')}`} maxLength={1000} value={draft[k].note ?? ''}
                onChange={(e) => set(k, { note: e.target.value })} onPressEnter={() => dirty && save()} style={{ flex: '1 1 200px', minWidth: 0 }} />
            ) : <Typography.Text type="secondary" style={{ flex: '1 1 200px' }}>{draft[k].note ?? ''}</Typography.Text>}
          </Flex>
        ))}
      </Flex>
    </Card>
  );
}
