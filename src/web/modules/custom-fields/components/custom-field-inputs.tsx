import { DatePicker, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type CustomField, type CustomFieldEntity } from '../api';
import { fieldLabel } from './field-label';

const MONEY = /^-?\d{1,16}(\.\d{1,2})?$/;

function inputFor(field: CustomField, placeholder: string) {
  switch (field.kind) {
    case 'number': return <InputNumber style={{ width: '100%' }} placeholder={placeholder} />;
    case 'money': return <Input prefix="¥" inputMode="decimal" placeholder="0.00" />;
    case 'date': return <DatePicker style={{ width: '100%' }} />;
    case 'select': return <Select allowClear options={field.options.map((o) => ({ value: o, label: o }))} placeholder={placeholder} />;
    case 'multiSelect': return <Select mode="multiple" allowClear options={field.options.map((o) => ({ value: o, label: o }))} placeholder={placeholder} />;
    default: return <Input maxLength={2000} placeholder={placeholder} />;
  }
}

/**
 * The active custom fields of an entity as form items, named `[name, key]` (default `customFields`)
 * so server errors `customFields.<key>` land on them. Dates travel as YYYY-MM-DD and money as a
 * decimal string, as the API wants; blanks are sent as null (which clears a value on edit).
 */
export function CustomFieldInputs({ entity, name = 'customFields' }: { entity: CustomFieldEntity; name?: string }) {
  const { t } = useTranslation('customFields');
  const fields = useCustomFields(entity);
  if (fields.isPending) return <Skeleton active paragraph={{ rows: 2 }} title={false} />;
  const items = fields.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <>
      {items.map((field) => {
        const rules = [
          ...(field.isRequired ? [{ required: true, message: t('inputs.required') }] : []),
          ...(field.kind === 'money' ? [{ pattern: MONEY, message: t('inputs.money') }] : []),
        ];
        const dateProps = field.kind === 'date' ? {
          getValueProps: (value: unknown) => ({ value: typeof value === 'string' && value ? dayjs(value) : null }),
          normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
        } : {};
        return (
          <Form.Item key={field.id} name={[name, field.key]} label={fieldLabel(field)} rules={rules}
            normalize={field.kind === 'date' ? dateProps.normalize : (value: unknown) => (value === '' || value === undefined ? null : value)}
            getValueProps={dateProps.getValueProps}>
            {inputFor(field, t('inputs.placeholder'))}
          </Form.Item>
        );
      })}
    </>
  );
}
