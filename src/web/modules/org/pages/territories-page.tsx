import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { useSaveTerritory, useTerritories, useUserPicker, type Territory } from '../api';
import { OrgNodeModal, type OrgNodeTarget, type OrgNodeValues } from '../components/org-node-modal';
import { OrgTree } from '../components/org-tree';

/** 区域: the sales territory tree with create, rename and move. */
export function TerritoriesPage() {
  const { t } = useTranslation('org');
  const territories = useTerritories();
  const users = useUserPicker();
  const save = useSaveTerritory();
  const [target, setTarget] = useState<OrgNodeTarget<Territory> | null>(null);
  const assigned = (id: string) => (users.data?.items ?? []).filter((u) => u.territoryIds.includes(id) && u.isActive).length;

  if (territories.isError) return <ErrorResult error={territories.error} onRetry={() => void territories.refetch()} />;

  const onSave = (values: OrgNodeValues, to: OrgNodeTarget<Territory>) => (to.mode === 'edit'
    ? save.mutateAsync({ id: to.record.id, body: { version: to.record.version, name: values.name, parentId: values.parentId } })
    : save.mutateAsync({ id: null, body: { name: values.name, parentId: values.parentId } }));

  return (
    <PageContainer title={t('territories.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setTarget({ mode: 'create', parentId: null })}>{t('territories.create')}</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">{t('territories.intro')}</Typography.Paragraph>
        {territories.isPending ? <Skeleton active /> : (
          <OrgTree<Territory>
            records={territories.data.items}
            emptyText={t('territories.empty')}
            describe={(tr) => t('territories.members', { count: assigned(tr.id) })}
            actions={[
              { key: 'edit', label: t('territories.edit'), onClick: (tr) => setTarget({ mode: 'edit', record: tr }) },
              { key: 'child', label: t('territories.createChild'), onClick: (tr) => setTarget({ mode: 'create', parentId: tr.id }) },
            ]}
          />
        )}
      </Card>
      {target ? (
        <OrgNodeModal<Territory> key={target.mode === 'edit' ? target.record.id : `new-${target.parentId}`} kind="territories" target={target}
          records={territories.data?.items ?? []} saving={save.isPending} onSave={onSave} onClose={() => setTarget(null)} />
      ) : null}
    </PageContainer>
  );
}
