import { ClockCircleOutlined, UserOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Opportunity } from '../api';
import { formatMoney } from './money-format';
import { DecisionDateFlag } from './opportunity-tags';

/** One opportunity on the board: name, customer, amount, owner, days in stage and the decision-date flag. */
export function KanbanCard({ card, dragging, overlay }: { card: Opportunity; dragging?: boolean; overlay?: boolean }) {
  const { t } = useTranslation('opportunities');
  return (
    // a plain box rather than antd Card: a board draws a hundred of these at once
    <div className="kairos-kanban-card" data-testid="kanban-card" data-opportunity-id={card.id}
      style={{
        background: '#fff', border: '1px solid #e8e8e8', borderRadius: 8, padding: '8px 10px',
        opacity: dragging ? 0.4 : 1, boxShadow: overlay ? '0 8px 24px rgba(0,0,0,.18)' : '0 1px 2px rgba(0,0,0,.04)', cursor: overlay ? 'grabbing' : 'grab',
      }}>
      <Flex vertical gap={2}>
        <Link to={`/opportunities/${card.id}`} onClick={(e) => e.stopPropagation()} data-testid="kanban-card-link"
          style={{ fontWeight: 500, wordBreak: 'break-word' }} draggable={false}>
          {card.name}
        </Link>
        <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{card.customerName}</Typography.Text>
        <Flex justify="space-between" align="center" gap={4} wrap>
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>{formatMoney(card.amount, { cents: false })}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{card.probability}%</Typography.Text>
        </Flex>
        <Flex justify="space-between" align="center" gap={4} wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}><UserOutlined /> {card.ownerName}</Typography.Text>
          <Typography.Text type={card.daysInStage > 60 ? 'warning' : 'secondary'} style={{ fontSize: 12 }}>
            <ClockCircleOutlined /> {t('card.daysInStage', { count: card.daysInStage })}
          </Typography.Text>
        </Flex>
        {card.isDecisionDateMissing ? <div><DecisionDateFlag /></div> : null}
      </Flex>
    </div>
  );
}
