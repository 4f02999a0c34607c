import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Grid, Result, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { errorMessageOf, errorTitleOf } from '../../../platform/errors/describe-error';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { isApiError } from '../../../platform/http/api-error';
import { PageContainer } from '../../../platform/layout/page-container';
import {
  opportunityKeys, useKanban, useMoveOpportunity, usePipelines, type Kanban, type KanbanFilter, type Opportunity,
} from '../api';
import { CloseModal } from '../components/close-modal';
import { KanbanBoard } from '../components/kanban-board';
import { OwnerFilter } from '../components/owner-filter';
import { PipelineSelect } from '../components/pipeline-select';
import { ViewSwitch } from '../components/view-switch';

/** The board with the card moved to another column (totals stay the server's until it answers). */
function withCardMoved(kanban: Kanban, card: Opportunity, toStageId: string): Kanban {
  const moved = { ...card, stageId: toStageId, stageName: kanban.columns.find((c) => c.stage.id === toStageId)?.stage.name ?? card.stageName };
  return {
    ...kanban,
    columns: kanban.columns.map((c) => {
      if (c.stage.id === card.stageId) return { ...c, cards: c.cards.filter((x) => x.id !== card.id) };
      if (c.stage.id === toStageId) return { ...c, cards: [moved, ...c.cards] };
      return c;
    }),
  };
}

/** 商机看板: one pipeline's open opportunities by stage; drag a card to move it (the server checks the gates). */
export function KanbanPage() {
  const { t } = useTranslation('opportunities');
  const { t: tp } = useTranslation('platform');
  const { can } = useAccess();
  const { message, notification } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const pipelines = usePipelines();
  const active = (pipelines.data?.items ?? []).filter((p) => p.isActive);
  const pipelineId = params.get('pipelineId') ?? active[0]?.id ?? '';
  const ownerId = params.get('ownerId') ?? undefined;
  const filter: KanbanFilter | null = pipelineId ? { pipelineId, ...(ownerId ? { ownerId } : {}) } : null;
  const kanban = useKanban(filter);
  const move = useMoveOpportunity();
  const isPhone = !Grid.useBreakpoint().md;
  const [closing, setClosing] = useState<Opportunity | null>(null);

  useEffect(() => {
    if (!params.get('pipelineId') && active[0]) setParams((p) => { p.set('pipelineId', active[0]!.id); return p; }, { replace: true });
  }, [active, params, setParams]);

  const set = (key: string, value: string | undefined) => setParams((p) => { if (value) p.set(key, value); else p.delete(key); return p; }, { replace: true });

  const onMove = (card: Opportunity, toStageId: string) => {
    if (!filter) return;
    const key = opportunityKeys.kanban(filter);
    const before = queryClient.getQueryData<Kanban>(key);
    const to = before?.columns.find((c) => c.stage.id === toStageId)?.stage;
    // the order column is reached by closing as won (with a summary), not by a move
    if (to?.funnelCategory === 'order') {
      setClosing(card);
      return;
    }
    if (before) queryClient.setQueryData(key, withCardMoved(before, card, toStageId));
    const toName = to?.name ?? '';
    move.mutate({ id: card.id, version: card.version, toStageId }, {
      onSuccess: () => void message.success(t('move.done', { name: card.name, stage: toName })),
      onError: (error) => {
        if (before) queryClient.setQueryData(key, before); // the card goes back
        if (isApiError(error) && error.code === 'CONFLICT') {
          void message.warning(t('move.conflict'));
          void kanban.refetch();
          return;
        }
        notification.error({
          key: `move-${card.id}`, placement: 'topRight', duration: 8,
          title: isApiError(error) && error.code === 'RULE_VIOLATION' ? t('move.refused', { name: card.name, stage: toName }) : errorTitleOf(error, tp),
          description: <span data-testid="move-refusal">{errorMessageOf(error, tp)}</span>,
        });
      },
    });
  };

  const k = kanban.data;
  const totals = k ? { count: k.columns.reduce((s, c) => s + c.count, 0) } : null;
  return (
    <PageContainer title={t('kanban.title')}
      extra={(
        <>
          <ViewSwitch value="kanban" pipelineId={pipelineId} />
          {can('opportunity:create') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(`/opportunities/new${pipelineId ? `?pipelineId=${pipelineId}` : ''}`)} data-testid="create-opportunity">
              {t('list.create')}
            </Button>
          ) : null}
        </>
      )}>
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <PipelineSelect value={pipelineId || undefined} onChange={(v) => set('pipelineId', v)} style={{ width: isPhone ? '100%' : 220 }} />
        <OwnerFilter value={ownerId} onChange={(v) => set('ownerId', v)} style={{ width: isPhone ? '100%' : 160, flexGrow: isPhone ? 1 : 0 }} />
        <Button icon={<ReloadOutlined />} onClick={() => void kanban.refetch()} loading={kanban.isFetching} aria-label={tp('actions.refresh')} />
        {totals && k ? (
          <Typography.Text type="secondary" data-testid="kanban-totals">
            {t('kanban.totals', { count: totals.count })}
            {k.columns.length > 0 && !isPhone ? ` · ${t('kanban.keyboardHint')}` : ''}
          </Typography.Text>
        ) : null}
      </Flex>
      {pipelines.isError ? <ErrorAlert error={pipelines.error} /> : null}
      {kanban.isError ? <ErrorAlert error={kanban.error} /> : null}
      {pipelines.isSuccess && active.length === 0 ? <Result status="info" title={t('kanban.noPipelines')} /> : null}
      {kanban.isPending && filter ? <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex> : null}
      {k ? <KanbanBoard kanban={k} onMove={onMove} /> : null}
      {closing ? <CloseModal opportunity={closing} outcome="won" onClose={() => setClosing(null)} /> : null}
    </PageContainer>
  );
}
