export const zhCN = {
  'menu.home': '首页',
  'home.title': '首页',
  'home.greeting': '{{name}}，您好',
  'home.roles': '当前岗位：{{roles}}',
  'home.todo': '待我审批',
  'home.todoMore': '超过 {{count}} 项',
  'home.openInbox': '去处理',
  'home.unread': '未读通知',
  'home.openNotifications': '查看通知',
  'home.comingTitle': '业务模块即将上线',
  'home.comingDescription': '客户、线索、商机漏斗、报价合同、订单发货、信用与应收、目标与绩效等模块正在建设中。平台能力（组织与权限、审批、审计、策略、通知）已经可以使用。',
  'home.comingModules': '客户与公海 · 线索与前台接待 · 商机与拜访 · 报价与合同 · 订单与发货 · 信用与应收催收 · 费用 · 目标与绩效 · 客户服务 · 报表',
};
