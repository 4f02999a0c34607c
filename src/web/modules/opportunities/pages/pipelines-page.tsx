import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { usePipelines, type Pipeline } from '../api';
import { FunnelCategoryTag } from '../components/opportunity-tags';
import { PipelineEditor } from '../components/pipeline-editor';

/** 销售流程设置 (administrators): the pipelines, each with its stages in order; edit opens the stage editor. */
export function PipelinesPage() {
  const { t } = useTranslation('opportunities');
  const pipelines = usePipelines({ includeInactive: true });
  const [editing, setEditing] = useState<Pipeline | 'new' | null>(null);
  return (
    <PageContainer title={t('pipeline.title')}
      extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="create-pipeline">{t('pipeline.create')}</Button>}>
      <Typography.Paragraph type="secondary">{t('pipeline.intro')}</Typography.Paragraph>
      <ErrorAlert error={pipelines.error} />
      <Flex vertical gap={16}>
        {(pipelines.data?.items ?? []).map((p) => (
          <Card key={p.id} data-testid="pipeline-card"
            title={<Flex gap={8} align="center" wrap>{p.name}{p.template ? <Tag>{t(`pipeline.template.${p.template}`)}</Tag> : null}{p.isActive ? null : <Tag color="default">{t('pipeline.inactive')}</Tag>}</Flex>}
            extra={<Button icon={<EditOutlined />} onClick={() => setEditing(p)} data-testid="edit-pipeline">{t('pipeline.edit')}</Button>}>
            {p.description ? <Typography.Paragraph type="secondary">{p.description}</Typography.Paragraph> : null}
            <Table rowKey="id" dataSource={p.stages} pagination={false} size="small" scroll={{ x: 'max-content' }}
              columns={[
                { title: '#', key: 'index', width: 40, render: (_, __, i) => i + 1 },
                { title: t('stage.name'), dataIndex: 'name' },
                { title: t('stage.probability'), dataIndex: 'probability', align: 'right', render: (v: string) => `${v}%` },
                { title: t('stage.category'), dataIndex: 'funnelCategory', render: (c: Pipeline['stages'][number]['funnelCategory']) => <FunnelCategoryTag value={c} /> },
                { title: t('stage.keyNode'), dataIndex: 'keyNode', responsive: ['md'], render: (v: string | null) => v ?? '—' },
                { title: t('stage.gates'), key: 'gates', responsive: ['lg'], render: (_, s) => (
                  <Flex gap={4} wrap>
                    {s.requiredFields.map((f) => <Tag key={f}>{t(`requirable.${f}`)}</Tag>)}
                    {s.requiredApprovals.map((a) => <Tag key={a} color="purple">{t(`approval.${a}`)}</Tag>)}
                    {s.requiredFields.length + s.requiredApprovals.length === 0 ? '—' : null}
                  </Flex>
                ) },
              ]} />
          </Card>
        ))}
      </Flex>
      {editing ? <PipelineEditor pipeline={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </PageContainer>
  );
}
