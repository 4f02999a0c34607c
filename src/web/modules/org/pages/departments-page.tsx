import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { useDepartments, useSaveDepartment, useUserPicker, type Department } from '../api';
import { OrgNodeModal, type OrgNodeTarget, type OrgNodeValues } from '../components/org-node-modal';
import { OrgTree } from '../components/org-tree';

/** 部门: the department tree with create, rename, move and set manager. */
export function DepartmentsPage() {
  const { t } = useTranslation('org');
  const departments = useDepartments();
  const users = useUserPicker();
  const save = useSaveDepartment();
  const [target, setTarget] = useState<OrgNodeTarget<Department> | null>(null);
  const people = users.data?.items ?? [];
  const nameOf = (id: string | null) => people.find((u) => u.id === id)?.name;
  const membersOf = (id: string) => people.filter((u) => u.departmentId === id && u.isActive).length;

  if (departments.isError) return <ErrorResult error={departments.error} onRetry={() => void departments.refetch()} />;

  const onSave = (values: OrgNodeValues, to: OrgNodeTarget<Department>) => (to.mode === 'edit'
    ? save.mutateAsync({ id: to.record.id, body: { version: to.record.version, name: values.name, parentId: values.parentId, managerId: values.managerId ?? null } })
    : save.mutateAsync({ id: null, body: { name: values.name, parentId: values.parentId, managerId: values.managerId ?? null } }));

  return (
    <PageContainer title={t('departments.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parentId: null })}>{t('departments.create')}</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">{t('departments.intro')}</Typography.Paragraph>
        {departments.isPending ? <Skeleton active /> : (
          <OrgTree<Department>
            records={departments.data.items}
            emptyText={t('departments.empty')}
            describe={(d) => `${nameOf(d.managerId) ?? t('departments.noManager')} · ${t('departments.members', { count: membersOf(d.id) })}`}
            actions={[
              { key: 'edit', label: t('departments.edit'), onClick: (d) => setTarget({ mode: 'edit', record: d }) },
              { key: 'child', label: t('departments.createChild'), onClick: (d) => setTarget({ mode: 'create', parentId: d.id }) },
            ]}
          />
        )}
      </Card>
      {target ? (
        <OrgNodeModal<Department> key={target.mode === 'edit' ? target.record.id : `new-${target.parentId}`} kind="departments" target={target}
          records={departments.data?.items ?? []} managers={people} saving={save.isPending} onSave={onSave} onClose={() => setTarget(null)} />
      ) : null}
    </PageContainer>
  );
}
