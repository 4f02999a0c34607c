import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag, TreeSelect, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCodes } from '../../../../shared/contracts/org.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useDepartments, useTerritories, useUsers, type User, type UserFilter } from '../api';
import { buildTree, toTreeSelectData } from '../components/build-tree';
import { RoleTags } from '../components/role-tags';
import { UserFormModal } from '../components/user-form-modal';

/** 用户: search and filter users, create and edit them (roles, department, territories, active). */
export function UsersPage() {
  const { t } = useTranslation('org');
  const { t: tp } = useTranslation('platform');
  const { can } = useAccess();
  const [filter, setFilter] = useState<UserFilter>({});
  const users = useUsers(filter);
  const departments = useDepartments();
  const territories = useTerritories();
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const departmentName = (id: string | null) => departments.data?.items.find((d) => d.id === id)?.name ?? '—';
  const territoryNames = (ids: string[]) => ids.map((id) => territories.data?.items.find((tr) => tr.id === id)?.name ?? '?').join('、') || '—';
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const canManage = can('user:manage');

  return (
    <PageContainer title={t('users.title')}
      extra={canManage ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-user">{t('users.create')}</Button> : null}>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('users.search')} aria-label={t('users.search')} style={{ width: 260, maxWidth: '100%' }}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q.trim() || undefined }))} />
          <Select allowClear placeholder={t('users.anyRole')} aria-label={t('field.roles')} style={{ width: 160 }}
            options={roleCodes.map((r) => ({ value: r, label: tp(`role.${r}`) }))} onChange={(role) => setFilter((f) => ({ ...f, role }))} />
          <TreeSelect allowClear placeholder={t('users.anyDepartment')} aria-label={t('field.department')} style={{ width: 180 }} treeDefaultExpandAll
            treeData={departmentTree} onChange={(departmentId?: string) => setFilter((f) => ({ ...f, departmentId }))} />
          <Select allowClear placeholder={t('users.anyStatus')} aria-label={t('field.status')} style={{ width: 120 }}
            options={[{ value: 'true', label: t('status.active') }, { value: 'false', label: t('status.inactive') }]}
            onChange={(isActive?: 'true' | 'false') => setFilter((f) => ({ ...f, isActive }))} />
        </Flex>
        {users.isError ? <ErrorAlert error={users.error} /> : null}
        <Table<User>
          rowKey="id"
          loading={users.isPending}
          dataSource={users.items}
          pagination={false}
          locale={{ emptyText: t('users.empty') }}
          data-testid="users-table"
          columns={[
            { title: t('field.name'), key: 'name', render: (_, u) => (
              <div><div>{u.name}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{u.username}{u.email ? ` · ${u.email}` : ''}</Typography.Text></div>
            ) },
            { title: t('field.roles'), dataIndex: 'roles', render: (roles: User['roles']) => <RoleTags roles={roles} /> },
            { title: t('field.department'), dataIndex: 'departmentId', responsive: ['md'], render: departmentName },
            { title: t('field.territories'), dataIndex: 'territoryIds', responsive: ['xl'], render: territoryNames },
            { title: t('field.status'), dataIndex: 'isActive', responsive: ['sm'], render: (on: boolean) => (on ? <Tag color="green">{t('status.active')}</Tag> : <Tag>{t('status.inactive')}</Tag>) },
            ...(canManage ? [{ title: tp('actions.actions'), key: 'actions', render: (_: unknown, u: User) => <Button size="small" onClick={() => setEditing(u)}>{tp('actions.edit')}</Button> }] : []),
          ]}
        />
        <LoadMore hasMore={users.hasNextPage} loading={users.isFetchingNextPage} onLoad={() => void users.fetchNextPage()} count={users.items.length} />
      </Card>
      {editing ? <UserFormModal key={editing === 'new' ? 'new' : editing.id} user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}
