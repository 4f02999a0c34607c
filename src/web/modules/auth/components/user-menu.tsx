import { ApiOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown, Grid } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { useLogout } from '../api';

/** Header menu of the signed-in user: who and which roles, password, API tokens, sign out. */
export function UserMenu() {
  const { t } = useTranslation('platform');
  const { user, can } = useAccess();
  const logout = useLogout();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  if (!user) return null;
  const roles = user.roles.map((r) => t(`role.${r}`)).join('、');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: <div style={{ maxWidth: 220 }}><strong>{user.name}</strong> ({user.username})<br /><small>{roles}</small></div>, disabled: true },
          { type: 'divider' },
          { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
          ...(can('token:manage') ? [{ key: 'tokens', icon: <ApiOutlined />, label: t('user.tokens') }] : []),
          { type: 'divider' },
          { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/account/password');
          if (key === 'tokens') navigate('/account/tokens');
          if (key === 'logout') logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
        },
      }}
    >
      <Button type="text" aria-label={t('user.menu')} data-testid="user-menu" style={{ paddingInline: 8 }}>
        <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
        {screens.sm ? <span style={{ marginInlineStart: 4 }}>{user.name}</span> : null}
      </Button>
    </Dropdown>
  );
}
