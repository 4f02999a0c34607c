import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { downloadUrl, useAttachments, useUploadAttachment } from '../api';
import { fileSize } from './file-size';

/**
 * A form control choosing files of the customer's file (客户附件) for a record that cites them
 * (credit investigation, downgrade trigger): pick existing files, or upload a new one, which is
 * added to the customer's files and chosen. The server checks every id is a file of this customer.
 */
export function AttachmentPicker({ customerId, value, onChange, max, id }: {
  customerId: string; value?: string[]; onChange?: (ids: string[]) => void; max: number; id?: string;
}) {
  const { t } = useTranslation('attachments');
  const { message } = App.useApp();
  const { can } = useAccess();
  const files = useAttachments(customerId);
  const upload = useUploadAttachment(customerId);
  const chosen = value ?? [];
  const full = chosen.length >= max;
  return (
    <Flex gap={8} align="start" wrap data-testid="attachment-picker">
      <Select<string[]> id={id} mode="multiple" allowClear style={{ flex: 1, minWidth: 260 }} value={chosen} loading={files.isPending}
        placeholder={t('pickPlaceholder')} maxCount={max} optionFilterProp="label" notFoundContent={t('empty')}
        onChange={(ids) => onChange?.(ids)} aria-label={t('pickPlaceholder')}
        options={(files.data?.items ?? []).map((f) => ({ value: f.id, label: f.fileName, title: `${f.fileName} · ${fileSize(f.sizeBytes)}` }))} />
      {can('attachment:upload') ? (
        <Upload showUploadList={false} disabled={upload.isPending || full}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (saved) => { void message.success(t('uploaded', { name: saved.fileName })); onChange?.([...chosen, saved.id]); onSuccess?.(saved); },
              onError: (error) => { void message.error(`${(file as File).name}: ${(error as Error).message}`); onError?.(error as Error); },
            });
          }}>
          <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={full} data-testid="attachment-picker-upload">{t('uploadNew')}</Button>
        </Upload>
      ) : null}
    </Flex>
  );
}

/** The files a record cites, as download links (named from the customer's files; a file deleted since is said so). */
export function AttachedFiles({ customerId, ids }: { customerId: string; ids: readonly string[] }) {
  const { t } = useTranslation('attachments');
  const files = useAttachments(customerId);
  if (ids.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const byId = new Map((files.data?.items ?? []).map((f) => [f.id, f]));
  return (
    <Flex vertical gap={2} data-testid="attached-files">
      {ids.map((fileId) => {
        const file = byId.get(fileId);
        if (!file) return <Typography.Text key={fileId} type="secondary"><PaperClipOutlined /> {files.isPending ? '…' : t('gone')}</Typography.Text>;
        return (
          <Typography.Link key={fileId} href={downloadUrl(fileId)} aria-label={t('download', { name: file.fileName })}>
            <PaperClipOutlined /> {file.fileName} <Typography.Text type="secondary" style={{ fontSize: 12 }}>({fileSize(file.sizeBytes)})</Typography.Text>
          </Typography.Link>
        );
      })}
    </Flex>
  );
}
