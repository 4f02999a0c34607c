import { EditOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileSections, type FileSection } from '../../../../shared/contracts/customers.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { useOpenFile, useUpdateFile, type CustomerDetail, type CustomerFile } from '../api';

function FileEditor({ file, onSaved, onCancel }: { file: CustomerFile; onSaved: (file: CustomerFile) => void; onCancel: () => void }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<FileSection, string | null>>();
  const update = useUpdateFile();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = (v: Record<FileSection, string | null>) => {
    clearFormError();
    const body = Object.fromEntries(fileSections.map((s) => [s, v[s]?.trim() ? v[s].trim() : null]));
    update.mutate({ id: file.customerId, version: file.version, ...body }, {
      onSuccess: (saved) => { void message.success(t('file.saved')); onSaved({ ...saved, borrowRecordId: file.borrowRecordId }); },
      onError: handleError,
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={file} data-testid="file-editor">
      <ErrorAlert error={formError} />
      {fileSections.map((s, i) => (
        <Form.Item key={s} name={s} label={t(`file.section.${s}`)}>
          <Input.TextArea autoFocus={i === 0} maxLength={5000} autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      ))}
      <Flex gap={8} justify="flex-end">
        <Button onClick={onCancel}>{tp('actions.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={update.isPending}>{tp('actions.save')}</Button>
      </Flex>
    </Form>
  );
}

/**
 * The confidential file (保密档案): asks why it is opened (written to the borrow log), then shows
 * the sensitive sections. Callers who may not open it are told why instead.
 */
export function FileTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const { can } = useAccess();
  const [form] = Form.useForm<{ purpose: string }>();
  const open = useOpenFile();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const [file, setFile] = useState<CustomerFile | null>(null);
  const [purpose, setPurpose] = useState('');
  const [editing, setEditing] = useState(false);

  if (!can('customer:read_sensitive')) {
    return <Result status="info" icon={<LockOutlined />} title={t('file.noPermission')} subTitle={t('file.refusedHint')} data-testid="file-refused" />;
  }
  if (!customer.access.canOpenFile) {
    return <Result status="warning" icon={<LockOutlined />} title={t('file.refused')} subTitle={t('file.refusedHint')} data-testid="file-refused" />;
  }
  if (!file) {
    const submit = ({ purpose: p }: { purpose: string }) => {
      clearFormError();
      open.mutate({ id: customer.id, purpose: p.trim() }, { onSuccess: (f) => { setPurpose(p.trim()); setFile(f); }, onError: handleError });
    };
    return (
      <Card style={{ maxWidth: 560 }}>
        <Typography.Paragraph type="secondary">{t('file.intro')}</Typography.Paragraph>
        <ErrorAlert error={formError} />
        <Form form={form} layout="vertical" onFinish={submit} data-testid="file-purpose-form">
          <Form.Item name="purpose" label={t('file.purpose')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }, { min: 2, message: t('file.purposeTooShort') }]}>
            <Input autoFocus maxLength={200} placeholder={t('file.purposePlaceholder')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" icon={<LockOutlined />} loading={open.isPending} data-testid="open-file">{t('file.open')}</Button>
        </Form>
      </Card>
    );
  }
  return (
    <Flex vertical gap={16} data-testid="customer-file">
      <Alert type="info" showIcon title={t('file.openedFor', { purpose })}
        action={(
          <Flex gap={8} wrap>
            {!editing && customer.access.canEdit ? <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('file.edit')}</Button> : null}
            <Button size="small" onClick={() => { setFile(null); setEditing(false); form.resetFields(); }}>{t('file.close')}</Button>
          </Flex>
        )} />
      {file.isFileStale ? <Alert type="warning" showIcon title={t('detail.fileStale')} /> : null}
      {editing
        ? <FileEditor file={file} onSaved={(f) => { setFile(f); setEditing(false); }} onCancel={() => setEditing(false)} />
        : (
          <Descriptions bordered size="small" column={1} styles={{ label: { width: 140 } }} items={[
            ...fileSections.map((s) => ({
              key: s, label: t(`file.section.${s}`),
              children: file[s] ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{file[s]}</Typography.Paragraph>
                : <Typography.Text type="secondary">{t('file.empty')}</Typography.Text>,
            })),
            { key: 'reviewedOn', label: t('field.reviewedOn'), children: file.reviewedOn ?? '—' },
          ]} />
        )}
    </Flex>
  );
}
