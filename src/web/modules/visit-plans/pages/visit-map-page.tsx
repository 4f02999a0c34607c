import { Card, DatePicker, Empty, Flex, Grid, List, Select, Space, Statistic, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { todayIn } from '../../../../shared/dates';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { useMyMappedCustomers, useRoute, useVisitPlans } from '../api';
import { VisitMap, type MapPoint } from '../components/visit-map';
import { mondayOf } from '../periods';

const classColor: Record<string, string> = { A: '#cf1322', B: '#d46b08', C: '#8c8c8c', D: '#bfbfbf' };

/** 拜访地图: my customers on a map, and a day's route of my week plan ordered to shorten travel, with the ordered list. */
export function VisitMapPage() {
  const { t } = useTranslation('visitPlans');
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const date = params.get('date') ?? todayIn();
  const monday = mondayOf(date);
  const plans = useVisitPlans({ owner: params.get('plan') ? undefined : 'me', period: 'week', from: monday, to: monday });
  const planId = params.get('plan') ?? plans.data?.items[0]?.id;
  const planOptions = (plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.ownerName} · ${p.periodStart}` }));
  const route = useRoute(planId, date);
  const customers = useMyMappedCustomers();

  const stops = useMemo(() => (route.data?.stops ?? []).filter((s) => s.item.latitude !== null && s.item.longitude !== null), [route.data]);
  const stopIds = new Set(stops.map((s) => s.item.customerId));
  const points: MapPoint[] = [
    ...(customers.data?.items ?? []).filter((c) => c.latitude && c.longitude && !stopIds.has(c.id))
      .map((c) => ({ id: c.id, lat: Number(c.latitude), lng: Number(c.longitude), label: `${c.name} (${c.valueClass})`, color: classColor[c.valueClass] ?? '#8c8c8c' })),
    ...stops.map((s) => ({ id: `stop-${s.item.id}`, lat: s.item.latitude!, lng: s.item.longitude!, label: s.item.customerName, color: '#1677ff', order: s.order })),
  ];
  const line = stops.map((s) => [s.item.latitude!, s.item.longitude!] as [number, number]);
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  const list = (
    <Card size="small" title={t('map.routeTitle', { date })} data-testid="route-list" style={{ minWidth: 0 }}>
      {route.data ? (
        <Flex gap={24} style={{ marginBottom: 12 }}>
          <Statistic title={t('map.before')} value={route.data.distanceBeforeKm} precision={1} suffix="km" />
          <Statistic title={t('map.after')} value={route.data.distanceAfterKm} precision={1} suffix="km" valueStyle={{ color: '#389e0d' }} />
        </Flex>
      ) : null}
      {(route.data?.stops.length ?? 0) === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={planId ? t('map.noVisits') : t('map.noPlan')} /> : (
        <List size="small" dataSource={route.data!.stops} renderItem={(s) => (
          <List.Item>
            <Space size={6} wrap>
              <Tag color={s.item.latitude === null ? 'default' : 'blue'} style={{ minWidth: 28, textAlign: 'center' }}>{s.order}</Tag>
              <Link to={`/customers/${s.item.customerId}`}>{s.item.customerName}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.item.halfDay ? t(`half.${s.item.halfDay}`) : ''}{s.legKm !== null ? ` · +${s.legKm.toFixed(1)} km` : ''}{s.item.latitude === null ? ` · ${t('map.noLocation')}` : ''}
              </Typography.Text>
              {s.item.status === 'done' ? <Tag color="green">{t('itemStatus.done')}</Tag> : null}
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );

  return (
    <PageContainer title={t('map.title')} extra={(
      <>
        <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => setParam('date', d?.format('YYYY-MM-DD'))} data-testid="route-date" />
        {planOptions.length > 1 ? <Select style={{ minWidth: 200 }} value={planId} options={planOptions} onChange={(v) => setParam('plan', v)} /> : null}
      </>
    )}>
      <ErrorAlert error={route.error ?? customers.error ?? plans.error} />
      <Flex gap={16} vertical={!screens.lg} align="stretch">
        <div style={{ flex: '1 1 auto', minWidth: 0 }}>
          <VisitMap points={points} route={line} height={screens.md ? 520 : 340} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('map.legend')}</Typography.Text>
        </div>
        <div style={{ flex: screens.lg ? '0 0 340px' : '1 1 auto', minWidth: 0 }}>{list}</div>
      </Flex>
    </PageContainer>
  );
}
