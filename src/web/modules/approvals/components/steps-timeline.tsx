import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormatInstant } from '../../../platform/format/format-instant';
import type { Approval } from '../api';
import { stepColors } from './approval-labels';

/** The frozen steps in order: who may decide each, who did, when, and what they wrote. */
export function StepsTimeline({ approval }: { approval: Approval }) {
  const { t } = useTranslation('approvals');
  const format = useFormatInstant();
  return (
    <Timeline
      data-testid="steps-timeline"
      items={approval.steps.map((step) => ({
        key: step.stepIndex,
        color: stepColors[step.status],
        loading: step.status === 'pending',
        title: <Typography.Text strong>{step.label}</Typography.Text>,
        content: (
          <div>
            <Typography.Text>{t(`stepStatus.${step.status}`)}</Typography.Text>
            <div><Typography.Text type="secondary">{t('detail.assignees')}：{step.assignees.map((a) => a.name).join('、') || '—'}</Typography.Text></div>
            {step.decidedBy ? <div><Typography.Text type="secondary">{t('detail.decidedBy', { name: step.decidedBy.name, at: format(step.decidedAt) })}</Typography.Text></div> : null}
            {step.comment ? <div><Typography.Text>{t('detail.comment', { comment: step.comment })}</Typography.Text></div> : null}
          </div>
        ),
      }))}
    />
  );
}
