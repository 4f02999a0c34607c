import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Empty, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { useRoster, useSaveRoster } from '../api';
import { addDays, mondayOf, todayLocal } from '../components/dates';

type Grid = Record<string, string[]>;

/** The duty roster (值班表) as a week grid, date × member; the sales manager ticks who is on duty. */
export function RosterPage() {
  const { t, i18n } = useTranslation('reception');
  const { message } = App.useApp();
  const { can } = useAccess();
  const today = todayLocal();
  const [monday, setMonday] = useState(() => mondayOf(today));
  const period = { from: monday, to: addDays(monday, 6) };
  const roster = useRoster(period);
  const save = useSaveRoster();
  const [grid, setGrid] = useState<Grid>({});
  const canEdit = can('reception:roster_manage');
  const dates = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(monday, i)), [monday]);

  useEffect(() => {
    if (roster.data) setGrid(Object.fromEntries(roster.data.days.map((d) => [d.date, d.members.map((m) => m.id)])));
  }, [roster.data]);

  const editable = (date: string) => canEdit && date >= today;
  const toggle = (date: string, userId: string, on: boolean) => setGrid((g) => {
    const current = g[date] ?? [];
    return { ...g, [date]: on ? [...current, userId] : current.filter((id) => id !== userId) };
  });
  const submit = () => {
    const from = monday >= today ? monday : today;
    const days = dates.filter((d) => d >= from).map((date) => ({ date, userIds: grid[date] ?? [] }));
    save.mutate({ period: { from, to: period.to }, days }, { onSuccess: () => void message.success(t('roster.saved')) });
  };

  const dayLabel = (date: string) => new Intl.DateTimeFormat(i18n.language, { weekday: 'short', month: 'numeric', day: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`));
  const members = roster.data?.candidates ?? [];
  const columns = [
    { title: t('roster.member'), dataIndex: 'name', key: 'name', fixed: 'left' as const, width: 90 },
    ...dates.map((date) => ({
      title: <span style={{ fontWeight: date === today ? 700 : undefined }}>{dayLabel(date)}</span>,
      key: date, width: 86, align: 'center' as const,
      render: (_: unknown, m: { id: string; name: string }) => (
        <Checkbox checked={(grid[date] ?? []).includes(m.id)} disabled={!editable(date)} aria-label={`${m.name} ${date}`}
          onChange={(e) => toggle(date, m.id, e.target.checked)} data-testid={`duty-${date}-${m.id}`} />
      ),
    })),
  ];

  return (
    <PageContainer title={t('roster.title')} extra={(
      <Space wrap>
        <Button icon={<LeftOutlined />} onClick={() => setMonday(addDays(monday, -7))} aria-label={t('roster.prev')} />
        <Button onClick={() => setMonday(mondayOf(today))}>{t('roster.thisWeek')}</Button>
        <Button icon={<RightOutlined />} onClick={() => setMonday(addDays(monday, 7))} aria-label={t('roster.next')} />
        {canEdit ? <Button type="primary" onClick={submit} loading={save.isPending} disabled={period.to < today} data-testid="save-roster">{t('roster.save')}</Button> : null}
      </Space>
    )}>
      {!canEdit || monday < today ? <Alert type="info" showIcon title={t('roster.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <ErrorAlert error={save.error} />
      <Card title={<Typography.Text>{period.from} ~ {period.to}</Typography.Text>}>
        <Table rowKey="id" size="small" columns={columns} dataSource={members} loading={roster.isPending} pagination={false}
          scroll={{ x: 90 + 7 * 86 }} locale={{ emptyText: <Empty description={t('roster.empty')} /> }} data-testid="roster-grid" />
      </Card>
    </PageContainer>
  );
}
