import {
  DndContext, DragOverlay, KeyboardSensor, MouseSensor, pointerWithin, rectIntersection, TouchSensor, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type CollisionDetection, type DragEndEvent, type DragStartEvent, type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import { Button, Empty, Flex, Grid, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Kanban, KanbanColumn, Opportunity } from '../api';
import { KanbanCard } from './kanban-card';
import { formatMoney } from './money-format';
import { FunnelCategoryTag } from './opportunity-tags';

/** Cards drawn per column at first and per "show more": 200 cards on a board stay light. */
export const CARDS_SHOWN = 20;

/** Pointer drops go to the column under the pointer; keyboard drags (no pointer) to the column the card overlaps. */
const collisionDetection: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** With the keyboard, ←/→ jump a lifted card to the previous/next column (Space drops it, Esc puts it back). */
const columnJump: KeyboardCoordinateGetter = (event, { context: { collisionRect, droppableRects } }) => {
  if (!collisionRect || (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft')) return undefined;
  event.preventDefault();
  const center = collisionRect.left + collisionRect.width / 2;
  const rects = [...droppableRects.values()].sort((a, b) => a.left - b.left);
  const target = event.code === 'ArrowRight'
    ? rects.find((r) => r.left > center)
    : [...rects].reverse().find((r) => r.left + r.width < center);
  if (!target) return undefined;
  return { x: target.left + (target.width - collisionRect.width) / 2, y: collisionRect.top };
};

function DraggableCard({ card }: { card: Opportunity }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: card.id, data: { card } });
  return (
    <div ref={setNodeRef} {...listeners} {...attributes} style={{ touchAction: 'manipulation', outlineOffset: 2 }}>
      <KanbanCard card={card} dragging={isDragging} />
    </div>
  );
}

function Column({ column, pipelineId, width }: { column: KanbanColumn; pipelineId: string; width: number | string }) {
  const { t } = useTranslation('opportunities');
  const { setNodeRef, isOver } = useDroppable({ id: column.stage.id, data: { stage: column.stage } });
  const [shown, setShown] = useState(CARDS_SHOWN);
  const cards = column.cards.slice(0, shown);
  const hiddenLoaded = column.cards.length - cards.length;
  const notLoaded = column.count - column.cards.length;
  return (
    <section ref={setNodeRef} aria-label={column.stage.name} data-testid="kanban-column" data-stage-id={column.stage.id}
      style={{
        flex: `0 0 ${typeof width === 'number' ? `${width}px` : width}`, scrollSnapAlign: 'start', display: 'flex', flexDirection: 'column',
        background: isOver ? '#e6f4ff' : '#ebedf0', borderRadius: 8, outline: isOver ? '2px dashed #1677ff' : 'none', transition: 'background .15s',
      }}>
      <header style={{ padding: '10px 12px 8px', borderBottom: '1px solid #e8e8e8' }}>
        <Flex justify="space-between" align="center" gap={6}>
          <Typography.Text strong ellipsis title={column.stage.name}>{column.stage.name}</Typography.Text>
          <Flex gap={6} align="center" style={{ flexShrink: 0 }}>
            <FunnelCategoryTag value={column.stage.funnelCategory} />
            <Typography.Text type="secondary" data-testid="column-count">{column.count}</Typography.Text>
          </Flex>
        </Flex>
        <Flex justify="space-between" gap={6} wrap style={{ marginTop: 4, fontSize: 12 }}>
          <Typography.Text style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }} title={t('kanban.amount')} data-testid="column-amount">
            {formatMoney(column.amount, { cents: false })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }} title={t('kanban.weighted')}>
            {t('kanban.weightedShort')} {formatMoney(column.weightedAmount, { cents: false })}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{column.stage.probability}%</Typography.Text>
      </header>
      <Flex vertical gap={8} style={{ padding: 8, overflowY: 'auto', flex: 1, minHeight: 120 }}>
        {cards.map((card) => <DraggableCard key={card.id} card={card} />)}
        {column.count === 0 ? <Typography.Text type="secondary" style={{ textAlign: 'center', padding: '16px 0', fontSize: 12 }}>{t('kanban.emptyColumn')}</Typography.Text> : null}
        {hiddenLoaded > 0 ? (
          <Button size="small" type="dashed" onClick={() => setShown(shown + CARDS_SHOWN)} data-testid="column-show-more">
            {t('kanban.showMore', { count: Math.min(hiddenLoaded, CARDS_SHOWN), rest: hiddenLoaded + Math.max(notLoaded, 0) })}
          </Button>
        ) : null}
        {hiddenLoaded === 0 && notLoaded > 0 ? (
          <Link to={`/opportunities/list?pipelineId=${pipelineId}&stageId=${column.stage.id}&status=open`} style={{ textAlign: 'center', fontSize: 12 }}>
            {t('kanban.seeAllInList', { count: column.count })}
          </Link>
        ) : null}
      </Flex>
    </section>
  );
}

/**
 * The board of one pipeline: a column per stage with its count, amount and weighted amount (totals
 * from the server), cards dragged between columns with mouse, touch (press and hold) or keyboard.
 * Dropping on another column calls `onMove`; the caller moves the card and puts it back if refused.
 */
export function KanbanBoard({ kanban, onMove }: { kanban: Kanban; onMove: (card: Opportunity, toStageId: string) => void }) {
  const { t } = useTranslation('opportunities');
  const isPhone = !Grid.useBreakpoint().md;
  const [active, setActive] = useState<Opportunity | null>(null);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnJump, scrollBehavior: 'auto' }),
  );
  const stageName = (id: string | number | undefined) => kanban.columns.find((c) => c.stage.id === id)?.stage.name ?? '';
  const cardName = (id: string | number) => kanban.columns.flatMap((c) => c.cards).find((c) => c.id === id)?.name ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('kanban.a11y.picked', { name: cardName(a.id) }),
    onDragOver: ({ active: a, over }) => (over ? t('kanban.a11y.over', { name: cardName(a.id), stage: stageName(over.id) }) : undefined),
    onDragEnd: ({ active: a, over }) => (over ? t('kanban.a11y.dropped', { name: cardName(a.id), stage: stageName(over.id) }) : t('kanban.a11y.cancelled', { name: cardName(a.id) })),
    onDragCancel: ({ active: a }) => t('kanban.a11y.cancelled', { name: cardName(a.id) }),
  };

  const onDragStart = (event: DragStartEvent) => setActive((event.active.data.current as { card: Opportunity }).card);
  const onDragEnd = ({ active: a, over }: DragEndEvent) => {
    setActive(null);
    const card = (a.data.current as { card: Opportunity }).card;
    if (over && over.id !== card.stageId) onMove(card, String(over.id));
  };

  if (kanban.columns.length === 0) return <Empty description={t('kanban.noStages')} />;
  return (
    <DndContext sensors={sensors} collisionDetection={collisionDetection} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setActive(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('kanban.a11y.instructions') } }}>
      <div className="kairos-kanban" data-testid="kanban-board"
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, scrollSnapType: isPhone && !active ? 'x mandatory' : undefined, alignItems: 'stretch', maxHeight: 'calc(100vh - 230px)', minHeight: 360 }}>
        {kanban.columns.map((column) => (
          <Column key={`${column.stage.id}`} column={column} pipelineId={kanban.pipeline.id} width={isPhone ? '82vw' : 272} />
        ))}
      </div>
      <DragOverlay dropAnimation={null}>{active ? <div style={{ width: isPhone ? '78vw' : 256 }}><KanbanCard card={active} overlay /></div> : null}</DragOverlay>
    </DndContext>
  );
}
