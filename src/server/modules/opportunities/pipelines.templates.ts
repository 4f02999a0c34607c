import type { FunnelCategory, PipelineTemplate, RequirableField, StageApproval } from '../../../shared/contracts/opportunities.contract.js';

export interface TemplateStage {
  code: string; name: string; probability: string; funnelCategory: FunnelCategory;
  requiredFields: RequirableField[]; requiredApprovals: StageApproval[]; keyNode: string | null; exitCriteria: string | null;
}
export interface PipelineTemplateDef { template: PipelineTemplate; name: string; description: string; position: number; stages: TemplateStage[] }

/**
 * The two built-in pipelines (domain §6.2), seeded in every workspace. Names are stored in zh-CN;
 * `code` lets the web localise them. Default probabilities sit inside their funnel bands (§6.1):
 * the early stages above the funnel, initiation and proposal in it, bidding and negotiation among
 * the best few, the order stage at 100 %.
 */
export const builtInPipelines: PipelineTemplateDef[] = [
  {
    template: 'big_account', name: '大客户销售六阶段', position: 0,
    description: '大客户项目型销售：客户开发 → 立项 → 提案 → 招投标 → 商务谈判 → 工程实施，每阶段以关键节点把关',
    stages: [
      {
        code: 'development', name: '客户开发', probability: '10', funnelCategory: 'above',
        requiredFields: ['needDescription', 'expectedCloseDate'], requiredApprovals: [], keyNode: '项目信息准确',
        exitCriteria: '已记录需求、采购时间表、预算、竞争情况、决策流程与评估重点；完成战略匹配判断与价值分级（A–D），填写大客户跟进表',
      },
      {
        code: 'initiation', name: '立项', probability: '25', funnelCategory: 'in',
        requiredFields: ['amount'], requiredApprovals: ['initiation_report'], keyNode: '售前立项',
        exitCriteria: '立项报告（项目名称、编号、客户方负责人、预计合同金额、预计毛利率、销售费用预算、项目类别、预计签约日期）审批通过；制定阶段行动计划、项目跟踪表与高层关系计划。未入围则结项',
      },
      {
        code: 'proposal', name: '提案', probability: '40', funnelCategory: 'in',
        requiredFields: ['contacts'], requiredApprovals: [], keyNode: '有效的关系推进',
        exitCriteria: '完成演示、参观考察与书面方案；重新评估立项报告；异议已记录并解决',
      },
      {
        code: 'bidding', name: '招投标', probability: '60', funnelCategory: 'best_few',
        requiredFields: ['competitors'], requiredApprovals: ['bid_price'], keyNode: '投标或议标',
        exitCriteria: '完成成本与毛利分析（低于政策毛利则以不投标报告结项）、组建投标小组、竞争对手分析；投标价格审批通过；提交阶段报告。未中标则结项',
      },
      {
        code: 'negotiation', name: '商务谈判', probability: '80', funnelCategory: 'best_few',
        requiredFields: [], requiredApprovals: [], keyNode: '合同审批并签订', exitCriteria: '合同审批通过并签订',
      },
      {
        code: 'implementation', name: '工程实施', probability: '100', funnelCategory: 'order',
        requiredFields: [], requiredApprovals: [], keyNode: '验收并结项',
        exitCriteria: '移交实施并指定项目经理；按合同回款、交付、验收；变更走合同变更；阶段评审后结项',
      },
    ],
  },
  {
    template: 'standard', name: '标准销售七步', position: 1,
    description: '标准销售流程：销售准备 → 客户拜访 → 需求分析 → 方案制定 → 报价 → 谈判 → 签约',
    stages: [
      { code: 'preparation', name: '销售准备', probability: '5', funnelCategory: 'above', requiredFields: [], requiredApprovals: [], keyNode: null, exitCriteria: null },
      { code: 'visit', name: '客户拜访', probability: '10', funnelCategory: 'above', requiredFields: [], requiredApprovals: [], keyNode: null, exitCriteria: null },
      { code: 'needs_analysis', name: '需求分析', probability: '20', funnelCategory: 'above', requiredFields: ['needDescription'], requiredApprovals: [], keyNode: null, exitCriteria: null },
      { code: 'solution', name: '方案制定', probability: '30', funnelCategory: 'in', requiredFields: ['amount'], requiredApprovals: [], keyNode: null, exitCriteria: null },
      { code: 'quotation', name: '报价', probability: '50', funnelCategory: 'in', requiredFields: ['expectedCloseDate'], requiredApprovals: [], keyNode: null, exitCriteria: null },
      { code: 'negotiation', name: '谈判', probability: '70', funnelCategory: 'best_few', requiredFields: [], requiredApprovals: [], keyNode: null, exitCriteria: null },
      { code: 'signing', name: '签约', probability: '100', funnelCategory: 'order', requiredFields: [], requiredApprovals: [], keyNode: null, exitCriteria: null },
    ],
  },
];
