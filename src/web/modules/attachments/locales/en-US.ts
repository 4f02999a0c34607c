import type { zhCN } from './zh-CN';

export const enUS = {
  'drop': 'Click or drop files here to upload',
  'uploading': 'Uploading…',
  'limitHint': 'Each file up to the attachment size limit of the policies (20 MB by default)',
  'uploaded': 'Uploaded {{name}}',
  'empty': 'No attachments yet',
  'download': 'Download {{name}}',
  'downloadShort': 'Download',
  'delete': 'Delete',
  'deleteNamed': 'Delete {{name}}',
  'deleteConfirm': 'Delete the attachment "{{name}}"?',
  'deleted': 'Deleted',
  'pickPlaceholder': "Choose from the customer's files",
  'uploadNew': 'Upload a new file',
  'gone': '(file deleted)',
} satisfies Record<keyof typeof zhCN, string>;
