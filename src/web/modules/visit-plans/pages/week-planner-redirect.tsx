import { Button, Flex, Result, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { addDays, todayIn } from '../../../../shared/dates';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useCreateVisitPlan, useVisitPlans } from '../api';
import { mondayOf } from '../periods';

/** `/visit-plans/planner?week=…` (the Friday reminder's link): opens my plan of that week, or offers to start it. */
export function WeekPlannerRedirect() {
  const { t } = useTranslation('visitPlans');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const week = mondayOf(params.get('week') ?? addDays(todayIn(), 7));
  const plans = useVisitPlans({ owner: 'me', period: 'week', from: week, to: week });
  const create = useCreateVisitPlan();
  const existing = plans.data?.items[0];
  useEffect(() => {
    if (existing) navigate(`/visit-plans/${existing.id}`, { replace: true });
  }, [existing, navigate]);
  if (plans.isLoading || existing) return <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;
  return (
    <Result title={t('planner.startWeek', { week })} extra={(
      <>
        <ErrorAlert error={plans.error ?? create.error} />
        <Button type="primary" loading={create.isPending} onClick={() => void create.mutateAsync({ period: 'week', periodStart: week }).then((p) => navigate(`/visit-plans/${p.id}`, { replace: true }))}>
          {t('planner.start')}
        </Button>
      </>
    )} />
  );
}
