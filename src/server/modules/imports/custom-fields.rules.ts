/**
 * One `cf.<key>` cell against its custom field definition (domain §17), with the custom-fields
 * module's message keys: unknown and inactive fields are refused, the text is converted to the kind.
 */
import { cellText, parseDate, parseDecimal, parseTags, type Parsed, type RawCell } from './cells.rules.js';

export interface CustomFieldDef {
  key: string;
  kind: 'text' | 'number' | 'money' | 'date' | 'select' | 'multiSelect';
  options: readonly string[];
  isRequired: boolean;
  isActive: boolean;
}

export function customFieldCell(def: CustomFieldDef | undefined, cell: RawCell): Parsed<unknown> {
  const text = cellText(cell) ?? '';
  if (!def) return { ok: false, reason: 'errors.customFieldUnknown' };
  if (!def.isActive) return { ok: false, reason: 'errors.customFieldInactive' };
  const optionOf = (value: string) => def.options.find((o) => o === value) ?? def.options.find((o) => o.toLowerCase() === value.toLowerCase());
  switch (def.kind) {
    case 'text': return text.length > 2000 ? { ok: false, reason: 'errors.tooLong', params: { max: 2000 } } : { ok: true, value: text };
    case 'number': {
      const n = parseDecimal(cell, 6);
      return n.ok && n.value !== null ? { ok: true, value: Number(n.value) } : { ok: false, reason: 'errors.customFieldKind', params: { expected: 'number' } };
    }
    case 'money': {
      const m = parseDecimal(cell, 2);
      if (!m.ok || m.value === null) return { ok: false, reason: 'errors.customFieldMoney' };
      const [whole, decimals = ''] = m.value.split('.');
      return { ok: true, value: `${whole}.${decimals.padEnd(2, '0')}` };
    }
    case 'date': {
      const d = parseDate(cell);
      return d.ok && d.value !== null ? { ok: true, value: d.value } : { ok: false, reason: 'errors.customFieldDate' };
    }
    case 'select': {
      const option = optionOf(text);
      return option ? { ok: true, value: option } : { ok: false, reason: 'errors.customFieldOption', params: { options: def.options.join('、') } };
    }
    case 'multiSelect': {
      const parts = parseTags(text);
      const values = parts.ok ? parts.value.map(optionOf) : [];
      return values.every((v) => v !== undefined) ? { ok: true, value: [...new Set(values)] } : { ok: false, reason: 'errors.customFieldOption', params: { options: def.options.join('、') } };
    }
  }
}
