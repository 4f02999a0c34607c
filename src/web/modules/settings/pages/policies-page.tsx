import { EditOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Form, Input, Skeleton, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { usePolicies, useUpdatePolicies, type PolicyItem, type PolicyValue } from '../api';
import { PendingChangeBanner } from '../components/pending-change-banner';
import { PolicyGroupCard } from '../components/policy-group-card';

type Values = { values: Record<string, PolicyValue | undefined> };

function changedValues(items: PolicyItem[], edited: Values['values'] = {}): Record<string, PolicyValue> {
  return Object.fromEntries(items
    .filter((i) => edited[i.key] !== undefined && String(edited[i.key]) !== String(i.value))
    .map((i) => [i.key, edited[i.key]!]));
}

function groupItems(items: PolicyItem[], search: string): [string, PolicyItem[]][] {
  const needle = search.trim().toLowerCase();
  const groups = new Map<string, PolicyItem[]>();
  for (const item of items) {
    if (needle && !item.label.toLowerCase().includes(needle) && !item.key.toLowerCase().includes(needle)) continue;
    groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  }
  return [...groups.entries()];
}

/** 业务策略: every policy value by group with unit and label; GM/admin edit, money thresholds go to the GM. */
export function PoliciesPage() {
  const { t } = useTranslation('settings');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const { can } = useAccess();
  const policies = usePolicies();
  const update = useUpdatePolicies();
  const [form] = Form.useForm<Values>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const [editing, setEditing] = useState(false);
  const [search, setSearch] = useState('');
  const edited = Form.useWatch('values', form);
  const items = useMemo(() => policies.data?.items ?? [], [policies.data]);
  const groups = useMemo(() => groupItems(items, search), [items, search]);
  const pending = changedValues(items, edited);
  const needsApproval = editing && items.some((i) => i.moneyThreshold && i.key in pending);

  if (policies.isError) return <ErrorResult error={policies.error} onRetry={() => void policies.refetch()} />;

  const startEditing = () => {
    form.setFieldsValue({ values: Object.fromEntries(items.map((i) => [i.key, i.value])) });
    clearFormError();
    setEditing(true);
  };
  const cancel = () => {
    form.resetFields();
    clearFormError();
    setEditing(false);
  };
  const save = (values: Values) => {
    const changes = changedValues(items, values.values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('policies.noChanges'));
      return;
    }
    clearFormError();
    update.mutate({ version: policies.data!.version, values: changes }, {
      onSuccess: (result) => {
        setEditing(false);
        if (result.status === 'applied') void message.success(t('policies.applied'));
        else void message.info(t('policies.submitted'));
      },
      onError: handleError,
    });
  };

  const canEdit = can('policy:update');
  const actions = canEdit ? (editing ? (
    <>
      <Button onClick={cancel}>{tp('actions.cancel')}</Button>
      <Button type="primary" icon={<SaveOutlined />} loading={update.isPending} htmlType="submit" form="policies-form" data-testid="save-policies">{t('policies.save')}</Button>
    </>
  ) : <Button type="primary" icon={<EditOutlined />} onClick={startEditing} disabled={!policies.data} data-testid="edit-policies">{t('policies.edit')}</Button>) : null;

  return (
    <PageContainer title={t('policies.title')} extra={actions}>
      <Typography.Paragraph type="secondary">{canEdit ? t('policies.intro') : t('policies.readOnly')}</Typography.Paragraph>
      {policies.data?.pendingChange ? <PendingChangeBanner pending={policies.data.pendingChange} canOpenApproval={canEdit} /> : null}
      <ErrorAlert error={formError} />
      {needsApproval ? <Alert type="info" showIcon title={t('policies.approvalHint')} style={{ marginBottom: 16 }} /> : null}
      <Input.Search allowClear placeholder={t('policies.search')} aria-label={t('policies.search')} onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 16 }} />
      {policies.isPending ? <Skeleton active /> : (
        <Form id="policies-form" form={form} onFinish={save}>
          {groups.length === 0 ? <Empty description={t('policies.noMatch')} /> : null}
          {groups.map(([group, groupItemsList]) => <PolicyGroupCard key={group} group={group} items={groupItemsList} editing={editing} />)}
        </Form>
      )}
    </PageContainer>
  );
}
