import { Descriptions, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CreditValues } from '../../../../shared/contracts/credit.contract';
import { formatMoney, GradeTag, useTermsText } from './credit-format';

export interface CreditChangeSnapshot {
  customerId: string; customerName: string; ownerName: string | null; from: CreditValues | null; to: CreditValues; reason: string;
}

/** Whether an approval's frozen snapshot has the credit change shape (documentType credit_change). */
export function isCreditChangeSnapshot(value: Record<string, unknown>): value is Record<string, unknown> & CreditChangeSnapshot {
  const to = value.to as Partial<CreditValues> | undefined;
  return typeof value.customerId === 'string' && typeof value.customerName === 'string' && typeof to?.limit === 'string' && typeof to.grade === 'string';
}

/** What the approver decides, frozen: limit, grade and terms before → after, for which customer and why. */
export function CreditChangeSnapshotView({ snapshot }: { snapshot: CreditChangeSnapshot }) {
  const { t } = useTranslation('credit');
  const { t: ta } = useTranslation('approvals');
  const terms = useTermsText();
  const rows = [
    { key: 'limit', label: t('field.limit'), from: snapshot.from ? formatMoney(snapshot.from.limit) : '—', to: formatMoney(snapshot.to.limit) },
    { key: 'grade', label: t('field.grade'), from: snapshot.from ? <GradeTag grade={snapshot.from.grade} /> : <GradeTag grade={null} />, to: <GradeTag grade={snapshot.to.grade} /> },
    { key: 'terms', label: t('field.termsDays'), from: snapshot.from ? terms(snapshot.from.termsDays) : '—', to: terms(snapshot.to.termsDays) },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }} items={[
        { key: 'customer', label: t('field.customer'), children: <Link to={`/customers/${snapshot.customerId}?tab=credit`}>{snapshot.customerName}</Link> },
        { key: 'owner', label: t('field.owner'), children: snapshot.ownerName ?? '—' },
        { key: 'reason', label: t('propose.reason'), children: snapshot.reason },
      ]} />
      <Table size="small" pagination={false} rowKey="key" dataSource={rows} data-testid="credit-change-snapshot" columns={[
        { title: ta('snapshot.key'), dataIndex: 'label' },
        { title: ta('snapshot.previous'), dataIndex: 'from' },
        { title: ta('snapshot.proposed'), dataIndex: 'to', render: (v: React.ReactNode) => <strong>{v}</strong> },
      ]} />
    </>
  );
}
