import { AimOutlined, CameraOutlined, CheckCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Radio, Result, Segmented, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { todayIn } from '../../../../shared/dates';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { uploadPhoto, useCheckIn, useCustomersNear, useVisitPlan, useVisitPlans, type CheckIn } from '../api';
import { mondayOf } from '../periods';

type Target = { kind: 'item'; id: string; customerId: string; name: string } | { kind: 'customer'; id: string; customerId: string; name: string };
type Locating = 'idle' | 'locating' | 'located' | 'failed' | 'unsupported';

/** Today's visits of my week plan, to pick the one being made. */
function TodaysVisits({ selected, onSelect }: { selected: Target | null; onSelect: (t: Target) => void }) {
  const { t } = useTranslation('visitPlans');
  const today = todayIn();
  const monday = mondayOf(today);
  const plans = useVisitPlans({ owner: 'me', period: 'week', from: monday, to: monday });
  const plan = useVisitPlan(plans.data?.items[0]?.id);
  const items = (plan.data?.items ?? []).filter((i) => i.plannedDate === today);
  return (
    <Card size="small" title={t('checkIn.today')} data-testid="todays-visits">
      {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkIn.noneToday')} /> : (
        <List size="small" dataSource={items} renderItem={(i) => (
          <List.Item onClick={() => i.status !== 'done' && onSelect({ kind: 'item', id: i.id, customerId: i.customerId, name: i.customerName })} style={{ cursor: i.status === 'done' ? 'default' : 'pointer' }}>
            <Space size={6} wrap>
              <Radio checked={selected?.kind === 'item' && selected.id === i.id} disabled={i.status === 'done'} aria-label={i.customerName} />
              <span>{i.customerName}</span>
              <Tag>{i.halfDay ? t(`half.${i.halfDay}`) : ''}</Tag>
              {i.status === 'done' ? <Tag color="green" icon={<CheckCircleOutlined />}>{t('itemStatus.done')}</Tag> : null}
            </Space>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** 附近客户: customers I may see within a radius of where I am, nearest first. */
function NearMe({ point, selected, onSelect }: { point: { lat: number; lng: number } | null; selected: Target | null; onSelect: (t: Target) => void }) {
  const { t } = useTranslation('visitPlans');
  const [radius, setRadius] = useState(5);
  const near = useCustomersNear(point, radius);
  return (
    <Card size="small" title={t('checkIn.near')} data-testid="near-me"
      extra={<Segmented size="small" value={radius} onChange={(v) => setRadius(Number(v))} options={[1, 3, 5, 10].map((r) => ({ value: r, label: `${r} km` }))} />}>
      <ErrorAlert error={near.error} />
      {!point ? <Typography.Text type="secondary">{t('checkIn.locateFirst')}</Typography.Text> : (near.data?.items.length ?? 0) === 0 && !near.isLoading ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkIn.noneNear', { km: radius })} />
      ) : (
        <List size="small" loading={near.isLoading} dataSource={near.data?.items ?? []} renderItem={(c) => (
          <List.Item onClick={() => onSelect({ kind: 'customer', id: c.id, customerId: c.id, name: c.name })} style={{ cursor: 'pointer' }}>
            <Flex justify="space-between" style={{ width: '100%' }} gap={8}>
              <Space size={6} style={{ minWidth: 0 }}>
                <Radio checked={selected?.kind === 'customer' && selected.id === c.id} aria-label={c.name} />
                <Flex vertical style={{ minWidth: 0 }}>
                  <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{c.address ?? ''}</Typography.Text>
                </Flex>
              </Space>
              <Tag color="blue" style={{ flexShrink: 0 }}>{c.distanceKm < 1 ? `${Math.round(c.distanceKm * 1000)} m` : `${c.distanceKm.toFixed(1)} km`}</Tag>
            </Flex>
          </List.Item>
        )} />
      )}
    </Card>
  );
}

/** 现场签到 (phone): where I am (GPS or typed), what I am visiting, address and an optional photo → the visit is done. */
export function CheckInPage() {
  const { t } = useTranslation('visitPlans');
  const [form] = Form.useForm<{ latitude: number | null; longitude: number | null; address: string; note: string }>();
  const [locating, setLocating] = useState<Locating>(typeof navigator !== 'undefined' && 'geolocation' in navigator ? 'idle' : 'unsupported');
  const [accuracy, setAccuracy] = useState<number | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [photo, setPhoto] = useState<File | null>(null);
  const [done, setDone] = useState<CheckIn | null>(null);
  const [uploading, setUploading] = useState(false);
  const checkIn = useCheckIn();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const lat = Form.useWatch('latitude', form);
  const lng = Form.useWatch('longitude', form);
  const point = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;

  const locate = () => {
    if (!('geolocation' in navigator)) { setLocating('unsupported'); return; }
    setLocating('locating');
    navigator.geolocation.getCurrentPosition((pos) => {
      form.setFieldsValue({ latitude: Number(pos.coords.latitude.toFixed(6)), longitude: Number(pos.coords.longitude.toFixed(6)) });
      setAccuracy(Math.round(pos.coords.accuracy));
      setLocating('located');
    }, () => setLocating('failed'), { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 });
  };

  const submit = async (v: { latitude: number | null; longitude: number | null; address: string; note: string }) => {
    clearFormError();
    if (!target) return;
    try {
      setUploading(Boolean(photo));
      const photoAttachmentId = photo ? await uploadPhoto(target.customerId, photo) : null;
      setUploading(false);
      const result = await checkIn.mutateAsync({
        latitude: v.latitude as number, longitude: v.longitude as number, accuracyMeters: accuracy, address: v.address?.trim() || null, note: v.note?.trim() || null,
        photoAttachmentId, ...(target.kind === 'item' ? { planItemId: target.id } : { customerId: target.customerId }),
      });
      setDone(result);
    } catch (error) { setUploading(false); handleError(error); }
  };

  if (done) {
    return (
      <PageContainer title={t('checkIn.title')}>
        <Result status="success" title={t('checkIn.done', { name: done.customerName })} data-testid="check-in-done"
          subTitle={[new Date(done.checkedAt).toLocaleTimeString(), done.address, done.distanceFromCustomerKm !== null ? t('checkIn.distance', { km: done.distanceFromCustomerKm.toFixed(2) }) : null].filter(Boolean).join(' · ')}
          extra={<Button type="primary" onClick={() => { setDone(null); setTarget(null); setPhoto(null); form.resetFields(['address', 'note']); }}>{t('checkIn.again')}</Button>} />
      </PageContainer>
    );
  }

  return (
    <PageContainer title={t('checkIn.title')}>
      <Flex vertical gap={12} style={{ maxWidth: 640 }}>
        <Card size="small" title={<Space><EnvironmentOutlined />{t('checkIn.where')}</Space>}
          extra={<Button type="primary" size="small" icon={<AimOutlined />} loading={locating === 'locating'} onClick={locate} disabled={locating === 'unsupported'} data-testid="locate">{t('checkIn.locate')}</Button>}>
          {locating === 'failed' || locating === 'unsupported' ? <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t(locating === 'failed' ? 'checkIn.locateFailed' : 'checkIn.unsupported')} /> : null}
          {locating === 'located' && accuracy !== null ? <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{t('checkIn.accuracy', { m: accuracy })}</Typography.Text> : null}
          <ErrorAlert error={formError} />
          <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} id="check-in-form">
            <Flex gap={8}>
              <Form.Item name="latitude" label={t('checkIn.latitude')} rules={[{ required: true, message: t('checkIn.needCoordinates') }]} style={{ flex: 1, marginBottom: 8 }}>
                <InputNumber style={{ width: '100%' }} min={-90} max={90} step={0.0001} inputMode="decimal" data-testid="lat" />
              </Form.Item>
              <Form.Item name="longitude" label={t('checkIn.longitude')} rules={[{ required: true, message: t('checkIn.needCoordinates') }]} style={{ flex: 1, marginBottom: 8 }}>
                <InputNumber style={{ width: '100%' }} min={-180} max={180} step={0.0001} inputMode="decimal" data-testid="lng" />
              </Form.Item>
            </Flex>
            <Form.Item name="address" label={t('checkIn.address')} style={{ marginBottom: 8 }}><Input maxLength={300} placeholder={t('checkIn.addressPlaceholder')} /></Form.Item>
            <Form.Item name="note" label={t('checkIn.note')} style={{ marginBottom: 0 }}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          </Form>
        </Card>
        <TodaysVisits selected={target} onSelect={setTarget} />
        <NearMe point={point} selected={target} onSelect={setTarget} />
        <Card size="small">
          <Flex vertical gap={8}>
            <Typography.Text>{target ? t('checkIn.visiting', { name: target.name }) : t('checkIn.pick')}</Typography.Text>
            <Upload accept="image/*" maxCount={1} beforeUpload={(file) => { setPhoto(file); return false; }} onRemove={() => setPhoto(null)} fileList={photo ? [{ uid: 'photo', name: photo.name }] : []}>
              <Button icon={<CameraOutlined />} disabled={!target}>{t('checkIn.photo')}</Button>
            </Upload>
            <Button type="primary" size="large" block htmlType="submit" form="check-in-form" disabled={!target} loading={checkIn.isPending || uploading} data-testid="check-in-submit">
              {t('checkIn.submit')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </PageContainer>
  );
}
