/** Messages of the initiation report, bid and no-bid endpoints; en-US has the same keys as zh-CN. */
export const opportunityDocumentMessages = {
  'zh-CN': {
    'entities.initiation_report': '立项报告',
    'entities.bid': '投标',
    'errors.notNegative': '不能为负数',
    'errors.signingDateInPast': '预计签约日期不能早于今天（{today}）',
    'errors.bidPricePositive': '投标价必须大于 0',
    'errors.bidMarginOutOfRange': '成本远高于投标价，毛利率超出可记录范围',
    'errors.opportunityNotOpen': '该销售机会已关闭，不能再修改',
    'errors.documentStageMissing': '该销售流程没有需要{entity}审批的阶段',
    'errors.documentStagePassed': '销售机会已过了需要{entity}的阶段，不能再修改',
    'errors.documentApproved': '{entity}已审批通过，不能再修改',
    'errors.documentMissing': '请先保存{entity}，再提交审批',
    'errors.bidBelowPolicyMargin': '投标毛利率 {margin}% 低于策略要求的 {min}%：请以不投标报告关闭该项目',
    'errors.noBidNeedsBid': '请先保存投标的报价与成本分析，再提交不投标报告',
    'errors.noBidInApproval': '投标正在审批中，不能提交不投标报告',
    'errors.noBidMarginNotBelow': '投标毛利率 {margin}% 不低于策略要求的 {min}%，不能以不投标关闭，请提交投标审批',
    'errors.versionRequired': '该记录已存在，请带上读取时的版本号',
  },
  'en-US': {
    'entities.initiation_report': 'initiation report',
    'entities.bid': 'bid',
    'errors.notNegative': 'Must not be negative',
    'errors.signingDateInPast': 'The expected signing date must not be before today ({today})',
    'errors.bidPricePositive': 'The bid price must be greater than 0',
    'errors.bidMarginOutOfRange': 'The cost is so far above the bid price that the margin cannot be recorded',
    'errors.opportunityNotOpen': 'This opportunity is closed and can no longer be changed',
    'errors.documentStageMissing': 'This pipeline has no stage that requires the {entity}',
    'errors.documentStagePassed': 'The opportunity has moved past the stage that requires the {entity}; it can no longer be changed',
    'errors.documentApproved': 'The {entity} is approved and can no longer be changed',
    'errors.documentMissing': 'Save the {entity} before submitting it',
    'errors.bidBelowPolicyMargin': 'Bid margin {margin}% is below policy margin {min}%: close with a no-bid report',
    'errors.noBidNeedsBid': 'Save the bid price and cost analysis before the no-bid report',
    'errors.noBidInApproval': 'The bid is in approval; a no-bid report is not possible now',
    'errors.noBidMarginNotBelow': 'Bid margin {margin}% is not below policy margin {min}%; submit the bid for approval instead of closing with a no-bid report',
    'errors.versionRequired': 'This record exists: send the version you read',
  },
} as const satisfies { 'zh-CN': Record<string, string>; 'en-US': Record<string, string> };

/** Compile-time check that en-US has every zh-CN key. */
export const _sameKeys: Record<keyof typeof opportunityDocumentMessages['zh-CN'], string> = opportunityDocumentMessages['en-US'];
