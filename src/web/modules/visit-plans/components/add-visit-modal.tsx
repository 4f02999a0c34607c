import { Checkbox, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HalfDay } from '../../../../shared/contracts/visit-plans.contract';
import { useCustomerSearch } from '../api';

export interface NewVisit { customerId: string; customerName: string; plannedDate: string | null; halfDay: HalfDay | null; purpose: string | null; isExecutiveBooking: boolean }

/** Adds a visit: a customer (my customers, or search), the day and half-day, the purpose, an executive booking flag. */
export function AddVisitModal({ open, slot, preset, range, onAdd, onClose }: {
  open: boolean;
  /** the grid cell clicked (week plans); otherwise the day is picked */
  slot: { date: string; halfDay: HalfDay } | null;
  preset?: { customerId: string; customerName: string } | null;
  range: { from: string; to: string };
  onAdd: (visit: NewVisit) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('visitPlans');
  const [q, setQ] = useState('');
  const customers = useCustomerSearch(q);
  const [form] = Form.useForm<{ customerId: string; day: Dayjs | null; halfDay: HalfDay | null; purpose: string; isExecutiveBooking: boolean }>();
  const options = [
    ...(preset ? [{ value: preset.customerId, label: preset.customerName }] : []),
    ...(customers.data?.items ?? []).filter((c) => c.id !== preset?.customerId).map((c) => ({ value: c.id, label: `${c.name} · ${c.valueClass}` })),
  ];
  const finish = (v: { customerId: string; day: Dayjs | null; halfDay: HalfDay | null; purpose: string; isExecutiveBooking: boolean }) => {
    const label = options.find((o) => o.value === v.customerId)?.label.split(' · ')[0] ?? '';
    onAdd({
      customerId: v.customerId, customerName: label, plannedDate: slot?.date ?? v.day?.format('YYYY-MM-DD') ?? null, halfDay: slot?.halfDay ?? v.halfDay ?? null,
      purpose: v.purpose?.trim() || null, isExecutiveBooking: Boolean(v.isExecutiveBooking),
    });
    form.resetFields();
    onClose();
  };
  return (
    <Modal open={open} title={slot ? t('planner.addTo', { date: slot.date, half: t(`half.${slot.halfDay}`) }) : t('planner.add')} onCancel={onClose}
      onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={finish} preserve={false}
        initialValues={{ customerId: preset?.customerId, day: slot ? dayjs(slot.date) : null, halfDay: slot?.halfDay ?? 'am', isExecutiveBooking: false }}>
        <Form.Item name="customerId" label={t('planner.customer')} rules={[{ required: true }]}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} options={options} loading={customers.isFetching} placeholder={t('planner.customerPlaceholder')} data-testid="visit-customer" />
        </Form.Item>
        {slot ? null : (
          <>
            <Form.Item name="day" label={t('planner.day')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.format('YYYY-MM-DD') < range.from || d.format('YYYY-MM-DD') > range.to} />
            </Form.Item>
            <Form.Item name="halfDay" label={t('planner.halfDay')}>
              <Radio.Group options={(['am', 'pm'] as const).map((h) => ({ value: h, label: t(`half.${h}`) }))} />
            </Form.Item>
          </>
        )}
        <Form.Item name="purpose" label={t('planner.purpose')}><Input maxLength={500} placeholder={t('planner.purposePlaceholder')} /></Form.Item>
        <Form.Item name="isExecutiveBooking" valuePropName="checked"><Checkbox>{t('planner.executive')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}
