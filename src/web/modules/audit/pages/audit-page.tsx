import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { auditExportUrl, useAuditLog, type AuditEntry, type AuditFilter } from '../api';
import { AuditDiff } from '../components/audit-diff';
import { AuditFilters } from '../components/audit-filters';
import { actionLabel, entityLabel } from '../components/audit-labels';

const filterKeys = ['entity', 'entityId', 'actorId', 'action'] as const;

/** 审计日志: filter, read newest first with "load more", expand a row for before/after. Filters live in the URL. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const format = useFormatInstant();
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = Object.fromEntries(filterKeys.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const log = useAuditLog(filter);
  const applyFilter = (next: AuditFilter) => setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as Record<string, string>);

  return (
    <PageContainer title={t('audit.title')}
      extra={<Button icon={<DownloadOutlined />} href={auditExportUrl(filter)} download>{t('audit.export')}</Button>}>
      <Card>
        <Typography.Paragraph type="secondary">{t('audit.intro')}</Typography.Paragraph>
        <AuditFilters key={params.toString()} value={filter} onChange={applyFilter} />
        {log.isError ? <ErrorAlert error={log.error} /> : null}
        <Table<AuditEntry>
          rowKey="id"
          size="middle"
          loading={log.isPending}
          dataSource={log.items}
          pagination={false}
          locale={{ emptyText: t('audit.empty') }}
          data-testid="audit-table"
          expandable={{ expandedRowRender: (e) => <AuditDiff before={e.before} after={e.after} />, rowExpandable: (e) => e.before != null || e.after != null }}
          columns={[
            { title: t('column.at'), dataIndex: 'at', width: 150, render: format },
            { title: t('column.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? t('system') },
            { title: t('column.entity'), key: 'entity', render: (_, e) => (
              <div style={{ minWidth: 0 }}>
                <div>{entityLabel(t, e.entity)}</div>
                {e.entityId ? (
                  <Typography.Link style={{ fontSize: 12, wordBreak: 'break-all' }} title={t('diff.filterById')}
                    onClick={() => applyFilter({ entity: e.entity, entityId: e.entityId ?? undefined })}>{e.entityId}</Typography.Link>
                ) : null}
              </div>
            ) },
            { title: t('column.action'), dataIndex: 'action', render: (a: string) => <Tag color={a === 'login_failed' || a === 'reject' ? 'red' : undefined}>{actionLabel(t, a)}</Tag> },
            { title: t('column.ip'), dataIndex: 'ip', responsive: ['lg'], render: (ip: string | null) => ip ?? '—' },
          ]}
        />
        <LoadMore hasMore={log.hasNextPage} loading={log.isFetchingNextPage} onLoad={() => void log.fetchNextPage()} count={log.items.length} />
      </Card>
    </PageContainer>
  );
}
