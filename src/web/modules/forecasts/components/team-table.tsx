import { App, Button, DatePicker, Form, Input, Modal, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { LoadMore } from '../../../platform/list/load-more';
import { formatMoney } from '../../opportunities/components/money-format';
import { useAdjustForecast, useForecasts, type Forecast } from '../api';

const MONEY_PATTERN = /^\d{1,16}(\.\d{1,2})?$/;

/** The manager's view of a month: each rep's submitted forecast beside the adjusted one, adjusted from the row. */
export function TeamTable({ month, onMonthChange, orgNodeId, ownerId }: { month: string; onMonthChange: (m: string) => void; orgNodeId?: string; ownerId?: string }) {
  const { t } = useTranslation('forecasts');
  const list = useForecasts({ month, orgNodeId, ownerId });
  const [adjusting, setAdjusting] = useState<Forecast | null>(null);
  const columns = [
    { title: t('team.owner'), dataIndex: 'ownerName', key: 'owner', width: 110 },
    { title: t('team.submitted'), key: 'submitted', align: 'right' as const, width: 130, render: (_: unknown, r: Forecast) => formatMoney(r.submittedAmount) },
    {
      title: t('team.snapshot'), key: 'snapshot', align: 'right' as const, width: 200,
      render: (_: unknown, r: Forecast) => <Typography.Text type="secondary">{formatMoney(r.systemWeighted, { cents: false })} / {formatMoney(r.systemCommit, { cents: false })}</Typography.Text>,
    },
    {
      title: t('team.adjusted'), key: 'adjusted', align: 'right' as const, width: 130,
      render: (_: unknown, r: Forecast) => (r.adjustedAmount ? <Typography.Text strong>{formatMoney(r.adjustedAmount)}</Typography.Text> : '—'),
    },
    { title: t('team.adjustedBy'), dataIndex: 'adjustedByName', key: 'by', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: t('team.note'), key: 'note', ellipsis: true,
      render: (_: unknown, r: Forecast) => [r.submittedNote, r.adjustNote].filter(Boolean).join(' ／ ') || '—',
    },
    {
      title: t('team.actions'), key: 'actions', width: 80, fixed: 'right' as const,
      render: (_: unknown, r: Forecast) => (r.canAdjust ? <Button size="small" onClick={() => setAdjusting(r)} data-testid={`adjust-${r.ownerName}`}>{t('team.adjust')}</Button> : null),
    },
  ];
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} aria-label={t('team.month')} value={dayjs(`${month}-01`)} style={{ width: 120 }}
          onChange={(d) => { if (d) onMonthChange(d.format('YYYY-MM')); }} />
      </div>
      <ErrorAlert error={list.error} />
      <Table<Forecast> rowKey="id" size="small" columns={columns} dataSource={list.items} loading={list.isPending} pagination={false}
        scroll={{ x: 900 }} locale={{ emptyText: t('team.empty') }} data-testid="team-table" />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => { void list.fetchNextPage(); }} count={list.items.length} />
      {adjusting ? <AdjustModal forecast={adjusting} onClose={() => setAdjusting(null)} /> : null}
    </>
  );
}

interface Values { amount: string; note: string }

function AdjustModal({ forecast, onClose }: { forecast: Forecast; onClose: () => void }) {
  const { t } = useTranslation('forecasts');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { formError, handleError } = useFormErrors(form);
  const adjust = useAdjustForecast();
  const onFinish = (v: Values) => adjust.mutate({ id: forecast.id, version: forecast.version, amount: v.amount.trim(), note: v.note.trim() }, {
    onSuccess: () => { void message.success(t('adjust.saved')); onClose(); },
    onError: handleError,
  });
  return (
    <Modal open title={t('adjust.title', { name: forecast.ownerName, month: forecast.month })} okText={t('adjust.ok')} cancelText={t('adjust.cancel')}
      onOk={() => form.submit()} onCancel={onClose} confirmLoading={adjust.isPending} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('adjust.submitted', { amount: formatMoney(forecast.submittedAmount) })}</Typography.Paragraph>
      <ErrorAlert error={formError} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}
        initialValues={{ amount: forecast.adjustedAmount ?? forecast.submittedAmount, note: forecast.adjustNote ?? '' }}>
        <Form.Item name="amount" label={t('adjust.amount')} rules={[{ required: true, message: t('field.required') }, { pattern: MONEY_PATTERN, message: t('field.moneyFormat') }]}>
          <Input prefix="¥" inputMode="decimal" autoFocus autoComplete="off" data-testid="adjust-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('adjust.note')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
          <Input.TextArea rows={2} maxLength={1000} data-testid="adjust-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
