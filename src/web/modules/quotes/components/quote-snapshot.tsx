import { Descriptions, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApprovalLevel, ApprovalReason, QuoteTotalsDto } from '../../../../shared/contracts/quotes.contract';
import { formatMoney } from '../../../../shared/money-format';
import { ApprovalBanner } from './approval-reasons';

interface SnapshotLine {
  description: string; unit: string; quantity: string; unitPrice: string; discountPct: string; taxRate: string; amount: string;
  effectivePrice: string | null; floorPrice: string | null; unitCost: string | null;
}
/** The values frozen on a quote approval (the server's submitQuote snapshot). */
export interface QuoteSnapshot {
  number: string; revision: number; customerName: string; quoteDate: string; validUntil: string; lines: SnapshotLine[];
  totals: QuoteTotalsDto; approvalReasons: ApprovalReason[]; approvalLevel: ApprovalLevel;
  paymentTerms: { prepaymentPct: string; balanceDays: number; text: string | null }; deliveryTerms: string | null;
}

export function isQuoteSnapshot(value: unknown): value is QuoteSnapshot {
  const v = value as Partial<QuoteSnapshot> | null;
  return typeof v === 'object' && v !== null && typeof v.number === 'string' && Array.isArray(v.lines) && typeof v.totals === 'object' && Array.isArray(v.approvalReasons);
}

const money = (v: string | null) => (v ? <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(v)}</span> : '—');

/** What the approver approves: the quote's lines against floor and effective prices, totals and reasons, frozen at submission. */
export function QuoteSnapshotView({ snapshot: s }: { snapshot: QuoteSnapshot }) {
  const { t } = useTranslation('quotes');
  const showCost = s.lines.some((l) => l.unitCost !== null);
  return (
    <Flex vertical gap={12}>
      <Descriptions bordered size="small" column={1} items={[
        { key: 'number', label: t('field.number'), children: `${s.number} · ${t('revision.label', { n: s.revision })}` },
        { key: 'customer', label: t('field.customer'), children: s.customerName },
        { key: 'valid', label: t('field.validUntil'), children: `${s.quoteDate} → ${s.validUntil}` },
        { key: 'total', label: t('field.total'), children: <Typography.Text strong>{formatMoney(s.totals.total)}</Typography.Text> },
        { key: 'discount', label: t('field.discountAmount'), children: `${formatMoney(s.totals.discountAmount)}（${s.totals.discountPct}%）` },
        { key: 'terms', label: t('section.terms'), children: [t('detail.terms', { pct: s.paymentTerms.prepaymentPct, days: s.paymentTerms.balanceDays }), s.paymentTerms.text, s.deliveryTerms].filter(Boolean).join('；') },
      ]} />
      {s.approvalReasons.length > 0 ? <ApprovalBanner reasons={s.approvalReasons} level={s.approvalLevel} steps={[]} /> : null}
      <Table<SnapshotLine> rowKey={(_, i) => String(i)} size="small" pagination={false} dataSource={s.lines} scroll={{ x: 'max-content' }} columns={[
        { title: '#', key: 'no', render: (_, __, i) => i + 1 },
        { title: t('field.description'), dataIndex: 'description' },
        { title: t('field.quantity'), dataIndex: 'quantity', align: 'right' },
        { title: t('field.unitPrice'), dataIndex: 'unitPrice', align: 'right', render: money },
        { title: t('field.discountPct'), dataIndex: 'discountPct', align: 'right' },
        { title: t('snapshot.effectivePrice'), dataIndex: 'effectivePrice', align: 'right', render: money },
        { title: t('snapshot.floorPrice'), dataIndex: 'floorPrice', align: 'right', render: money },
        ...(showCost ? [{ title: t('snapshot.unitCost'), dataIndex: 'unitCost', align: 'right' as const, render: money }] : []),
        { title: t('field.lineAmount'), dataIndex: 'amount', align: 'right', render: money },
      ]} />
    </Flex>
  );
}
