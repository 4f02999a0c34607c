/** Messages of the attachments module. */
export const attachmentMessages = {
  'zh-CN': {
    'errors.attachmentTooLarge': '文件超过大小上限 {limit} MB',
    'errors.attachmentMissing': '请选择要上传的文件',
    'errors.attachmentNotYours': '只有上传人、客户负责人或管理员可以删除附件',
    'entities.attachment': '附件',
  },
  'en-US': {
    'errors.attachmentTooLarge': 'the file is larger than the {limit} MB limit',
    'errors.attachmentMissing': 'choose a file to upload',
    'errors.attachmentNotYours': 'only the uploader, the customer\'s owner or an administrator may delete a file',
    'entities.attachment': 'attachment',
  },
} as const;
