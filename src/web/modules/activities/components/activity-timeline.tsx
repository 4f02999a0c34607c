import { Button, Empty, Flex, Space, Tag, Timeline, Typography, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { http } from '../../../platform/http/http-client';
import { LoadMore } from '../../../platform/list/load-more';
import { useCompleteActivity, useTimeline, type Activity, type TimelineEntry, type TimelineOf } from '../api';
import { ActivityFormModal } from './activity-form-modal';

const colorOf: Record<TimelineEntry['kind'], string> = { activity: 'blue', call_report: 'green', task: 'orange', stage_change: 'purple' };

/**
 * The history of a customer or an opportunity (activities, call reports, tasks, stage changes), newest
 * first, as the server's data scope lets the user see it; with "log activity" and "write call report".
 */
export function ActivityTimeline(props: TimelineOf) {
  const of: TimelineOf = 'customerId' in props ? { customerId: props.customerId } : { opportunityId: props.opportunityId };
  const { t } = useTranslation('activities');
  const { can } = useAccess();
  const navigate = useNavigate();
  const format = useFormatInstant();
  const timeline = useTimeline(of, can('activity:read'));
  const complete = useCompleteActivity();
  const [logging, setLogging] = useState(false);
  const reportQuery = new URLSearchParams(Object.entries(of)).toString();

  const completeEntry = async (id: string) => {
    const activity = await http.get<Activity>(`/activities/${id}`);
    await complete.mutateAsync({ id, version: activity.version });
    message.success(t('activity.completed'));
  };

  const label = (e: TimelineEntry) => {
    if (e.kind === 'activity' && e.type) return t(`type.${e.type as 'visit'}`);
    return t(`kind.${e.kind}`);
  };
  const statusTag = (e: TimelineEntry) => (e.kind === 'stage_change' ? null : <Tag>{t(`status.${e.status as 'done'}`, { defaultValue: e.status })}</Tag>);

  if (!can('activity:read')) return <Empty description={t('timeline.noAccess')} style={{ padding: '24px 0' }} />;
  return (
    <div data-testid="activity-timeline">
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        {can('activity:create') ? <Button type="primary" onClick={() => setLogging(true)} data-testid="log-activity">{t('timeline.logActivity')}</Button> : null}
        {can('call_report:write') ? <Button onClick={() => navigate(`/call-reports/new?${reportQuery}`)} data-testid="write-report">{t('timeline.writeReport')}</Button> : null}
      </Flex>
      <ErrorAlert error={timeline.error ?? complete.error} />
      {timeline.isSuccess && timeline.items.length === 0
        ? <Empty description={t('timeline.empty')} style={{ padding: '24px 0' }} />
        : (
          <Timeline items={timeline.items.map((e) => ({
            key: `${e.kind}:${e.id}`,
            color: e.status === 'planned' || e.status === 'open' || e.status === 'draft' ? 'gray' : colorOf[e.kind],
            content: (
              <div data-testid={`timeline-${e.kind}`}>
                <Space size={4} wrap>
                  <Tag color={colorOf[e.kind]}>{label(e)}</Tag>
                  {e.kind === 'call_report'
                    ? <Link to={`/call-reports/${e.id}`}><Typography.Text strong>{e.title}</Typography.Text></Link>
                    : <Typography.Text strong>{e.title}</Typography.Text>}
                  {statusTag(e)}
                </Space>
                <div>
                  <Typography.Text type="secondary">{format(e.at)}{e.userName ? ` · ${e.userName}` : ''}</Typography.Text>
                </div>
                {e.detail ? <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }} ellipsis={{ rows: 3, expandable: true }}>{e.detail}</Typography.Paragraph> : null}
                {e.kind === 'activity' && e.status === 'planned' && can('activity:update')
                  ? <Button size="small" style={{ marginTop: 4 }} loading={complete.isPending} onClick={() => void completeEntry(e.id)}>{t('timeline.complete')}</Button>
                  : null}
              </div>
            ),
          }))} />
        )}
      <LoadMore hasMore={timeline.hasNextPage} loading={timeline.isFetchingNextPage} onLoad={() => void timeline.fetchNextPage()} count={timeline.items.length} />
      <ActivityFormModal of={of} open={logging} onClose={() => setLogging(false)} />
    </div>
  );
}
