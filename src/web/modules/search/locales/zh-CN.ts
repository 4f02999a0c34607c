export const zhCN = {
  'label': '搜索',
  'placeholder': '搜索客户、联系人、线索',
  'empty': '没有找到',
  'group.customers': '客户',
  'group.contacts': '联系人',
  'group.leads': '线索',
};
