export const zhCN = {
  'drop': '点击或拖拽文件到这里上传',
  'uploading': '正在上传…',
  'limitHint': '单个文件不超过业务策略中的附件大小上限（默认 20 MB）',
  'uploaded': '已上传 {{name}}',
  'empty': '还没有附件',
  'download': '下载 {{name}}',
  'downloadShort': '下载',
  'delete': '删除',
  'deleteNamed': '删除 {{name}}',
  'deleteConfirm': '删除附件“{{name}}”？',
  'deleted': '已删除',
};
