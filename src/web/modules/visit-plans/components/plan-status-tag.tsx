import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { VisitPlan } from '../api';

const colors: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'success', returned: 'warning' };

/** The plan's status, and "late" for a week plan past its due Friday. */
export function PlanStatusTag({ plan }: { plan: Pick<VisitPlan, 'status' | 'isLate'> }) {
  const { t } = useTranslation('visitPlans');
  return (
    <>
      <Tag color={colors[plan.status]}>{t(`status.${plan.status}`)}</Tag>
      {plan.isLate ? <Tag color="red">{t('plan.late')}</Tag> : null}
    </>
  );
}
