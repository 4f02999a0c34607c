import { CloseOutlined, CompassOutlined, CrownOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Result, Space, Spin, Table, Tag, Tooltip, Typography, message } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { HalfDay } from '../../../../shared/contracts/visit-plans.contract';
import { useAccess } from '../../../platform/access/access';
import { useSession } from '../../../platform/access/session';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { toInput, usePutItems, useSubmitVisitPlan, useVisitPlan, type ItemInput, type VisitPlanDetail } from '../api';
import { AddVisitModal, type NewVisit } from '../components/add-visit-modal';
import { PlanStatusTag } from '../components/plan-status-tag';
import { weekDays } from '../periods';

/** A row of the editable plan: what the PUT sends plus what the grid shows. */
interface Row extends ItemInput { key: string; customerName: string; valueClass: string | null; status: string; executive: boolean }

const statusColor: Record<string, string> = { planned: 'blue', done: 'green', missed: 'red' };
let rowKey = 0;

function rowsOf(plan: VisitPlanDetail): Row[] {
  return plan.items.map((i) => ({
    ...toInput(i), key: i.id, customerName: i.customerName, valueClass: i.valueClass, status: i.status, executive: i.isExecutiveBooking || i.isExecutiveContact,
  }));
}

function VisitChip({ row, editable, onRemove, warned }: { row: Row; editable: boolean; onRemove: () => void; warned: boolean }) {
  const { t } = useTranslation('visitPlans');
  return (
    <Tag color={warned ? 'orange' : statusColor[row.status]} style={{ margin: 0, maxWidth: '100%', whiteSpace: 'normal', padding: '2px 6px' }} data-testid="visit-chip"
      closable={editable} closeIcon={<CloseOutlined aria-label={t('planner.remove')} />} onClose={(e) => { e.preventDefault(); onRemove(); }}>
      {row.executive ? <Tooltip title={t('planner.executive')}><CrownOutlined style={{ marginRight: 4 }} /></Tooltip> : null}
      {row.customerName}
      {row.valueClass ? <Typography.Text type="secondary" style={{ fontSize: 11, marginLeft: 4 }}>{row.valueClass}</Typography.Text> : null}
    </Tag>
  );
}

/** 周计划: Monday–Friday × morning/afternoon; each cell lists its visits and adds one. */
function WeekGrid({ plan, rows, editable, onAdd, onRemove, warnedKeys }: {
  plan: VisitPlanDetail; rows: Row[]; editable: boolean; warnedKeys: Set<string>;
  onAdd: (slot: { date: string; halfDay: HalfDay }) => void; onRemove: (key: string) => void;
}) {
  const { t } = useTranslation('visitPlans');
  const days = weekDays(plan.periodStart);
  const cell = (date: string, halfDay: HalfDay) => {
    const here = rows.filter((r) => r.plannedDate === date && r.halfDay === halfDay);
    return (
      <Flex vertical gap={4} align="flex-start" style={{ minHeight: 40 }} data-testid={`cell-${date}-${halfDay}`}>
        {here.map((r) => <VisitChip key={r.key} row={r} editable={editable && r.status !== 'done'} warned={warnedKeys.has(r.key)} onRemove={() => onRemove(r.key)} />)}
        {here.length === 0 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('planner.free')}</Typography.Text> : null}
        {editable ? <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => onAdd({ date, halfDay })} aria-label={t('planner.add')} /> : null}
      </Flex>
    );
  };
  return (
    <Table<{ date: string; n: number }> size="small" rowKey="date" pagination={false} bordered data-testid="week-grid" tableLayout="fixed"
      dataSource={days.map((date, n) => ({ date, n }))}
      columns={[
        { title: '', dataIndex: 'date', width: 86, render: (date: string, r: { date: string; n: number }) => <Flex vertical><strong>{t(`weekday.${(r.n + 1) as 1 | 2 | 3 | 4 | 5}`)}</strong><Typography.Text type="secondary" style={{ fontSize: 12 }}>{date.slice(5)}</Typography.Text></Flex> },
        { title: t('half.am'), key: 'am', render: (_: unknown, r: { date: string }) => cell(r.date, 'am') },
        { title: t('half.pm'), key: 'pm', render: (_: unknown, r: { date: string }) => cell(r.date, 'pm') },
      ]} />
  );
}

