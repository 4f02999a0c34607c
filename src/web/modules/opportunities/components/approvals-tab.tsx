import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { useBid, useInitiationReport } from '../api';
import { DocStatusBadge } from './doc-status';

interface Row { key: string; document: string; status: Parameters<typeof DocStatusBadge>[0]['status']; approvalId: string | null; decidedAt: string | null; updatedAt: string | null }

/** The approvals of this deal: the initiation report and the bid price, each with its state and a link to the approval. */
export function ApprovalsTab({ opportunityId, withReport, withBid }: { opportunityId: string; withReport: boolean; withBid: boolean }) {
  const { t } = useTranslation('opportunities');
  const formatInstant = useFormatInstant();
  const report = useInitiationReport(opportunityId);
  const bid = useBid(opportunityId);
  const rows: Row[] = [
    ...(withReport ? [{ key: 'report', document: t('tab.initiationReport'), status: report.data?.status ?? null, approvalId: report.data?.approvalId ?? null, decidedAt: report.data?.decidedAt ?? null, updatedAt: report.data?.updatedAt ?? null }] : []),
    ...(withBid ? [{ key: 'bid', document: t('bid.priceApproval'), status: bid.data?.status ?? null, approvalId: bid.data?.approvalId ?? null, decidedAt: bid.data?.decidedAt ?? null, updatedAt: bid.data?.updatedAt ?? null }] : []),
  ];
  return (
    <Table<Row> rowKey="key" dataSource={rows} pagination={false} size="small" loading={report.isPending || bid.isPending} scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('approvals.empty') }} data-testid="opportunity-approvals"
      columns={[
        { title: t('approvals.document'), dataIndex: 'document' },
        { title: t('doc.statusLabel'), dataIndex: 'status', render: (s: Row['status']) => <DocStatusBadge status={s} /> },
        { title: t('approvals.decidedAt'), dataIndex: 'decidedAt', responsive: ['sm'], render: (d: string | null) => formatInstant(d) },
        { title: '', key: 'link', render: (_, r) => (r.approvalId ? <Link to={`/inbox/${r.approvalId}`}><Button size="small">{t('doc.viewApproval')}</Button></Link> : null) },
      ]} />
  );
}
