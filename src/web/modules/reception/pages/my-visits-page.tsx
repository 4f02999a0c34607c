import { Button, Card, Empty, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { useVisits, type ReceptionVisit } from '../api';
import { NoteModal } from '../components/note-modal';
import { RoutedByTag, VisitStatusTags } from '../components/visit-tags';

/** The visitors and callers routed to me, with market survey and make-up customer actions. */
export function MyVisitsPage() {
  const { t } = useTranslation('reception');
  const visits = useVisits({ assigneeId: 'me' });
  const formatInstant = useFormatInstant();
  const [acting, setActing] = useState<{ visit: ReceptionVisit; command: 'survey' | 'makeUp' } | null>(null);
  const columns = [
    { title: t('col.time'), key: 'time', width: 140, render: (_: unknown, v: ReceptionVisit) => formatInstant(v.registeredAt) },
    { title: t('col.kind'), key: 'kind', width: 64, render: (_: unknown, v: ReceptionVisit) => t(`desk.kind.${v.kind}`) },
    { title: t('col.company'), dataIndex: 'company', key: 'company', ellipsis: true },
    { title: t('col.contact'), key: 'contact', width: 170, render: (_: unknown, v: ReceptionVisit) => [v.contactName, v.phone].filter(Boolean).join(' · ') || '—' },
    { title: t('col.source'), key: 'source', width: 110, render: (_: unknown, v: ReceptionVisit) => t(`source.${v.source}`) },
    { title: t('col.routedBy'), key: 'routedBy', width: 120, render: (_: unknown, v: ReceptionVisit) => <RoutedByTag routedBy={v.routedBy} /> },
    { title: t('col.status'), key: 'status', width: 150, render: (_: unknown, v: ReceptionVisit) => <VisitStatusTags visit={v} /> },
    {
      title: t('col.actions'), key: 'actions', width: 200,
      render: (_: unknown, v: ReceptionVisit) => (
        <Space size={4} wrap>
          {v.leadId ? <Link to={`/leads/${v.leadId}`}><Button size="small" type="link" data-testid="open-lead">{t('mine.openLead')}</Button></Link> : null}
          {v.access.canMarkSurvey ? <Button size="small" onClick={() => setActing({ visit: v, command: 'survey' })} data-testid="mark-survey">{t('survey.action')}</Button> : null}
          {v.access.canRequestMakeUp ? <Button size="small" type="primary" ghost onClick={() => setActing({ visit: v, command: 'makeUp' })} data-testid="request-make-up">{t('makeUp.action')}</Button> : null}
        </Space>
      ),
    },
  ];
  return (
    <PageContainer title={t('mine.title')}>
      <Card>
        <Table<ReceptionVisit> rowKey="id" size="small" columns={columns} dataSource={visits.items} loading={visits.isPending} pagination={false}
          scroll={{ x: 1040 }} locale={{ emptyText: <Empty description={t('mine.empty')} /> }} data-testid="my-visits" />
        <LoadMore hasMore={visits.hasNextPage} loading={visits.isFetchingNextPage} onLoad={() => void visits.fetchNextPage()} count={visits.items.length} />
      </Card>
      {acting ? <NoteModal visit={acting.visit} command={acting.command} onClose={() => setActing(null)} /> : null}
    </PageContainer>
  );
}
