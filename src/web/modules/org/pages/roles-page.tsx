import { Card, Col, Descriptions, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { useRoles, type RoleInfo } from '../api';
import { RoleTags } from '../components/role-tags';

/** Permission codes contain `:`, the i18next namespace separator, so keys use dots instead. */
function permissionKey(code: string) {
  return `perm.${code.replace(/:/g, '.')}` as 'perm.user.read';
}

/** 角色与权限: each role's permissions, default data scope and the roles it cannot be combined with. */
export function RolesPage() {
  const { t } = useTranslation('org');
  const { t: tp } = useTranslation('platform');
  const roles = useRoles();

  if (roles.isError) return <ErrorResult error={roles.error} onRetry={() => void roles.refetch()} />;

  const card = (role: RoleInfo) => (
    <Card size="small" title={<span>{tp(`role.${role.code}`)} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{role.code}</Typography.Text></span>}
      style={{ height: '100%' }} data-testid={`role-${role.code}`}>
      <Descriptions size="small" column={1} items={[
        { key: 'scope', label: t('roles.dataScope'), children: <Tag color="purple">{t(`scope.${role.dataScope}`)}</Tag> },
        { key: 'sod', label: t('roles.incompatibleWith'), children: role.incompatibleWith.length > 0 ? <RoleTags roles={role.incompatibleWith} color="red" /> : t('roles.noConflicts') },
        { key: 'perms', label: t('roles.permissions'), children: (
          <Flex wrap gap={4}>
            {role.permissions.length === 0 ? t('roles.noPermissions') : role.permissions.map((p) => (
              <Tag key={p} style={{ marginInlineEnd: 0 }} title={p}>{t(permissionKey(p), { defaultValue: p })}</Tag>
            ))}
          </Flex>
        ) },
      ]} />
    </Card>
  );

  return (
    <PageContainer title={t('roles.title')}>
      <Typography.Paragraph type="secondary">{t('roles.intro')}</Typography.Paragraph>
      {roles.isPending ? <Skeleton active /> : (
        <Row gutter={[16, 16]}>
          {roles.data.items.map((role) => <Col key={role.code} xs={24} md={12} xxl={8}>{card(role)}</Col>)}
        </Row>
      )}
    </PageContainer>
  );
}
