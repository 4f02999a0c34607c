/** The invoices module's messages (registered from index.ts); en-US has the same keys as zh-CN. */
const zhCN = {
  'entities.invoiceRequest': '开票申请',
  'errors.invoiceAmountPositive': '开票金额必须大于 0',
  'errors.invoiceOverInvoiceable': '开票金额 {amount} 超过合同可开票金额 {invoiceable}（合同金额 {contractAmount}，已申请 {requested}）',
  'errors.invoiceContractNotSigned': '只有已签订或执行中的合同可以申请开票（当前状态：{status}）',
  'errors.taxNumberLength': '纳税人识别号应为 15、18 或 20 位',
  'errors.taxNumberChars': '纳税人识别号只能包含数字和大写字母',
  'errors.taxNumberChecksum': '统一社会信用代码校验位不正确',
  'errors.requiredForSpecialInvoice': '开具增值税专用发票必须填写',
  'errors.invoiceNotSubmittable': '只有草稿状态的开票申请可以提交审批',
  'errors.invoiceNotCancellable': '只有草稿状态的开票申请可以取消',
  'errors.invoiceNotIssuable': '只有审批通过的开票申请可以开票（当前状态：{status}）',
  'errors.issuedInFuture': '开票日期不能晚于今天（{today}）',
  'errors.invoiceNumberFormat': '发票号码应为 8–20 位数字或字母',
  'errors.invoiceNumberUsed': '发票号码 {invoiceNumber} 已登记在其他开票申请上',
  'errors.notRequesterOrOwner': '只有申请人、合同负责人或销售经理可以操作此开票申请',
} as const;

export const invoiceMessages = {
  'zh-CN': zhCN,
  'en-US': {
    'entities.invoiceRequest': 'invoice request',
    'errors.invoiceAmountPositive': 'The invoice amount must be greater than 0',
    'errors.invoiceOverInvoiceable': 'The invoice amount {amount} exceeds the contract\'s invoiceable amount {invoiceable} (contract {contractAmount}, requested {requested})',
    'errors.invoiceContractNotSigned': 'Invoices can be requested only for a signed or executing contract (status: {status})',
    'errors.taxNumberLength': 'The tax number must have 15, 18 or 20 characters',
    'errors.taxNumberChars': 'The tax number may contain digits and capital letters only',
    'errors.taxNumberChecksum': 'The unified social credit code has a wrong check character',
    'errors.requiredForSpecialInvoice': 'Required for a VAT special invoice',
    'errors.invoiceNotSubmittable': 'Only a draft invoice request can be sent for approval',
    'errors.invoiceNotCancellable': 'Only a draft invoice request can be cancelled',
    'errors.invoiceNotIssuable': 'Only an approved invoice request can be issued (status: {status})',
    'errors.issuedInFuture': 'The invoice date must not be after today ({today})',
    'errors.invoiceNumberFormat': 'The invoice number has 8–20 digits or letters',
    'errors.invoiceNumberUsed': 'Invoice number {invoiceNumber} is already recorded on another request',
    'errors.notRequesterOrOwner': 'Only the requester, the contract owner or a sales manager may do this',
  } satisfies Record<keyof typeof zhCN, string>,
} as const;
