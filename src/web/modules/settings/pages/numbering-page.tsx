import { Button, Card, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { useNumberingRules, type NumberingRule } from '../api';
import { NumberingRuleModal } from '../components/numbering-rule-modal';

/** 编号规则: one row per document type, with the next number as an example. */
export function NumberingPage() {
  const { t } = useTranslation('settings');
  const { t: tp } = useTranslation('platform');
  const rules = useNumberingRules();
  const [editing, setEditing] = useState<NumberingRule | null>(null);
  const typeLabel = (type: string) => t(`docType.${type}` as 'docType.contract', { defaultValue: type });

  if (rules.isError) return <ErrorResult error={rules.error} onRetry={() => void rules.refetch()} />;

  return (
    <PageContainer title={t('numbering.title')}>
      <Card>
        <Typography.Paragraph type="secondary">{t('numbering.intro')}</Typography.Paragraph>
        <Table<NumberingRule>
          rowKey="documentType"
          loading={rules.isPending}
          dataSource={rules.data?.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('numbering.documentType'), dataIndex: 'documentType', render: typeLabel },
            { title: t('numbering.prefix'), dataIndex: 'prefix', responsive: ['sm'] },
            { title: t('numbering.reset'), dataIndex: 'reset', render: (r: NumberingRule['reset']) => t(`reset.${r}`), responsive: ['md'] },
            { title: t('numbering.padding'), dataIndex: 'padding', responsive: ['md'] },
            { title: t('numbering.example'), dataIndex: 'example', render: (e: string) => <Typography.Text code>{e}</Typography.Text> },
            { title: tp('actions.actions'), key: 'actions', render: (_, rule) => <Button size="small" onClick={() => setEditing(rule)}>{tp('actions.edit')}</Button> },
          ]}
        />
      </Card>
      {editing ? <NumberingRuleModal key={editing.documentType} rule={editing} typeLabel={typeLabel(editing.documentType)} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}
