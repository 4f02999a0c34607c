import { Card, Descriptions, Empty, Flex, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { callReportSections } from '../../../../shared/contracts/activities.contract';
import { useAccess } from '../../../platform/access/access';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { useCallReport, type CallReport } from '../api';
import { CallReportForm } from '../components/call-report-form';

function ReportView({ report }: { report: CallReport }) {
  const { t } = useTranslation('activities');
  const format = useFormatInstant();
  const people = (list: { id: string; name: string }[]) => (list.length ? list.map((u) => <Tag key={u.id}>{u.name}</Tag>) : '—');
  return (
    <Flex vertical gap={16} data-testid="call-report-view">
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} items={[
          { key: 'customer', label: t('report.customer'), children: <Link to={`/customers/${report.customerId}`}>{report.customerName ?? report.company}</Link> },
          { key: 'date', label: t('report.reportDate'), children: report.reportDate },
          { key: 'status', label: t('report.status'), children: <Tag color={report.status === 'sent' ? 'green' : 'default'}>{t(`status.${report.status}`)}</Tag> },
          { key: 'contact', label: t('report.contactName'), children: report.contactName ?? '—' },
          { key: 'phone', label: t('report.phone'), children: report.phone ?? '—' },
          { key: 'address', label: t('report.address'), children: report.address ?? '—' },
          { key: 'author', label: t('report.author'), children: report.authorName ?? '—' },
          { key: 'sentAt', label: t('report.sentAt'), children: format(report.sentAt) },
          { key: 'to', label: t('report.to'), children: people(report.to) },
          { key: 'cc', label: t('report.cc'), children: people(report.cc) },
        ]} />
      </Card>
      <Card size="small">
        <Descriptions size="small" column={1} layout="vertical" items={[
          { key: 'purpose', label: t('report.purpose'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{report.purpose ?? '—'}</Typography.Paragraph> },
          { key: 'notes', label: t('report.notes'), children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{report.notes ?? '—'}</Typography.Paragraph> },
        ]} />
      </Card>
      <Card size="small" title={t('report.message')}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={callReportSections.filter((k) => report.message[k]).map((k) => ({
          key: k, label: t(`report.section.${k}`), children: <span style={{ whiteSpace: 'pre-wrap' }}>{report.message[k]}</span>,
        }))} />
      </Card>
      <Card size="small" title={t('report.actionItems')}>
        {report.actionItems.length === 0 ? <Empty description={t('report.noItems')} /> : (
          <Table size="small" rowKey="index" pagination={false} scroll={{ x: 'max-content' }} dataSource={report.actionItems} columns={[
            { title: t('report.action'), dataIndex: 'action' },
            { title: t('report.assignee'), dataIndex: 'assigneeName' },
            { title: t('report.dueDate'), dataIndex: 'dueDate' },
            { title: t('report.task'), dataIndex: 'taskStatus', render: (s: string | null) => (s ? <Tag color={s === 'done' ? 'green' : 'blue'}>{t(`status.${s as 'open'}`)}</Tag> : '—') },
          ]} />
        )}
      </Card>
    </Flex>
  );
}

/** One call report: read-only once sent (or when not mine); my draft opens in the form. */
export function CallReportDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('activities');
  const { user } = useAccess();
  const report = useCallReport(id);
  if (report.isPending) return <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;
  if (report.isError) return <ErrorResult error={report.error} />;
  const r = report.data;
  const editable = r.status === 'draft' && r.authorId === user?.id;
  return (
    <PageContainer title={`${t('report.title')} · ${r.company}`}>
      {editable ? <CallReportForm key={r.version} initial={r} /> : <ReportView report={r} />}
    </PageContainer>
  );
}
