import { AutoComplete, Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUserPicker } from '../../org/api';
import type { AuditFilter } from '../api';
import { actionLabel, entityLabel, knownActions, knownEntities } from './audit-labels';

/** Filters by entity, entity id, actor and action; Enter or the search button applies them. */
export function AuditFilters({ value, onChange }: { value: AuditFilter; onChange: (filter: AuditFilter) => void }) {
  const { t } = useTranslation('audit');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<AuditFilter>();
  const users = useUserPicker();
  const clean = (f: AuditFilter): AuditFilter => Object.fromEntries(Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim()]));

  return (
    <Form form={form} layout="inline" initialValues={value} onFinish={(f) => onChange(clean(f))} style={{ marginBottom: 16, rowGap: 8 }} data-testid="audit-filters">
      <Form.Item name="entity" label={t('filter.entity')}>
        <AutoComplete allowClear style={{ width: 160 }} placeholder={t('filter.any')}
          options={knownEntities.map((e) => ({ value: e, label: `${entityLabel(t, e)} (${e})` }))} filterOption={(input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase())} />
      </Form.Item>
      <Form.Item name="entityId" label={t('filter.entityId')}>
        <Input allowClear style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="actorId" label={t('filter.actor')}>
        <Select allowClear style={{ width: 160 }} placeholder={t('filter.any')} showSearch={{ optionFilterProp: 'label' }}
          options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.username})` }))} />
      </Form.Item>
      <Form.Item name="action" label={t('filter.action')}>
        <AutoComplete allowClear style={{ width: 160 }} placeholder={t('filter.any')}
          options={knownActions.map((a) => ({ value: a, label: `${actionLabel(t, a)} (${a})` }))} filterOption={(input, o) => String(o?.label ?? '').toLowerCase().includes(input.toLowerCase())} />
      </Form.Item>
      <Flex gap={8}>
        <Button type="primary" htmlType="submit">{tp('actions.search')}</Button>
        <Button onClick={() => { form.resetFields(); form.setFieldsValue({ entity: undefined, entityId: undefined, actorId: undefined, action: undefined }); onChange({}); }}>{tp('actions.reset')}</Button>
      </Flex>
    </Form>
  );
}
