import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormatInstant } from '../../../platform/format/format-instant';
import type { Approval } from '../api';
import { currentStepOf, documentTypeLabel } from './approval-labels';
import { ApprovalStatusTag } from './approval-status-tag';

/** Approvals as rows; on phones only the subject and status stay, the subject line carries the rest. */
export function ApprovalTable({ items, loading, emptyText }: { items: Approval[]; loading: boolean; emptyText: string }) {
  const { t } = useTranslation('approvals');
  const format = useFormatInstant();
  return (
    <Table<Approval>
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText }}
      data-testid="approval-table"
      columns={[
        {
          title: t('field.title'), dataIndex: 'title', render: (title: string, a) => (
            <div style={{ minWidth: 0 }}>
              <Link to={`/inbox/${a.id}`} data-testid="approval-link">{title}</Link>
              <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {documentTypeLabel(t, a.documentType)} · {a.requester.name} · {format(a.createdAt)}
              </Typography.Text></div>
            </div>
          ),
        },
        { title: t('field.currentStep'), key: 'step', responsive: ['md'], render: (_, a) => (a.status === 'pending' ? currentStepOf(a)?.label ?? '—' : '—') },
        { title: t('field.status'), dataIndex: 'status', width: 96, render: (s: Approval['status']) => <ApprovalStatusTag status={s} /> },
      ]}
    />
  );
}