/** One visit plan: the weekly planner grid (or the list of a quarter / month / day plan), the checks' warnings, the customers due, submit. */
export function VisitPlanDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('visitPlans');
  const { can } = useAccess();
  const session = useSession();
  const plan = useVisitPlan(id);
  const put = usePutItems();
  const submit = useSubmitVisitPlan();
  const [rows, setRows] = useState<Row[]>([]);
  const [dirty, setDirty] = useState(false);
  const [adding, setAdding] = useState<{ slot: { date: string; halfDay: HalfDay } | null; preset: { customerId: string; customerName: string } | null } | null>(null);
  useEffect(() => {
    if (plan.data) { setRows(rowsOf(plan.data)); setDirty(false); }
  }, [plan.data]);
  const warnedKeys = useMemo(() => new Set(plan.data?.warnings.flatMap((w) => w.itemIds) ?? []), [plan.data]);

  if (plan.isLoading) return <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;
  if (plan.error || !plan.data) return <Result status="warning" title={<ErrorAlert error={plan.error} />} />;
  const p = plan.data;
  const editable = can('visit_plan:write') && (p.status === 'draft' || p.status === 'returned');
  const isMine = session.data?.user.id === p.ownerId;

  const add = (v: NewVisit) => {
    setRows((rs) => [...rs, { customerId: v.customerId, plannedDate: v.plannedDate, halfDay: v.halfDay, purpose: v.purpose, isExecutiveBooking: v.isExecutiveBooking, key: `new-${++rowKey}`, customerName: v.customerName, valueClass: null, status: 'planned', executive: v.isExecutiveBooking }]);
    setDirty(true);
  };
  const remove = (key: string) => { setRows((rs) => rs.filter((r) => r.key !== key)); setDirty(true); };
  const save = async () => {
    await put.mutateAsync({ id: p.id, version: p.version, items: rows.map(({ key: _k, customerName: _n, valueClass: _v, status: _s, executive: _e, ...input }) => input) });
    message.success(t('planner.saved'));
  };
  const doSubmit = async () => {
    await submit.mutateAsync({ id: p.id, version: p.version });
    message.success(t('plan.submitted'));
  };
  const title = `${t(`period.${p.period}`)} ${p.periodStart === p.periodEnd ? p.periodStart : `${p.periodStart} ~ ${p.periodEnd}`} · ${p.ownerName}`;
  const firstDay = rows.find((r) => r.plannedDate)?.plannedDate ?? p.periodStart;

  return (
    <PageContainer title={title} extra={(
      <>
        {p.period === 'week' || p.period === 'day' ? <Link to={`/visit-plans/map?plan=${p.id}&date=${firstDay}`}><Button icon={<CompassOutlined />}>{t('planner.route')}</Button></Link> : null}
        {editable ? <Button icon={<SaveOutlined />} disabled={!dirty} loading={put.isPending} onClick={() => void save()} data-testid="save-plan">{t('planner.save')}</Button> : null}
        {editable && isMine ? <Button type="primary" icon={<SendOutlined />} disabled={dirty} loading={submit.isPending} onClick={() => void doSubmit()} data-testid="submit-plan">{t('plan.submit')}</Button> : null}
      </>
    )}>
      <Flex vertical gap={16}>
        <ErrorAlert error={put.error ?? submit.error} />
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 4 }} items={[
          { key: 'status', label: t('plan.status'), children: <PlanStatusTag plan={p} /> },
          { key: 'due', label: t('plan.dueDate'), children: p.dueDate ?? '—' },
          { key: 'visits', label: t('plan.visits'), children: `${p.doneCount} / ${p.itemCount}` },
          ...(p.freeHalfDays !== null ? [{ key: 'free', label: t('planner.freeHalfDays'), children: <span data-testid="free-half-days">{p.freeHalfDays} / 10</span> }] : []),
        ]} />
        {dirty ? <Alert type="info" showIcon title={t('planner.unsaved')} /> : null}
        {p.warnings.length > 0 ? (
          <Alert type="warning" showIcon data-testid="plan-warnings" title={t('planner.warningsTitle')}
            description={<ul style={{ margin: 0, paddingInlineStart: 18 }}>{p.warnings.map((w) => <li key={w.code}>{w.message}</li>)}</ul>} />
        ) : <Alert type="success" showIcon title={t('planner.noWarnings')} />}
        {p.period === 'week' ? (
          <WeekGrid plan={p} rows={rows} editable={editable} warnedKeys={warnedKeys} onRemove={remove} onAdd={(slot) => setAdding({ slot, preset: null })} />
        ) : (
          <Card size="small" title={t('planner.visits')} extra={editable ? <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding({ slot: null, preset: null })}>{t('planner.add')}</Button> : null}>
            <Table size="small" rowKey="key" dataSource={rows} pagination={false} scroll={{ x: 520 }} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planner.empty')} /> }}
              columns={[
                { title: t('planner.customer'), dataIndex: 'customerName', render: (_: string, r: Row) => <VisitChip row={r} editable={false} warned={warnedKeys.has(r.key)} onRemove={() => undefined} /> },
                { title: t('planner.day'), key: 'day', render: (_: unknown, r: Row) => (r.plannedDate ? `${r.plannedDate} ${r.halfDay ? t(`half.${r.halfDay}`) : ''}` : '—') },
                { title: t('planner.plannedVisits'), dataIndex: 'plannedVisits', align: 'right' },
                { title: t('planner.purpose'), dataIndex: 'purpose', render: (v: string | null) => v ?? '—' },
                { title: '', key: 'x', width: 48, render: (_: unknown, r: Row) => (editable ? <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('planner.remove')} onClick={() => remove(r.key)} /> : null) },
              ]} />
          </Card>
        )}
        <Card size="small" title={t('planner.dueTitle')} data-testid="due-customers">
          {p.dueCustomers.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('planner.noneDue')} /> : (
            <List size="small" dataSource={p.dueCustomers.slice(0, 12)} renderItem={(d) => {
              const planned = rows.some((r) => r.customerId === d.customerId);
              return (
                <List.Item actions={editable && !planned && p.period !== 'week' ? [<Button key="add" size="small" onClick={() => setAdding({ slot: null, preset: { customerId: d.customerId, customerName: d.customerName } })}>{t('planner.plan')}</Button>] : []}>
                  <Space wrap size={4}>
                    <Tag color={d.status === 'overdue' ? 'red' : 'orange'}>{t(`due.${d.status}`)}</Tag>
                    <Link to={`/customers/${d.customerId}`}>{d.customerName}</Link>
                    <Tag>{d.valueClass}</Tag>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{d.lastVisitOn ? t('planner.lastVisit', { date: d.lastVisitOn }) : t('planner.neverVisited')}</Typography.Text>
                    {planned ? <Tag color="green">{t('planner.inPlan')}</Tag> : null}
                  </Space>
                </List.Item>
              );
            }} />
          )}
        </Card>
      </Flex>
      <AddVisitModal open={adding !== null} slot={adding?.slot ?? null} preset={adding?.preset ?? null} range={{ from: p.periodStart, to: p.periodEnd }}
        onAdd={add} onClose={() => setAdding(null)} />
    </PageContainer>
  );
}
