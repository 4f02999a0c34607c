import { CompassOutlined, EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Modal, Progress, Segmented, Select, Table, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { VisitPlanPeriod } from '../../../../shared/contracts/visit-plans.contract';
import { addDays, todayIn } from '../../../../shared/dates';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useAdherence, useCreateVisitPlan, useSubmitVisitPlan, useVisitPlanPages, type VisitPlan } from '../api';
import { PlanStatusTag } from '../components/plan-status-tag';
import { mondayOf, periodStartFor } from '../periods';

/** Starts a plan: the period kind and a day in it (snapped to the period's first day). */
function NewPlanModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('visitPlans');
  const [form] = Form.useForm<{ period: VisitPlanPeriod; day: Dayjs }>();
  const create = useCreateVisitPlan();
  const navigate = useNavigate();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = async (v: { period: VisitPlanPeriod; day: Dayjs }) => {
    clearFormError();
    try {
      const plan = await create.mutateAsync({ period: v.period, periodStart: periodStartFor(v.period, v.day.format('YYYY-MM-DD')) });
      onClose();
      navigate(`/visit-plans/${plan.id}`);
    } catch (error) { handleError(error); }
  };
  return (
    <Modal open={open} title={t('list.new')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden>
      <ErrorAlert error={formError} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ period: 'week', day: dayjs(addDays(todayIn(), 7)) }}>
        <Form.Item name="period" label={t('plan.period')} rules={[{ required: true }]}>
          <Select options={(['quarter', 'month', 'week', 'day'] as const).map((p) => ({ value: p, label: t(`period.${p}`) }))} />
        </Form.Item>
        <Form.Item name="day" label={t('list.dayInPeriod')} rules={[{ required: true }]} extra={t('list.dayInPeriodHelp')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AdherenceCard() {
  const { t } = useTranslation('visitPlans');
  const today = todayIn();
  // the last four weeks up to today
  const from = addDays(mondayOf(today), -21);
  const adherence = useAdherence(from, today);
  return (
    <Card size="small" title={t('adherence.title', { from, to: today })} data-testid="adherence-card">
      <ErrorAlert error={adherence.error} />
      <Table size="small" rowKey="ownerId" pagination={false} loading={adherence.isLoading} dataSource={adherence.data?.rows ?? []} scroll={{ x: 560 }}
        columns={[
          { title: t('adherence.rep'), dataIndex: 'ownerName' },
          { title: t('adherence.planned'), dataIndex: 'planned', align: 'right' },
          { title: t('adherence.done'), dataIndex: 'done', align: 'right' },
          { title: t('adherence.missed'), dataIndex: 'missed', align: 'right' },
          { title: t('adherence.unplanned'), dataIndex: 'unplannedVisits', align: 'right' },
          {
            title: t('adherence.rate'), dataIndex: 'adherencePercent', width: 160,
            render: (pct: number | null) => (pct === null ? '—' : <Progress percent={pct} size="small" status={pct < 60 ? 'exception' : 'normal'} />),
          },
        ]} />
    </Card>
  );
}

/** 拜访计划: my plans and my team's (quarter → month → week → day), submit, and plan vs actual this month. */
export function VisitPlansPage() {
  const { t } = useTranslation('visitPlans');
  const { can } = useAccess();
  const [period, setPeriod] = useState<VisitPlanPeriod | 'all'>('week');
  const [creating, setCreating] = useState(false);
  const from = addDays(mondayOf(todayIn()), -7 * 8);
  const plans = useVisitPlanPages({ period: period === 'all' ? undefined : period, from });
  const submit = useSubmitVisitPlan();
  const doSubmit = async (plan: VisitPlan) => {
    await submit.mutateAsync({ id: plan.id, version: plan.version });
    message.success(t('plan.submitted'));
  };
  return (
    <PageContainer title={t('list.title')} extra={(
      <>
        <Link to="/visit-plans/map"><Button icon={<CompassOutlined />}>{t('menu.map')}</Button></Link>
        {can('check_in:create') ? <Link to="/check-in"><Button icon={<EnvironmentOutlined />}>{t('menu.checkIn')}</Button></Link> : null}
        {can('visit_plan:write') ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-plan">{t('list.new')}</Button> : null}
      </>
    )}>
      <Flex vertical gap={16}>
        <Segmented value={period} onChange={(v) => setPeriod(v as VisitPlanPeriod | 'all')} style={{ alignSelf: 'flex-start' }}
          options={[{ value: 'all', label: t('list.all') }, ...(['quarter', 'month', 'week', 'day'] as const).map((p) => ({ value: p, label: t(`period.${p}`) }))]} />
        <ErrorAlert error={plans.error ?? submit.error} />
        <Table size="middle" rowKey="id" loading={plans.isLoading} dataSource={plans.items} pagination={false}
          scroll={{ x: 'max-content' }} data-testid="visit-plan-table"
          columns={[
            { title: t('plan.owner'), dataIndex: 'ownerName', width: 100, responsive: ['sm'] },
            { title: t('plan.period'), dataIndex: 'period', width: 70, responsive: ['md'], render: (p: VisitPlanPeriod) => t(`period.${p}`) },
            {
              title: t('plan.range'), key: 'range',
              render: (_: unknown, p: VisitPlan) => <Link to={`/visit-plans/${p.id}`} data-testid="plan-link">{p.periodStart === p.periodEnd ? p.periodStart : `${p.periodStart} ~ ${p.periodEnd}`}</Link>,
            },
            { title: t('plan.status'), key: 'status', render: (_: unknown, p: VisitPlan) => <PlanStatusTag plan={p} /> },
            { title: t('plan.dueDate'), dataIndex: 'dueDate', responsive: ['md'], render: (d: string | null) => d ?? '—' },
            { title: t('plan.visits'), key: 'visits', align: 'right', render: (_: unknown, p: VisitPlan) => `${p.doneCount} / ${p.itemCount}` },
            {
              title: '', key: 'actions', width: 90,
              render: (_: unknown, p: VisitPlan) => (p.status === 'draft' || p.status === 'returned') && can('visit_plan:write') ? (
                <Button size="small" onClick={() => void doSubmit(p)} loading={submit.isPending}>{t('plan.submit')}</Button>
              ) : null,
            },
          ]} />
        <LoadMore hasMore={plans.hasNextPage} loading={plans.isFetchingNextPage} onLoad={() => void plans.fetchNextPage()} count={plans.items.length} />
        <AdherenceCard />
        <Typography.Text type="secondary">{t('list.hint')}</Typography.Text>
      </Flex>
      <NewPlanModal open={creating} onClose={() => setCreating(false)} />
    </PageContainer>
  );
}
