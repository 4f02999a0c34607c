import { Alert, Button, Card, Col, Empty, Form, Input, Row, Segmented, Select, Space, Table, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { leadSources } from '../../../../shared/contracts/leads.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useRegisterVisit, useRoster, useVisits, type ReceptionVisit, type RegisterVisitInput } from '../api';
import { ReassignModal } from '../components/reassign-modal';
import { RoutedByTag, useRoutingReason, VisitStatusTags } from '../components/visit-tags';
import { todayLocal } from '../components/dates';

type Kind = RegisterVisitInput['kind'];
interface DeskForm { company: string; contactName?: string; phone?: string; source: RegisterVisitInput['source']; saysKnownRep?: string }

const defaultSource: Record<Kind, RegisterVisitInput['source']> = { walk_in: 'walk_in', call: 'phone' };

/** The front desk (前台): register a walk-in or call fast, see whom it went to and why, and today's log. */
export function DeskPage() {
  const { t } = useTranslation('reception');
  const today = todayLocal();
  const [form] = Form.useForm<DeskForm>();
  const [kind, setKind] = useState<Kind>('walk_in');
  const [result, setResult] = useState<ReceptionVisit | null>(null);
  const [reassigning, setReassigning] = useState<ReceptionVisit | null>(null);
  const companyRef = useRef<InputRef>(null);
  const register = useRegisterVisit();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const roster = useRoster({ from: today, to: today });
  const visits = useVisits({ date: today }, { refetchInterval: 30_000 });
  const reason = useRoutingReason();
  const formatInstant = useFormatInstant();
  const candidates = roster.data?.candidates ?? [];
  const onDuty = roster.data?.days[0]?.members ?? [];

  const changeKind = (next: Kind) => {
    if (form.getFieldValue('source') === defaultSource[kind]) form.setFieldValue('source', defaultSource[next]);
    setKind(next);
    companyRef.current?.focus();
  };

  const submit = (values: DeskForm) => {
    clearFormError();
    register.mutate({
      kind, company: values.company, contactName: values.contactName?.trim() || null, phone: values.phone?.trim() || null,
      source: values.source, saysKnownRep: values.saysKnownRep ?? null,
    }, {
      onSuccess: (visit) => {
        setResult(visit);
        form.resetFields();
        form.setFieldValue('source', defaultSource[kind]);
        companyRef.current?.focus();
      },
      onError: handleError,
    });
  };

  const columns = [
    { title: t('col.time'), key: 'time', width: 70, render: (_: unknown, v: ReceptionVisit) => formatInstant(v.registeredAt).slice(-5) },
    { title: t('col.kind'), key: 'kind', width: 64, render: (_: unknown, v: ReceptionVisit) => t(`desk.kind.${v.kind}`) },
    { title: t('col.company'), dataIndex: 'company', key: 'company', width: 200, ellipsis: true },
    { title: t('col.source'), key: 'source', width: 110, render: (_: unknown, v: ReceptionVisit) => t(`source.${v.source}`) },
    { title: t('col.assignee'), key: 'assignee', width: 90, render: (_: unknown, v: ReceptionVisit) => v.assignee.name },
    { title: t('col.routedBy'), key: 'routedBy', width: 120, render: (_: unknown, v: ReceptionVisit) => <RoutedByTag routedBy={v.routedBy} /> },
    { title: t('col.status'), key: 'status', width: 150, render: (_: unknown, v: ReceptionVisit) => <VisitStatusTags visit={v} /> },
    {
      title: t('col.actions'), key: 'actions', width: 80,
      render: (_: unknown, v: ReceptionVisit) => (v.access.canReassign
        ? <Button size="small" onClick={() => setReassigning(v)} data-testid="reassign">{t('reassign.action')}</Button> : null),
    },
  ];

  return (
    <PageContainer title={t('desk.title')}>
      {roster.data ? (
        <Alert type={onDuty.length > 0 ? 'info' : 'warning'} showIcon style={{ marginBottom: 16 }} data-testid="desk-on-duty"
          title={onDuty.length > 0 ? t('desk.onDuty', { names: onDuty.map((m) => m.name).join('、') }) : t('desk.noRoster')} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card>
            <ErrorAlert error={formError} />
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ source: 'walk_in' }} requiredMark={false} data-testid="desk-form">
              <Form.Item>
                <Segmented<Kind> block value={kind} onChange={changeKind} data-testid="desk-kind"
                  options={[{ value: 'walk_in', label: t('desk.kind.walk_in') }, { value: 'call', label: t('desk.kind.call') }]} />
              </Form.Item>
              <Form.Item name="company" label={t('desk.company')} rules={[{ required: true, whitespace: true, message: t('field.required') }]}>
                <Input ref={companyRef} autoFocus size="large" maxLength={200} placeholder={t('desk.companyPlaceholder')} data-testid="desk-company" />
              </Form.Item>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="contactName" label={t('desk.contactName')}><Input maxLength={100} data-testid="desk-contact" /></Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="phone" label={t('desk.phone')}><Input maxLength={40} inputMode="tel" data-testid="desk-phone" /></Form.Item>
                </Col>
              </Row>
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item name="source" label={t('desk.source')}>
                    <Select options={leadSources.map((s) => ({ value: s, label: t(`source.${s}`) }))} data-testid="desk-source" />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item name="saysKnownRep" label={t('desk.saysKnownRep')}>
                    <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('desk.saysKnownRepPlaceholder')}
                      options={candidates.map((c) => ({ value: c.id, label: c.name }))} data-testid="desk-known-rep" />
                  </Form.Item>
                </Col>
              </Row>
              <Space align="center" wrap>
                <Button type="primary" size="large" htmlType="submit" loading={register.isPending} data-testid="desk-submit">{t('desk.submit')}</Button>
                <Typography.Text type="secondary">{t('desk.submitHint')}</Typography.Text>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card style={{ height: '100%' }} data-testid="desk-result">
            {result ? (
              <div aria-live="polite">
                <Typography.Text type="secondary">{result.number} · {result.company} · {t('result.assignee')}</Typography.Text>
                <Typography.Title level={1} style={{ margin: '8px 0', fontSize: 44 }} data-testid="desk-assignee">{result.assignee.name}</Typography.Title>
                <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="desk-reason">{reason(result)}</Typography.Title>
                <VisitStatusTags visit={result} />
                {result.leadId ? <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t('result.lead')}</Typography.Paragraph> : null}
              </div>
            ) : <Empty description={t('desk.submitHint')} />}
          </Card>
        </Col>
      </Row>
      <Card title={t('desk.today')} style={{ marginTop: 16 }}>
        <Table<ReceptionVisit> rowKey="id" size="small" columns={columns} dataSource={visits.items} loading={visits.isPending}
          pagination={false} scroll={{ x: 960 }} locale={{ emptyText: <Empty description={t('desk.empty')} /> }} data-testid="desk-visits" />
        <LoadMore hasMore={visits.hasNextPage} loading={visits.isFetchingNextPage} onLoad={() => void visits.fetchNextPage()} count={visits.items.length} />
      </Card>
      {reassigning ? <ReassignModal visit={reassigning} candidates={candidates} onClose={() => setReassigning(null)} /> : null}
    </PageContainer>
  );
}
