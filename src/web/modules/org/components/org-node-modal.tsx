import { App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import type { User } from '../api';
import { buildTree, subtreeIds, toTreeSelectData, type TreeRecord } from './build-tree';

export type OrgNodeTarget<T> = { mode: 'create'; parentId: string | null } | { mode: 'edit'; record: T };

export interface OrgNodeValues {
  name: string;
  parentId: string | null;
  managerId?: string | null;
}

interface Props<T extends TreeRecord & { version: number; managerId?: string | null }> {
  kind: 'departments' | 'territories';
  target: OrgNodeTarget<T>;
  records: readonly T[];
  /** departments only: people who can be set as manager */
  managers?: User[];
  saving: boolean;
  onSave: (values: OrgNodeValues, target: OrgNodeTarget<T>) => Promise<unknown>;
  onClose: () => void;
}

/** Create, rename, move (pick another parent) and, for departments, set the manager — mounted per target. */
export function OrgNodeModal<T extends TreeRecord & { version: number; managerId?: string | null }>({ kind, target, records, managers, saving, onSave, onClose }: Props<T>) {
  const { t } = useTranslation('org');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<OrgNodeValues>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const editing = target.mode === 'edit' ? target.record : null;
  const parentOptions = useMemo(
    () => toTreeSelectData(buildTree(records), editing ? subtreeIds(records, editing.id) : new Set()),
    [records, editing],
  );

  const submit = (values: OrgNodeValues) => {
    clearFormError();
    onSave({ ...values, parentId: values.parentId ?? null, ...(managers ? { managerId: values.managerId ?? null } : {}) }, target)
      .then(() => {
        void message.success(t(`${kind}.saved`));
        onClose();
      }, handleError);
  };

  return (
    <Modal open title={editing ? t(`${kind}.edit`) : target.mode === 'create' && target.parentId ? t(`${kind}.createChild`) : t(`${kind}.create`)}
      onCancel={onClose} okText={tp('actions.save')} cancelText={tp('actions.cancel')} okButtonProps={{ htmlType: 'submit', form: 'org-node-form', loading: saving }}>
      <ErrorAlert error={formError} />
      <Form id="org-node-form" form={form} layout="vertical" onFinish={submit}
        initialValues={editing ? { name: editing.name, parentId: editing.parentId, managerId: editing.managerId ?? null } : { parentId: target.mode === 'create' ? target.parentId : null }}>
        <Form.Item name="name" label={t(`${kind}.name`)} rules={[{ required: true, whitespace: true, message: t('field.required') }, { max: 100 }]}>
          <Input autoFocus maxLength={100} />
        </Form.Item>
        <Form.Item name="parentId" label={t(`${kind}.parent`)} extra={t(`${kind}.parentHint`)}>
          <TreeSelect allowClear treeDefaultExpandAll treeData={parentOptions} />
        </Form.Item>
        {managers ? (
          <Form.Item name="managerId" label={t('departments.manager')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('departments.noManager')}
              options={managers.filter((u) => u.isActive).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))} />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
