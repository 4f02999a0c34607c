import { Flex, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatInstant } from '../../../platform/format/format-instant';
import type { Approval, ApprovalStep } from '../api';
import { ApprovalStatusTag } from './approval-status-tag';

/**
 * A document's approval trail (审批记录), newest first: each approval links to its inbox page, with its status,
 * requester and title, and a table of its steps (who may decide or decided, when, with what comment).
 */
export function ApprovalTrail({ approvals, emptyText }: { approvals: readonly Approval[]; emptyText: string }) {
  const { t } = useTranslation('approvals');
  const fmt = useFormatInstant();
  if (approvals.length === 0) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return approvals.map((a) => (
    <Flex key={a.id} vertical gap={4} style={{ marginBottom: 12 }} data-testid="approval-trail-item">
      <Space wrap size={6}>
        <Link to={`/inbox/${a.id}`}>{fmt(a.createdAt)}</Link>
        <ApprovalStatusTag status={a.status} />
        <Typography.Text type="secondary">{a.requester.name} · {a.title}</Typography.Text>
      </Space>
      <Table<ApprovalStep> rowKey="stepIndex" size="small" pagination={false} dataSource={a.steps} scroll={{ x: 560 }}
        columns={[
          { title: t('trail.step'), dataIndex: 'label', width: 220 },
          { title: t('trail.result'), key: 'status', width: 90, render: (_, s) => t(`stepStatus.${s.status}`) },
          { title: t('trail.by'), key: 'by', width: 100, render: (_, s) => s.decidedBy?.name ?? s.assignees.map((p) => p.name).join('、') },
          { title: t('trail.at'), key: 'at', width: 150, render: (_, s) => (s.decidedAt ? fmt(s.decidedAt) : '—') },
          { title: t('trail.comment'), dataIndex: 'comment', render: (v: string | null) => v ?? '—' },
        ]} />
    </Flex>
  ));
}
