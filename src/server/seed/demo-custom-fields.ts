import type { DbHandle } from '../platform/db/client.js';
import { customFieldDefinitions } from '../modules/custom-fields/custom-fields.schema.js';

type Definition = Omit<typeof customFieldDefinitions.$inferInsert, 'workspaceId'>;

/** A few custom fields a sales department typically adds (none required, so every form still works without them). */
const demoFields: Definition[] = [
  { entity: 'customers', key: 'erp', labelZh: 'ERP 系统', labelEn: 'ERP system', kind: 'text', sortOrder: 10 },
  { entity: 'customers', key: 'annualRevenue', labelZh: '年营业额', labelEn: 'Annual revenue', kind: 'money', sortOrder: 20 },
  { entity: 'customers', key: 'employees', labelZh: '员工人数', labelEn: 'Employees', kind: 'number', sortOrder: 30 },
  { entity: 'customers', key: 'sourceChannel', labelZh: '获客渠道', labelEn: 'Acquired through', kind: 'select', options: ['展会', '官网', '转介绍', '电话营销', '其他'], sortOrder: 40 },
  { entity: 'customers', key: 'certifications', labelZh: '资质认证', labelEn: 'Certifications', kind: 'multiSelect', options: ['ISO9001', 'ISO14001', 'IATF16949', '高新技术企业'], sortOrder: 50 },
  { entity: 'customers', key: 'contractExpiresOn', labelZh: '现有合同到期日', labelEn: 'Current contract expires on', kind: 'date', sortOrder: 60 },
  { entity: 'contacts', key: 'hobby', labelZh: '兴趣爱好', labelEn: 'Hobbies', kind: 'text', sortOrder: 10 },
  { entity: 'contacts', key: 'hometown', labelZh: '籍贯', labelEn: 'Hometown', kind: 'text', sortOrder: 20 },
  { entity: 'leads', key: 'budgetRange', labelZh: '预算区间', labelEn: 'Budget range', kind: 'select', options: ['10 万以下', '10–50 万', '50–200 万', '200 万以上'], sortOrder: 10 },
];

/** Seeds the demo workspace's custom field definitions. */
export async function seedDemoCustomFields(handle: DbHandle, workspaceId: string) {
  await handle.db.insert(customFieldDefinitions).values(demoFields.map((f) => ({ ...f, workspaceId })));
}
