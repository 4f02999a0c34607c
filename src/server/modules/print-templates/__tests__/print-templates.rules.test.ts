import { describe, expect, it } from 'vitest';
import { printKinds } from '../../../../shared/contracts/print-templates.contract.js';
import { defaultTemplates } from '../print-templates.defaults.js';
import { amountInChineseWords, fillText, parseTemplate, printDate, printMoney, validateTemplate, viewOf } from '../print-templates.rules.js';

describe('人民币大写 (amount in Chinese capital numerals)', () => {
  it.each([
    ['0.00', '零元整'],
    ['0.05', '伍分'],
    ['0.50', '伍角整'],
    ['0.56', '伍角陆分'],
    ['1.00', '壹元整'],
    ['10.00', '壹拾元整'],
    ['10.05', '壹拾元零伍分'],
    ['10.50', '壹拾元伍角整'],
    ['101.00', '壹佰零壹元整'],
    ['1001.00', '壹仟零壹元整'],
    ['1010.10', '壹仟零壹拾元壹角整'],
    ['9999.99', '玖仟玖佰玖拾玖元玖角玖分'],
    ['10000.00', '壹万元整'],
    ['10005.00', '壹万零伍元整'],
    ['100000.00', '壹拾万元整'],
    ['100500.00', '壹拾万零伍佰元整'],
    ['125000.00', '壹拾贰万伍仟元整'],
    ['1000001.00', '壹佰万零壹元整'],
    ['1234567.89', '壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分'],
    ['10000000.00', '壹仟万元整'],
    ['100000000.00', '壹亿元整'],
    ['100050000.00', '壹亿零伍万元整'],
    ['105000000.00', '壹亿零伍佰万元整'],
    ['1234567890123456.78', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌亿玖仟零壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
    ['-10.05', '负壹拾元零伍分'],
    ['12.345', '壹拾贰元叁角伍分'], // rounded half-up to cents first
  ])('%s → %s', (amount, words) => expect(amountInChineseWords(amount)).toBe(words));
});

describe('print formats', () => {
  it.each([
    ['125000.00', '125,000.00'], ['0', '0.00'], ['1234567.891', '1,234,567.89'], ['-1500.5', '-1,500.50'], ['999.995', '1,000.00'],
  ])('money %s prints as %s (thousands separators, two decimals, no sign)', (m, printed) => expect(printMoney(m)).toBe(printed));

  it.each([
    ['2026-12-01', '2026年12月1日'], ['2027-01-15', '2027年1月15日'], ['2026-10-31', '2026年10月31日'],
  ])('date %s prints as %s', (d, printed) => expect(printDate(d)).toBe(printed));
});

describe('template syntax', () => {
  it('reads every block kind, keeping consecutive lines together and columns side by side', () => {
    const { blocks, problems } = parseTemplate('contract', [
      '^^ {{company.name}}', '# 销售合同', '>> 编号：{{doc.number}}', '---',
      '[columns]', '甲方：{{contract.buyerParty}}', '地址：{{customer.address}}', '[next]', '乙方：{{contract.sellerParty}}', '[/columns]',
      '', '## 一、标的', '[lines no description=品名 amount]', '[totals]', '[table paymentPlan no amount]', '第一行', '第二行', '', '第三段',
      '[pagebreak]', '[signature 甲方 | 乙方]',
    ].join('\n'));
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      { type: 'center', text: '{{company.name}}' }, { type: 'title', text: '销售合同' }, { type: 'right', text: '编号：{{doc.number}}' }, { type: 'rule' },
      { type: 'columns', columns: [
        [{ type: 'paragraph', text: '甲方：{{contract.buyerParty}}\n地址：{{customer.address}}' }],
        [{ type: 'paragraph', text: '乙方：{{contract.sellerParty}}' }],
      ] },
      { type: 'heading', text: '一、标的' },
      { type: 'lines', columns: [{ key: 'no', label: '序号' }, { key: 'description', label: '品名' }, { key: 'amount', label: '金额（元）' }] },
      { type: 'totals' },
      { type: 'table', name: 'paymentPlan', columns: [{ key: 'no', label: '序号' }, { key: 'amount', label: '金额（元）' }] },
      { type: 'paragraph', text: '第一行\n第二行' }, { type: 'paragraph', text: '第三段' }, { type: 'pagebreak' },
      { type: 'signature', left: '甲方', right: '乙方' },
    ]);
  });

  it.each(printKinds)('the built-in %s template is valid', (kind) => {
    expect(validateTemplate(kind, defaultTemplates[kind])).toEqual([]);
  });

  const problem = (kind: 'quote' | 'contract' | 'delivery_note', body: string) => validateTemplate(kind, body).map((p) => [p.message, p.params]);

  it.each([
    ['contract', '合同：{{contract.titel}} {{doc.number}} {{foo}}', 'errors.printUnknownPlaceholders', { names: '{{contract.titel}}, {{foo}}' }],
    ['quote', '{{contract.buyerParty}}', 'errors.printUnknownPlaceholders', { names: '{{contract.buyerParty}}' }], // a contract field is not on a quote
    ['delivery_note', '{{#quote.revision}}第 {{quote.revision}} 版{{/quote.revision}}', 'errors.printUnknownPlaceholders', { names: '{{quote.revision}}' }],
    ['contract', '[stamp]', 'errors.printUnknownDirective', { line: 1, directive: '[stamp]' }],
    ['quote', '[table paymentPlan]', 'errors.printUnknownTable', { line: 1, table: 'paymentPlan', allowed: '—' }],
    ['delivery_note', 'x\n[lines no unitPrice packaging]', 'errors.printUnknownColumns', { line: 2, columns: 'unitPrice', allowed: 'no, product, description, unit, quantity, packaging', kind: 'delivery_note' }],
    ['contract', '[columns]\n甲方', 'errors.printUnclosedColumns', { line: 1 }],
    ['contract', '[next]', 'errors.printStrayDirective', { line: 1, directive: '[next]' }],
  ] as const)('%s: %s → %s', (kind, body, key, params) => {
    expect(problem(kind, body)).toContainEqual([key, params]);
  });

  it('refuses an unclosed placeholder and partials instead of printing braces', () => {
    expect(problem('contract', '合同 {{doc.number')[0]![0]).toBe('errors.printPlaceholderSyntax');
    expect(problem('contract', '{{> header}}')[0]![0]).toBe('errors.printPlaceholderSyntax');
  });

  it('refuses an empty template and one over the length limit', () => {
    expect(problem('quote', '  \n ')).toEqual([['errors.required', undefined]]);
    expect(problem('quote', 'x'.repeat(20_001))[0]![0]).toBe('errors.printTemplateTooLong');
  });

  it('fills placeholders as written (no HTML escaping) and prints nothing for a missing value', () => {
    const view = viewOf({ 'contract.buyerParty': 'A&B <上海> "有限"公司', 'doc.number': 'HT2026-0001' });
    expect(fillText('甲方：{{contract.buyerParty}}，编号 {{doc.number}}，地址 {{customer.address}}。', view)).toBe('甲方：A&B <上海> "有限"公司，编号 HT2026-0001，地址 。');
  });
});
