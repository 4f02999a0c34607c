import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Grid, Space, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { API_BASE } from '../../../platform/http/http-client';
import { PageContainer } from '../../../platform/layout/page-container';
import { useCancelShipment, useCreditPosition, useRequestOverride, useShipment, type Shipment } from '../api';
import { CreditPositionPanel } from '../components/credit-position-panel';
import { ReasonModal } from '../components/reason-modal';
import { OverrideTag, RushTag, ShipmentStatusTag } from '../components/shipment-tags';
import { useWarehouseActions, WarehouseStepButtons } from '../components/warehouse-step-button';

const flow = ['created', 'reviewed', 'picked', 'packed', 'shipped', 'delivered'] as const;
const beforeShipping: Shipment['status'][] = ['pending_review', 'reviewed', 'picked', 'packed'];

/** 发货单详情: lines, the steps timeline, the credit position (frozen on hold, live before shipping) and the next action. */
export function ShipmentDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation('shipments');
  const { can } = useAccess();
  const { message } = App.useApp();
  const isPhone = !Grid.useBreakpoint().md;
  const fmt = useFormatInstant();
  const query = useShipment(id);
  const s = query.data;
  const live = useCreditPosition({ shipmentId: id }, Boolean(s && beforeShipping.includes(s.status)));
  const actions = useWarehouseActions();
  const override = useRequestOverride();
  const cancel = useCancelShipment(id ?? '');
  const [dialog, setDialog] = useState<'override' | 'cancel' | null>(null);
  if (query.isError) return <PageContainer title={t('list.title')}><ErrorAlert error={query.error} /></PageContainer>;
  if (!s) return <PageContainer title={t('list.title')}><Card loading /></PageContainer>;

  const reached = flow.filter((step) => s.steps.some((x) => x.step === step)).length;
  const stepAt = (step: string) => s.steps.find((x) => x.step === step);
  const extra = (
    <Space wrap>
      {can('shipment:warehouse') ? <WarehouseStepButtons shipment={s} actions={actions} /> : null}
      {s.canRequestOverride ? <Button type="primary" danger onClick={() => setDialog('override')} data-testid="request-override">{t('detail.requestOverride')}</Button> : null}
      {s.canCancel ? <Button onClick={() => setDialog('cancel')}>{t('detail.cancel')}</Button> : null}
      <Button icon={<PrinterOutlined />} href={`${API_BASE}/shipments/${s.id}/delivery-note.pdf`} target="_blank">{t('detail.deliveryNote')}</Button>
    </Space>
  );

  return (
    <PageContainer title={`${t('field.number')} ${s.number}`} extra={extra}>
      <Flex vertical gap={16}>
        <Flex gap={8} align="center" wrap data-testid="shipment-tags"><ShipmentStatusTag status={s.status} />{s.isRush ? <RushTag /> : null}<OverrideTag status={s.overrideStatus} /></Flex>
        {s.status === 'credit_hold' ? (
          <Alert type="warning" showIcon message={t('detail.overrideHint')}
            action={s.overrideApprovalId && s.overrideStatus === 'pending' ? <Link to={`/inbox/${s.overrideApprovalId}`}><Button size="small">{t('detail.openApproval')}</Button></Link> : undefined} />
        ) : null}
        {s.status === 'cancelled' && s.cancelReason ? <Alert type="info" showIcon message={`${t('field.cancelReason')}：${s.cancelReason}`} /> : null}
        <Card size="small" title={t('detail.timeline')}>
          <Steps size="small" direction={isPhone ? 'vertical' : 'horizontal'} current={Math.max(reached - 1, 0)} status={s.status === 'cancelled' ? 'error' : undefined}
            items={flow.map((step) => {
              const at = stepAt(step);
              return { title: t(`timeline.${step}`), description: at ? `${fmt(at.at)}${at.by ? ` · ${at.by.name}` : ''}` : undefined };
            })} />
        </Card>
        <Card size="small">
          <Descriptions size="small" column={isPhone ? 1 : 3} items={[
            { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${s.customer.id}`}>{s.customer.name}</Link> },
            { key: 'order', label: t('field.order'), children: <Link to={`/orders/${s.order.id}`}>{s.order.number}</Link> },
            { key: 'contract', label: t('field.contract'), children: <Link to={`/contracts/${s.contract.id}`}>{s.contract.number}</Link> },
            { key: 'amount', label: t('field.amount'), children: <Typography.Text strong>{formatMoney(s.amount)}</Typography.Text> },
            { key: 'planned', label: t('field.plannedDate'), children: s.plannedDate },
            { key: 'owner', label: t('field.owner'), children: s.owner.name },
            { key: 'address', label: t('field.deliveryAddress'), children: s.deliveryAddress ?? '—' },
            { key: 'carrier', label: t('field.carrier'), children: s.carrier ? `${s.carrier} · ${s.trackingNo ?? ''}` : '—' },
            { key: 'receiver', label: t('field.receiver'), children: s.receiver ? `${s.receiver}${s.handedOverAt ? ` · ${fmt(s.handedOverAt)}` : ''}` : '—' },
            ...(s.overrideReason ? [{ key: 'overrideReason', label: t('field.overrideReason'), children: s.overrideReason }] : []),
            ...(s.note ? [{ key: 'note', label: t('field.note'), children: s.note }] : []),
          ]} />
        </Card>
        <Card size="small" title={t('detail.lines')}>
          <Table rowKey="orderLineIndex" size="small" pagination={false} dataSource={s.lines} scroll={isPhone ? { x: 560 } : undefined} columns={[
            { title: t('field.line'), dataIndex: 'description' },
            { title: t('field.packaging'), dataIndex: 'packaging', width: 100, render: (p: string | null) => p ?? '—' },
            { title: t('field.quantity'), key: 'q', width: 110, align: 'right', render: (_, l) => `${l.quantity} ${l.unit}` },
            { title: t('field.unitPrice'), dataIndex: 'unitPrice', width: 120, align: 'right', render: (v: string) => formatMoney(v) },
            { title: t('field.lineAmount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: string) => formatMoney(v) },
          ]} />
        </Card>
        {s.status === 'credit_hold' || (s.creditPosition && !beforeShipping.includes(s.status)) ? (
          <CreditPositionPanel title={t('detail.creditFrozen')} position={s.creditPosition ?? undefined} overridden={s.overrideStatus === 'approved'} />
        ) : null}
        {beforeShipping.includes(s.status) ? (
          <>
            {live.data && !live.data.passes && s.status === 'packed' ? <Alert type="error" showIcon message={t('detail.shipBlocked')} /> : null}
            <CreditPositionPanel title={t('detail.credit')} position={live.data} loading={live.isPending} error={live.error} />
          </>
        ) : null}
      </Flex>
      {actions.modal}
      <ReasonModal open={dialog === 'override'} title={t('modal.override')} okText={t('detail.requestOverride')} label={t('field.overrideReason')} loading={override.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(reason, onError) => override.mutate({ id: s.id, reason }, { onSuccess: () => { setDialog(null); void message.success(t('new.held')); }, onError })} />
      <ReasonModal open={dialog === 'cancel'} title={t('modal.cancel')} okText={t('detail.cancel')} label={t('field.cancelReason')} loading={cancel.isPending}
        onCancel={() => setDialog(null)}
        onSubmit={(reason, onError) => cancel.mutate({ version: s.version, reason }, { onSuccess: () => setDialog(null), onError })} />
    </PageContainer>
  );
}
