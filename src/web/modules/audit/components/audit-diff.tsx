import { Checkbox, Empty, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JsonValue } from '../../../platform/format/json-value';
import { diffEntries, type DiffRow } from './diff-entries';

/** Before and after side by side, changed fields highlighted; unchanged ones hidden unless asked for. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('audit');
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffEntries(before, after);
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diff.nothing')} />;
  const hasUnchanged = rows.some((r) => !r.isChanged);
  return (
    <div data-testid="audit-diff">
      {hasUnchanged ? <Checkbox checked={showUnchanged} onChange={(e) => setShowUnchanged(e.target.checked)} style={{ marginBottom: 8 }}>{t('diff.showUnchanged')}</Checkbox> : null}
      <Table<DiffRow>
        size="small"
        rowKey={(r) => r.field || '(value)'}
        pagination={false}
        dataSource={showUnchanged ? rows : rows.filter((r) => r.isChanged)}
        rowClassName={(r) => (r.isChanged ? 'kairos-diff-changed' : '')}
        columns={[
          { title: t('diff.field'), dataIndex: 'field', width: '22%', render: (f: string) => <code>{f || '—'}</code> },
          { title: t('diff.before'), dataIndex: 'before', render: (v: unknown, r) => <span className={r.isChanged ? 'kairos-diff-before' : ''}><JsonValue value={v} /></span> },
          { title: t('diff.after'), dataIndex: 'after', render: (v: unknown, r) => <span className={r.isChanged ? 'kairos-diff-after' : ''}><JsonValue value={v} /></span> },
        ]}
      />
    </div>
  );
}
