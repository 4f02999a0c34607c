import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { useStageHistory, type StageHistory } from '../api';

const kindColors: Record<StageHistory['kind'], string> = { create: 'blue', move: 'default', close: 'purple', reopen: 'orange' };

/** Every stage change: from, to, who, when and the days spent in the stage left. */
export function HistoryTab({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation('opportunities');
  const formatInstant = useFormatInstant();
  const history = useStageHistory(opportunityId);
  return (
    <>
      <ErrorAlert error={history.error} />
      <Table<StageHistory> rowKey="id" loading={history.isPending} dataSource={history.data?.items ?? []} pagination={false} size="small"
        scroll={{ x: 'max-content' }} locale={{ emptyText: t('history.empty') }} data-testid="stage-history"
        columns={[
          { title: t('history.at'), dataIndex: 'at', render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(at)}</span> },
          { title: t('history.kind'), dataIndex: 'kind', render: (k: StageHistory['kind'], h) => (
            <Tag color={h.outcome === 'won' ? 'success' : h.outcome === 'lost' ? 'default' : kindColors[k]}>{h.outcome ? t(`status.${h.outcome}`) : t(`history.kind.${k}`)}</Tag>
          ) },
          { title: t('history.change'), key: 'change', render: (_, h) => (
            <span style={{ whiteSpace: 'nowrap' }}>{h.fromStageName ?? '—'} → {h.toStageName ?? '—'}</span>
          ) },
          { title: t('history.daysInStage'), dataIndex: 'daysInStage', align: 'right', render: (d: number | null) => (d === null ? '—' : t('card.daysInStage', { count: d })) },
          { title: t('history.actor'), dataIndex: 'actorName', responsive: ['sm'], render: (n: string | null) => n ?? '—' },
          { title: t('history.note'), dataIndex: 'note', responsive: ['md'], render: (n: string | null) => (n ? <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{n}</Typography.Text> : '—') },
        ]} />
    </>
  );
}
