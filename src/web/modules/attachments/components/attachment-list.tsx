import { DeleteOutlined, DownloadOutlined, FileOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, List, Popconfirm, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useAccess } from '../../../platform/access/access';
import { downloadUrl, useAttachments, useDeleteAttachment, useUploadAttachment } from '../api';
import { fileSize } from './file-size';

/** Files of a customer (附件): upload (button or drop), list, download, delete when allowed. */
export function AttachmentList({ customerId }: { customerId: string }) {
  const { t } = useTranslation('attachments');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const { can } = useAccess();
  const files = useAttachments(customerId);
  const upload = useUploadAttachment(customerId);
  const remove = useDeleteAttachment(customerId);

  return (
    <Flex vertical gap={12} data-testid="attachment-list">
      {can('attachment:upload') ? (
        <Upload.Dragger multiple showUploadList={false} disabled={upload.isPending}
          customRequest={({ file, onSuccess, onError }) => {
            upload.mutate(file as File, {
              onSuccess: (saved) => { void message.success(t('uploaded', { name: saved.fileName })); onSuccess?.(saved); },
              onError: (error) => { void message.error(`${(file as File).name}: ${(error as Error).message}`); onError?.(error as Error); },
            });
          }}>
          <Flex vertical align="center" gap={4} style={{ padding: '4px 8px' }}>
            <UploadOutlined style={{ fontSize: 22 }} />
            <Typography.Text>{upload.isPending ? t('uploading') : t('drop')}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('limitHint')}</Typography.Text>
          </Flex>
        </Upload.Dragger>
      ) : null}
      {files.isError ? <ErrorAlert error={files.error} /> : null}
      <List
        loading={files.isPending} dataSource={files.data?.items ?? []} locale={{ emptyText: <Empty description={t('empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        renderItem={(file) => (
          <List.Item actions={[
            <Button key="download" type="link" size="small" icon={<DownloadOutlined />} href={downloadUrl(file.id)} aria-label={t('download', { name: file.fileName })}>
              {t('downloadShort')}
            </Button>,
            ...(file.canDelete ? [
              <Popconfirm key="delete" title={t('deleteConfirm', { name: file.fileName })} okText={t('delete')} okButtonProps={{ danger: true }} cancelText={tp('actions.cancel')}
                onConfirm={() => remove.mutateAsync(file.id).then(() => void message.success(t('deleted')))}>
                <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('deleteNamed', { name: file.fileName })} />
              </Popconfirm>,
            ] : []),
          ]}>
            <List.Item.Meta avatar={<FileOutlined style={{ fontSize: 20, marginTop: 4 }} />}
              title={<Typography.Link href={downloadUrl(file.id)} ellipsis style={{ maxWidth: '100%' }}>{file.fileName}</Typography.Link>}
              description={`${fileSize(file.sizeBytes)} · ${file.uploadedBy.name} · ${dayjs(file.createdAt).format('YYYY-MM-DD HH:mm')}`} />
          </List.Item>
        )} />
    </Flex>
  );
}
