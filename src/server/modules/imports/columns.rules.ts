/**
 * What each importable entity's columns are (domain §16): the field, whether it is required, how a
 * cell is read, and the zh/en headers that map to it automatically. The header of an exported file
 * is the first zh-CN (or en-US) alias, so an export imports back unchanged.
 */
import { attitudes, buyingRoles, companySizes, customerStatuses, influenceLevels, valueClasses } from '../../../shared/contracts/customers.contract.js';
import { normaliseLabel } from './cells.rules.js';

export type { ImportEntity } from '../../../shared/contracts/imports.contract.js';
import type { ImportEntity } from '../../../shared/contracts/imports.contract.js';

export type FieldKind = 'text' | 'date' | 'decimal' | 'integer' | 'choice' | 'tags';

export interface FieldDef {
  field: string;
  kind: FieldKind;
  required?: boolean;
  /** the first zh-CN and en-US aliases are the labels */
  zh: readonly string[];
  en: readonly string[];
  choices?: Readonly<Record<string, readonly string[]>>;
}

export interface EntityDef {
  fields: readonly FieldDef[];
  /** at least one field of each group must be mapped (contacts: some way to find the customer) */
  requiredAny: readonly (readonly string[])[];
}

const choice = <T extends string>(codes: readonly T[], labels: Record<T, readonly string[]>) =>
  Object.fromEntries(codes.map((c) => [c, labels[c]])) as Record<T, readonly string[]>;

const valueClassChoices = choice(valueClasses, { A: ['A类', 'A级', '大客户'], B: ['B类', 'B级'], C: ['C类', 'C级'], D: ['D类', 'D级'] });
const statusChoices = choice(customerStatuses, {
  prospect: ['潜在', '潜在客户', '意向客户', 'prospect'], active: ['活跃', '合作中', '成交客户', '正式客户', 'customer'],
  dormant: ['休眠', '沉睡', '沉默'], lost: ['流失', '丢失', '已流失'],
});
const sizeChoices = choice(companySizes, { micro: ['微型', '微型企业'], small: ['小型', '小型企业'], medium: ['中型', '中型企业'], large: ['大型', '大型企业'] });
const buyingRoleChoices = choice(buyingRoles, {
  economic_buyer: ['经济决策者', '决策者', 'economic buyer'], technical_buyer: ['技术把关者', '技术决策者', 'technical buyer'],
  user_buyer: ['使用者', '用户', 'user buyer'], coach: ['教练', '内线'], influencer: ['影响者'],
});
const attitudeChoices = choice(attitudes, { supporter: ['支持', '支持者'], neutral: ['中立'], opponent: ['反对', '反对者'] });
const influenceChoices = choice(influenceLevels, { low: ['低'], medium: ['中'], high: ['高'] });

export const customerFields: readonly FieldDef[] = [
  { field: 'name', kind: 'text', required: true, zh: ['客户名称', '公司名称', '企业名称', '单位名称', '客户', '公司'], en: ['Company', 'Company Name', 'Account Name', 'Account', 'Customer', 'Customer Name', 'Name'] },
  { field: 'creditCode', kind: 'text', zh: ['统一社会信用代码', '社会信用代码', '信用代码', '纳税人识别号', '税号'], en: ['Credit Code', 'Unified Social Credit Code', 'USCC', 'Tax ID'] },
  { field: 'industry', kind: 'text', zh: ['行业', '所属行业'], en: ['Industry', 'Sector'] },
  { field: 'size', kind: 'choice', choices: sizeChoices, zh: ['企业规模', '规模', '公司规模'], en: ['Size', 'Company Size'] },
  { field: 'valueClass', kind: 'choice', choices: valueClassChoices, zh: ['客户等级', '价值等级', '客户级别', '大客户等级'], en: ['Value Class', 'Class', 'Tier'] },
  { field: 'status', kind: 'choice', choices: statusChoices, zh: ['客户状态', '状态'], en: ['Status'] },
  { field: 'territory', kind: 'text', zh: ['区域', '销售区域', '所属区域'], en: ['Territory', 'Sales Territory'] },
  { field: 'address', kind: 'text', zh: ['地址', '公司地址', '详细地址', '办公地址'], en: ['Address', 'Billing Street', 'Street'] },
  { field: 'website', kind: 'text', zh: ['网址', '网站', '官网', '公司网站'], en: ['Website', 'Web', 'URL'] },
  { field: 'phone', kind: 'text', zh: ['电话', '联系电话', '公司电话', '电话号码', '手机', '手机号', '座机'], en: ['Phone', 'Telephone', 'Tel', 'Mobile'] },
  { field: 'tags', kind: 'tags', zh: ['标签'], en: ['Tags', 'Tag'] },
  { field: 'owner', kind: 'text', zh: ['负责人', '客户负责人', '归属人', '所属销售', '销售代表', '业务员'], en: ['Owner', 'Owner Name', 'Account Owner', 'Sales Rep'] },
  { field: 'latitude', kind: 'text', zh: ['纬度'], en: ['Latitude', 'Lat'] },
  { field: 'longitude', kind: 'text', zh: ['经度'], en: ['Longitude', 'Lng', 'Lon'] },
];

