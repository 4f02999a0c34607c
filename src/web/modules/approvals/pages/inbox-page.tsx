import { Card, Select, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { approvalStatuses } from '../../../../shared/contracts/approvals.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { TODO_FILTER, useApprovals, type ApprovalFilter } from '../api';
import { ApprovalTable } from '../components/approval-table';

type Tab = 'todo' | 'mine';

function ApprovalList({ filter, emptyText }: { filter: ApprovalFilter; emptyText: string }) {
  const list = useApprovals(filter);
  return (
    <>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <ApprovalTable items={list.items} loading={list.isPending} emptyText={emptyText} />
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => void list.fetchNextPage()} count={list.items.length} />
    </>
  );
}

/** 待办: what waits on me, and what I submitted (with its status). */
export function InboxPage() {
  const { t } = useTranslation('approvals');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'mine' ? 'mine' : 'todo';
  const [status, setStatus] = useState<ApprovalFilter['status']>(undefined);

  return (
    <PageContainer title={t('inbox.title')}>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'mine' ? { tab: 'mine' } : {}, { replace: true })}
          tabBarExtraContent={tab === 'mine' ? (
            <Select allowClear placeholder={t('inbox.allStatuses')} aria-label={t('inbox.statusFilter')} value={status} onChange={setStatus} style={{ width: 128 }}
              options={approvalStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
          ) : null}
          items={[
            { key: 'todo', label: t('inbox.tab.todo'), children: <ApprovalList filter={TODO_FILTER} emptyText={t('inbox.emptyTodo')} /> },
            { key: 'mine', label: t('inbox.tab.mine'), children: <ApprovalList filter={{ requester: 'me', status }} emptyText={t('inbox.emptyMine')} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
