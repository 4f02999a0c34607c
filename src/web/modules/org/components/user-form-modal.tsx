import { Alert, App, Form, Input, Modal, Select, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleCodes, type RoleCode } from '../../../../shared/contracts/org.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { languages } from '../../../platform/i18n/i18n';
import { useCreateUser, useDepartments, useRoles, useTerritories, useUpdateUser, type User } from '../api';
import { buildTree, toTreeSelectData } from './build-tree';
import { findConflict } from './find-conflict';

interface Values {
  username: string;
  name: string;
  email?: string;
  password?: string;
  roles: RoleCode[];
  departmentId?: string | null;
  territoryIds: string[];
  locale: 'zh-CN' | 'en-US';
  isActive: boolean;
}

/**
 * Creates or edits a user (mounted per user). Role combinations that break segregation of duties are
 * refused by the server with SEGREGATION_OF_DUTIES; that message shows on the roles field and above the form.
 */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('org');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const { can } = useAccess();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const departments = useDepartments();
  const territories = useTerritories();
  const roles = useRoles(can('role:read'));
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const selectedRoles = Form.useWatch('roles', form) ?? [];
  const conflict = findConflict(selectedRoles, roles.data?.items ?? []);
  const departmentTree = useMemo(() => toTreeSelectData(buildTree(departments.data?.items ?? [])), [departments.data]);
  const territoryTree = useMemo(() => toTreeSelectData(buildTree(territories.data?.items ?? [])), [territories.data]);

  const submit = (v: Values) => {
    clearFormError();
    const done = (key: 'users.created' | 'users.saved') => () => {
      void message.success(t(key));
      onClose();
    };
    const email = v.email?.trim() || undefined;
    if (user) {
      update.mutate({
        id: user.id, version: user.version, name: v.name, email: email ?? null, roles: v.roles, departmentId: v.departmentId ?? null,
        territoryIds: v.territoryIds, locale: v.locale, isActive: v.isActive, ...(v.password ? { password: v.password } : {}),
      }, { onSuccess: done('users.saved'), onError: handleError });
    } else {
      create.mutate({
        username: v.username, name: v.name, email, password: v.password ?? '', roles: v.roles, departmentId: v.departmentId ?? null,
        territoryIds: v.territoryIds, locale: v.locale,
      }, { onSuccess: done('users.created'), onError: handleError });
    }
  };

  const required = { required: true, whitespace: true, message: t('field.required') };
  return (
    <Modal open width={640} title={user ? t('users.edit', { name: user.name }) : t('users.create')} onCancel={onClose}
      okText={tp('actions.save')} cancelText={tp('actions.cancel')} okButtonProps={{ htmlType: 'submit', form: 'user-form', loading: create.isPending || update.isPending }}>
      <ErrorAlert error={formError} />
      <Form id="user-form" form={form} layout="vertical" onFinish={submit} onValuesChange={() => formError && clearFormError()}
        initialValues={user
          ? { username: user.username, name: user.name, email: user.email ?? '', roles: user.roles, departmentId: user.departmentId, territoryIds: user.territoryIds, locale: user.locale, isActive: user.isActive }
          : { roles: [], territoryIds: [], locale: 'zh-CN', isActive: true }}>
        <Form.Item name="username" label={t('field.username')} rules={user ? [] : [required, { min: 2, message: t('field.tooShort', { min: 2 }) }]}>
          <Input autoFocus={!user} disabled={Boolean(user)} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('field.name')} rules={[required]}>
          <Input autoFocus={Boolean(user)} maxLength={100} />
        </Form.Item>
        <Form.Item name="email" label={t('field.email')} rules={[{ type: 'email' }]}>
          <Input type="email" maxLength={200} autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label={user ? t('field.resetPassword') : t('field.password')} extra={user ? t('users.resetPasswordHint') : t('users.passwordHint')}
          rules={[...(user ? [] : [{ required: true, message: t('field.required') }]), { min: 8, message: t('field.tooShort', { min: 8 }) }]}>
          <Input.Password autoComplete="new-password" maxLength={200} />
        </Form.Item>
        <Form.Item name="roles" label={t('field.roles')} extra={t('users.rolesHint')} rules={[{ required: true, type: 'array', min: 1, message: t('field.rolesRequired') }]}>
          <Select mode="multiple" data-testid="roles-select" options={roleCodes.map((r) => ({ value: r, label: tp(`role.${r}`) }))}
            showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        {conflict ? (
          <Alert type="warning" showIcon style={{ marginTop: -8, marginBottom: 16 }}
            title={t('users.conflictWarning', { a: tp(`role.${conflict[0]}`), b: tp(`role.${conflict[1]}`) })} />
        ) : null}
        <Form.Item name="departmentId" label={t('field.department')}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={departmentTree} />
        </Form.Item>
        <Form.Item name="territoryIds" label={t('field.territories')}>
          <TreeSelect multiple allowClear treeDefaultExpandAll treeData={territoryTree} />
        </Form.Item>
        <Form.Item name="locale" label={t('field.locale')}>
          <Select options={languages.map((l) => ({ value: l, label: tp(`language.${l}`) }))} />
        </Form.Item>
        {user ? <Form.Item name="isActive" label={t('field.isActive')} valuePropName="checked"><Switch /></Form.Item> : null}
      </Form>
    </Modal>
  );
}
