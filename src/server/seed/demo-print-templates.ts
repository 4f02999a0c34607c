import { contextFor } from '../platform/auth/context-for.js';
import type { DbHandle } from '../platform/db/client.js';
import { defaultTemplates, savePrintTemplate } from '../modules/print-templates/index.js';

/**
 * Demo print templates (打印模板, domain §17): the sales VP has adapted the contract template — a
 * confidentiality clause and our bank account for payments — through the same command as the
 * settings page. Quotes and delivery notes print the built-in templates.
 */
export async function seedDemoPrintTemplates(handle: DbHandle, demo: { workspaceId: string; userIds: Record<string, string> }) {
  const vp = await contextFor(handle, demo.workspaceId, demo.userIds.vp!);
  const body = defaultTemplates.contract
    .replace('## 七、其他', [
      '## 七、保密条款',
      '双方对因签订和履行本合同而知悉的对方商业秘密、技术资料及价格信息负有保密义务，未经对方书面同意不得向任何第三方披露。本条款在合同终止后三年内继续有效。',
      '',
      '## 八、乙方收款账户',
      '户名：{{contract.sellerParty}}',
      '开户行：招商银行上海分行张江支行',
      '账号：1219 0876 5432 001',
      '',
      '## 九、其他',
    ].join('\n'));
  await savePrintTemplate(vp, 'contract', { body, version: 0 });
}