export const contactFields: readonly FieldDef[] = [
  { field: 'customer', kind: 'text', zh: ['客户名称', '公司名称', '所属客户', '客户', '公司', '单位'], en: ['Company', 'Account', 'Account Name', 'Customer', 'Customer Name'] },
  { field: 'customerCreditCode', kind: 'text', zh: ['统一社会信用代码', '客户信用代码', '信用代码'], en: ['Credit Code', 'Customer Credit Code'] },
  { field: 'customerExternalId', kind: 'text', zh: ['客户外部编号'], en: ['Customer External Id', 'Account Id', 'AccountId'] },
  { field: 'name', kind: 'text', required: true, zh: ['姓名', '联系人', '联系人姓名', '名字'], en: ['Name', 'Contact', 'Contact Name', 'Full Name'] },
  { field: 'title', kind: 'text', zh: ['职务', '职位', '头衔'], en: ['Title', 'Job Title', 'Position'] },
  { field: 'department', kind: 'text', zh: ['部门'], en: ['Department'] },
  { field: 'mobile', kind: 'text', zh: ['手机', '手机号', '手机号码', '移动电话'], en: ['Mobile', 'Mobile Phone', 'MobilePhone', 'Cell'] },
  { field: 'phone', kind: 'text', zh: ['电话', '座机', '办公电话', '联系电话'], en: ['Phone', 'Telephone', 'Work Phone', 'Business Phone'] },
  { field: 'email', kind: 'text', zh: ['邮箱', '电子邮箱', '电子邮件'], en: ['Email', 'E-mail', 'Mail'] },
  { field: 'im', kind: 'text', zh: ['微信', 'QQ', '即时通讯'], en: ['WeChat', 'IM'] },
  { field: 'birthday', kind: 'date', zh: ['生日', '出生日期'], en: ['Birthday', 'Birthdate', 'Date of Birth'] },
  { field: 'notes', kind: 'text', zh: ['备注', '说明'], en: ['Notes', 'Note', 'Remark'] },
  { field: 'buyingRole', kind: 'choice', choices: buyingRoleChoices, zh: ['采购角色', '购买角色', '拜访对象'], en: ['Buying Role', 'Role'] },
  { field: 'attitude', kind: 'choice', choices: attitudeChoices, zh: ['态度'], en: ['Attitude'] },
  { field: 'influence', kind: 'choice', choices: influenceChoices, zh: ['影响力'], en: ['Influence'] },
];

export const leadSourceChoices: Readonly<Record<string, readonly string[]>> = {
  web_form: ['官网留言', '官网', '网站表单', 'web form', 'online form', 'web'],
  phone: ['电话', '来电', 'cold call', 'phone', 'phone inquiry'],
  exhibition: ['展会', 'trade show', 'exhibition'],
  partner_referral: ['合作伙伴推荐', '伙伴推荐', '推荐', 'referral', 'partner', 'partner referral', 'employee referral', 'external referral'],
  walk_in: ['上门', '来访', 'walk in'],
  online: ['网络', '网络推广', 'online', 'internet', 'social media'],
  business_meeting: ['商务洽谈', 'business meeting', 'meeting'],
  other: ['其他', 'other'],
};

