import { Button, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useCallReports, type CallReportFilter } from '../api';

/** 访问报告: those I (and my team) wrote, or those addressed to me. */
export function CallReportListPage() {
  const { t } = useTranslation('activities');
  const { can } = useAccess();
  const navigate = useNavigate();
  const [view, setView] = useState<'all' | 'mine' | 'toMe'>('all');
  const filter: CallReportFilter = view === 'mine' ? { authorId: 'me' } : view === 'toMe' ? { recipient: 'me' } : {};
  const reports = useCallReports(filter);
  return (
    <PageContainer title={t('report.list')} extra={can('call_report:write') ? <Button type="primary" onClick={() => navigate('/call-reports/new')}>{t('report.new')}</Button> : null}>
      <Segmented value={view} onChange={(v) => setView(v as typeof view)} style={{ marginBottom: 16 }}
        options={[{ value: 'all', label: t('report.list') }, { value: 'mine', label: t('report.filter.mine') }, { value: 'toMe', label: t('report.filter.toMe') }]} />
      <ErrorAlert error={reports.error} />
      <Table rowKey="id" size="small" loading={reports.isPending} dataSource={reports.items} pagination={false} scroll={{ x: 'max-content' }} columns={[
        { title: t('report.reportDate'), dataIndex: 'reportDate' },
        { title: t('report.company'), dataIndex: 'company', render: (v: string, r) => <Link to={`/call-reports/${r.id}`}>{v}</Link> },
        { title: t('report.author'), dataIndex: 'authorName' },
        { title: t('report.to'), dataIndex: 'to', render: (to: { name: string }[]) => to.map((u) => u.name).join('、') },
        { title: t('report.actionItemCount'), dataIndex: 'actionItemCount' },
        { title: t('report.status'), dataIndex: 'status', render: (s: 'draft' | 'sent') => <Tag color={s === 'sent' ? 'green' : 'default'}>{t(`status.${s}`)}</Tag> },
      ]} />
      <LoadMore hasMore={reports.hasNextPage} loading={reports.isFetchingNextPage} onLoad={() => void reports.fetchNextPage()} count={reports.items.length} />
    </PageContainer>
  );
}
