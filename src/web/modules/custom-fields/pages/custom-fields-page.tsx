import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldEntities } from '../../../../shared/contracts/custom-fields.contract';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { useCustomFields, useDeactivateCustomField, useUpdateCustomField, type CustomField, type CustomFieldEntity } from '../api';
import { CustomFieldModal } from '../components/custom-field-modal';
import { fieldLabel } from '../components/field-label';

/** 自定义字段: the administrator defines the extra fields of customers, contacts and leads. */
export function CustomFieldsPage() {
  const { t } = useTranslation('customFields');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [entity, setEntity] = useState<CustomFieldEntity>('customers');
  const [editing, setEditing] = useState<CustomField | 'new' | null>(null);
  const fields = useCustomFields(entity, true);
  const deactivate = useDeactivateCustomField();
  const update = useUpdateCustomField();

  if (fields.isError) return <ErrorResult error={fields.error} onRetry={() => void fields.refetch()} />;

  return (
    <PageContainer title={t('page.title')} extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{t('action.add')}</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">{t('page.intro')}</Typography.Paragraph>
        <Segmented<CustomFieldEntity> value={entity} onChange={setEntity} style={{ marginBottom: 16 }}
          options={customFieldEntities.map((e) => ({ value: e, label: t(`entity.${e}`) }))} />
        <Table<CustomField>
          rowKey="id" size="middle" loading={fields.isPending} dataSource={fields.data?.items} pagination={false} scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('empty')} /> }}
          columns={[
            { title: t('col.label'), key: 'label', render: (_, f) => <Typography.Text strong={f.isActive} type={f.isActive ? undefined : 'secondary'}>{fieldLabel(f)}</Typography.Text> },
            { title: t('col.key'), dataIndex: 'key', responsive: ['sm'], render: (k: string) => <Typography.Text code>{k}</Typography.Text> },
            { title: t('col.kind'), dataIndex: 'kind', render: (k: CustomField['kind']) => t(`kind.${k}`) },
            { title: t('col.options'), dataIndex: 'options', responsive: ['md'], render: (o: string[]) => (o.length ? o.join('、') : '—') },
            { title: t('col.required'), dataIndex: 'isRequired', responsive: ['sm'], render: (r: boolean) => (r ? tp('common.yes') : tp('common.no')) },
            { title: t('col.status'), dataIndex: 'isActive', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{t(a ? 'status.active' : 'status.inactive')}</Tag> },
            {
              title: tp('actions.actions'), key: 'actions', render: (_, f) => (
                <Space size={4} wrap>
                  <Button size="small" onClick={() => setEditing(f)}>{t('action.edit')}</Button>
                  {f.isActive ? (
                    <Popconfirm title={t('confirm.deactivate')} okText={t('action.deactivate')} cancelText={tp('actions.cancel')}
                      onConfirm={() => deactivate.mutateAsync(f.id).then(() => void message.success(t('deactivated')))}>
                      <Button size="small" danger>{t('action.deactivate')}</Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" loading={update.isPending} onClick={() => update.mutate({ id: f.id, version: f.version, isActive: true })}>{t('action.activate')}</Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? <CustomFieldModal entity={entity} field={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}