export const leadFields: readonly FieldDef[] = [
  { field: 'company', kind: 'text', required: true, zh: ['公司名称', '客户名称', '企业名称', '公司', '单位'], en: ['Company', 'Company Name', 'Account Name'] },
  { field: 'contactName', kind: 'text', zh: ['联系人', '联系人姓名', '姓名'], en: ['Contact', 'Contact Name', 'Name', 'Full Name'] },
  { field: 'title', kind: 'text', zh: ['职务', '职位'], en: ['Title', 'Job Title'] },
  { field: 'phone', kind: 'text', zh: ['电话', '手机', '手机号', '联系电话'], en: ['Phone', 'Mobile', 'Telephone'] },
  { field: 'email', kind: 'text', zh: ['邮箱', '电子邮箱'], en: ['Email', 'E-mail'] },
  { field: 'im', kind: 'text', zh: ['微信', 'QQ'], en: ['WeChat', 'IM'] },
  { field: 'region', kind: 'text', zh: ['地区', '所在地区', '省市'], en: ['Region', 'State', 'City'] },
  { field: 'industry', kind: 'text', zh: ['行业'], en: ['Industry'] },
  { field: 'source', kind: 'choice', choices: leadSourceChoices, zh: ['线索来源', '来源', '来源渠道'], en: ['Source', 'Lead Source', 'LeadSource'] },
  { field: 'needDescription', kind: 'text', zh: ['需求描述', '需求', '备注'], en: ['Need', 'Need Description', 'Description'] },
  { field: 'estimatedAmount', kind: 'decimal', zh: ['预计金额', '预算'], en: ['Estimated Amount', 'Budget'] },
  { field: 'owner', kind: 'text', zh: ['负责人', '所属销售', '销售代表'], en: ['Owner', 'Owner Name', 'Sales Rep'] },
];

export const entityDefs: Record<ImportEntity, EntityDef> = {
  customers: { fields: customerFields, requiredAny: [] },
  contacts: { fields: contactFields, requiredAny: [['customer', 'customerCreditCode', 'customerExternalId']] },
  leads: { fields: leadFields, requiredAny: [] },
};

/** Entities whose records carry custom fields imported from `cf.<key>` columns. */
export const CUSTOM_FIELD_PREFIX = 'cf.';
const CUSTOM_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,39}$/;
export const isCustomFieldTarget = (target: string) => target.startsWith(CUSTOM_FIELD_PREFIX) && CUSTOM_KEY.test(target.slice(CUSTOM_FIELD_PREFIX.length));

/** file header (as written) → field, or null to ignore the column */
export type MappingOverride = Readonly<Record<string, string | null>>;

export interface ColumnMapping {
  /** per header index: the field it fills, or null when ignored */
  targets: (string | null)[];
  /** required fields (and required groups) no column maps to */
  missing: string[][];
  /** override targets that are no field of the entity */
  unknownTargets: string[];
}

/**
 * Maps file headers to fields: the caller's override first (by exact header), then aliases
 * (compared without case, width, spaces, punctuation or bracketed remarks), then `cf.<key>`
 * headers to custom fields. A field is filled by the first column that maps to it.
 */
export function mapColumns(def: EntityDef, headers: readonly string[], override: MappingOverride = {}): ColumnMapping {
  const byAlias = new Map<string, string>();
  for (const f of def.fields) {
    for (const alias of [f.field, ...f.zh, ...f.en]) {
      const key = normaliseLabel(alias);
      if (!byAlias.has(key)) byAlias.set(key, f.field);
    }
  }
  const known = new Set(def.fields.map((f) => f.field));
  const unknownTargets: string[] = [];
  const taken = new Set<string>();
  const targets: (string | null)[] = headers.map(() => null);
  const claim = (i: number, target: string | null) => {
    if (target === null || taken.has(target)) return;
    taken.add(target);
    targets[i] = target;
  };
  const overridden = (header: string) => Object.prototype.hasOwnProperty.call(override, header);
  // the caller's choices first, so an automatic match never takes a field the caller gave to another column
  headers.forEach((header, i) => {
    if (!overridden(header)) return;
    const target = override[header] || null;
    if (target !== null && !known.has(target) && !isCustomFieldTarget(target)) unknownTargets.push(target);
    else claim(i, target);
  });
  headers.forEach((header, i) => {
    if (overridden(header)) return;
    claim(i, isCustomFieldTarget(header.trim()) ? header.trim() : byAlias.get(normaliseLabel(header)) ?? null);
  });
  const missing = [
    ...def.fields.filter((f) => f.required && !taken.has(f.field)).map((f) => [f.field]),
    ...def.requiredAny.filter((group) => !group.some((f) => taken.has(f))).map((group) => [...group]),
  ];
  return { targets, missing, unknownTargets };
}

/** The label of a field in a locale (its first alias): the column header of exports and of error messages. */
export function fieldLabel(def: EntityDef, field: string, locale: 'zh-CN' | 'en-US'): string {
  const f = def.fields.find((d) => d.field === field);
  if (!f) return field;
  return (locale === 'en-US' ? f.en[0] : f.zh[0]) ?? field;
}
