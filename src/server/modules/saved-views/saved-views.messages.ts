/** Messages of the saved-views module. */
export const savedViewMessages = {
  'zh-CN': {
    'errors.savedViewNameTaken': '已有同名视图',
    'errors.savedViewNotYours': '只有创建人或管理员可以修改共享视图',
    'entities.savedView': '视图',
  },
  'en-US': {
    'errors.savedViewNameTaken': 'you already have a view with this name',
    'errors.savedViewNotYours': 'only its creator or an administrator may change a shared view',
    'entities.savedView': 'view',
  },
} as const;
