import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RoleCode } from '../../../../shared/contracts/org.contract';

export function RoleTags({ roles, color = 'blue' }: { roles: readonly RoleCode[]; color?: string }) {
  const { t } = useTranslation('platform');
  return <Flex wrap gap={4}>{roles.map((r) => <Tag key={r} color={color} style={{ marginInlineEnd: 0 }}>{t(`role.${r}`)}</Tag>)}</Flex>;
}
