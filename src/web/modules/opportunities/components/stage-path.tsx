import { CheckCircleFilled, FlagOutlined } from '@ant-design/icons';
import { App, Checkbox, Flex, Form, Grid, Input, List, Modal, Steps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { useTickKeyNode, type OpportunityDetail, type PipelineStage } from '../api';

/** The pipeline's stages as a path (antd Steps): done before the current stage, won or lost at the end. */
export function StagePath({ opportunity, stages }: { opportunity: OpportunityDetail; stages: PipelineStage[] }) {
  const { t } = useTranslation('opportunities');
  const isPhone = !Grid.useBreakpoint().md;
  const index = stages.findIndex((s) => s.id === opportunity.stageId);
  const status = opportunity.status === 'lost' ? 'error' : opportunity.status === 'won' ? 'finish' : 'process';
  return (
    <Steps data-testid="stage-path" size="small" current={opportunity.status === 'won' ? stages.length - 1 : Math.max(index, 0)} status={status}
      orientation={isPhone ? 'vertical' : 'horizontal'} titlePlacement={isPhone ? 'horizontal' : 'vertical'}
      items={stages.map((s) => ({
        key: s.id,
        title: s.name,
        content: (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.probability}%{opportunity.keyNodes[s.id]?.done ? <> · <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('keyNode.done')} /></> : null}
          </Typography.Text>
        ),
      }))} />
  );
}

function KeyNodeModal({ opportunity, stage, onClose }: { opportunity: OpportunityDetail; stage: PipelineStage; onClose: () => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const entry = opportunity.keyNodes[stage.id];
  const done = !entry?.done;
  const [form] = Form.useForm<{ note: string }>();
  const tick = useTickKeyNode(opportunity.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  return (
    <Modal open title={done ? t('keyNode.tickTitle', { stage: stage.name }) : t('keyNode.untickTitle', { stage: stage.name })} onCancel={onClose}
      okText={done ? t('keyNode.tick') : t('keyNode.untick')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'key-node-form', loading: tick.isPending }}>
      <Typography.Paragraph><FlagOutlined /> {stage.keyNode}</Typography.Paragraph>
      {stage.exitCriteria ? <Typography.Paragraph type="secondary">{t('stage.exitCriteria')}：{stage.exitCriteria}</Typography.Paragraph> : null}
      <ErrorAlert error={formError} />
      <Form id="key-node-form" form={form} layout="vertical" initialValues={{ note: entry?.note ?? '' }}
        onFinish={(v) => {
          clearFormError();
          tick.mutate({ stageId: stage.id, version: opportunity.version, done, note: v.note?.trim() || null }, {
            onSuccess: () => { void message.success(done ? t('keyNode.ticked') : t('keyNode.unticked')); onClose(); },
            onError: handleError,
          });
        }}>
        <Form.Item name="note" label={t('keyNode.note')} extra={t('keyNode.noteHint')}>
          <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} data-testid="key-node-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 关键节点 checklist: one line per stage that has a key node; the current stage's gates its exit. */
export function KeyNodeChecklist({ opportunity, stages, canEdit }: { opportunity: OpportunityDetail; stages: PipelineStage[]; canEdit: boolean }) {
  const { t } = useTranslation('opportunities');
  const formatInstant = useFormatInstant();
  const [ticking, setTicking] = useState<PipelineStage | null>(null);
  const withNodes = stages.filter((s) => s.keyNode);
  if (withNodes.length === 0) return null;
  return (
    <>
      <List size="small" data-testid="key-node-checklist" header={<Typography.Text strong>{t('keyNode.title')}</Typography.Text>}
        dataSource={withNodes}
        renderItem={(s) => {
          const entry = opportunity.keyNodes[s.id];
          const isCurrent = s.id === opportunity.stageId && opportunity.status === 'open';
          return (
            <List.Item style={{ background: isCurrent ? '#e6f4ff' : undefined, paddingInline: 8 }}>
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex gap={8} align="start" wrap>
                  <Checkbox checked={entry?.done ?? false} disabled={!canEdit} onChange={() => setTicking(s)} data-testid="key-node-check" data-stage-id={s.id}>
                    <span>{s.keyNode}</span>
                  </Checkbox>
                  <Tag style={{ marginInlineEnd: 0 }}>{s.name}</Tag>
                  {isCurrent ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('keyNode.current')}</Tag> : null}
                </Flex>
                {entry?.note || entry?.doneAt ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12, paddingLeft: 24 }}>
                    {entry.note}{entry.note && entry.doneAt ? ' · ' : ''}{entry.done && entry.doneAt ? t('keyNode.doneAt', { at: formatInstant(entry.doneAt) }) : ''}
                  </Typography.Text>
                ) : null}
              </Flex>
            </List.Item>
          );
        }} />
      {ticking ? <KeyNodeModal opportunity={opportunity} stage={ticking} onClose={() => setTicking(null)} /> : null}
    </>
  );
}
