import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, DatePicker, Empty, Form, Popconfirm, Row, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collaboratorAccess } from '../../../../shared/contracts/customers.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useAddCollaborator, useCollaborators, useRemoveCollaborator, type Collaborator, type CustomerDetail } from '../api';
import { UserSelect } from './user-select';

interface Values { userId: string; access: Collaborator['access']; expiresOn?: Dayjs | null }

function AddCollaboratorForm({ customer, existing, onDone }: { customer: CustomerDetail; existing: string[]; onDone: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddCollaborator(customer.id);
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = (v: Values) => {
    clearFormError();
    add.mutate({ userId: v.userId, access: v.access, expiresOn: v.expiresOn ? v.expiresOn.format('YYYY-MM-DD') : null }, {
      onSuccess: () => { void message.success(t('collab.added')); onDone(); },
      onError: handleError,
    });
  };
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="add-collaborator-form">
      <ErrorAlert error={formError} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ access: 'read' }}>
        <Row gutter={12}>
          <Col xs={24} md={9}>
            <Form.Item name="userId" label={t('collab.user')} rules={[{ required: true, message: t('field.required') }]}>
              <UserSelect autoFocus excludeIds={[customer.ownerId, ...existing]} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="access" label={t('collab.access')}>
              <Select options={collaboratorAccess.map((a) => ({ value: a, label: t(`collab.access.${a}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={9}>
            <Form.Item name="expiresOn" label={t('collab.expiresOn')} extra={t('collab.noExpiry')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={add.isPending}>{tp('actions.save')}</Button>
        <Button type="text" onClick={onDone} style={{ marginLeft: 8 }}>{tp('actions.cancel')}</Button>
      </Form>
    </Card>
  );
}

/** Colleagues the customer is shared with (read or read-write, optionally until a date). */
export function CollaboratorsTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { can } = useAccess();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const collaborators = useCollaborators(customer.id);
  const remove = useRemoveCollaborator(customer.id);
  const [adding, setAdding] = useState(false);
  const canShare = customer.access.canManage && can('customer:share');
  const items = collaborators.data?.items ?? [];

  return (
    <div data-testid="collaborators-tab">
      {canShare && !adding ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginBottom: 16 }} data-testid="add-collaborator">{t('collab.add')}</Button>
      ) : null}
      {adding ? <AddCollaboratorForm customer={customer} existing={items.map((c) => c.user.id)} onDone={() => setAdding(false)} /> : null}
      {collaborators.isError ? <ErrorAlert error={collaborators.error} /> : null}
      <Table<Collaborator>
        rowKey="id"
        size="middle"
        loading={collaborators.isPending}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty description={t('collab.empty')} /> }}
        columns={[
          { title: t('collab.user'), key: 'user', render: (_, c) => c.user.name },
          { title: t('collab.access'), dataIndex: 'access', render: (a: Collaborator['access']) => <Tag color={a === 'write' ? 'orange' : 'default'}>{t(`collab.access.${a}`)}</Tag> },
          { title: t('collab.expiresOn'), key: 'expiresOn', render: (_, c) => (
            <>
              {c.expiresOn ?? <Typography.Text type="secondary">{t('collab.noExpiry')}</Typography.Text>}
              {c.isActive ? null : <Tag color="default" style={{ marginLeft: 8 }}>{t('collab.expired')}</Tag>}
            </>
          ) },
          ...(canShare ? [{ title: tp('actions.actions'), key: 'actions', render: (_: unknown, c: Collaborator) => (
            <Popconfirm title={t('collab.removeConfirm', { name: c.user.name })} okText={tp('actions.confirm')} cancelText={tp('actions.cancel')}
              onConfirm={() => remove.mutateAsync(c.user.id).then(() => void message.success(t('collab.removed')), toast)}>
              <Button size="small" danger>{t('collab.remove')}</Button>
            </Popconfirm>
          ) }] : []),
        ]}
      />
    </div>
  );
}
