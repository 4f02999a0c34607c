import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorResult } from '../../../platform/errors/error-result';
import { useFormatInstant } from '../../../platform/format/format-instant';
import { PageContainer } from '../../../platform/layout/page-container';
import { useApproval } from '../api';
import { documentTypeLabel } from '../components/approval-labels';
import { ApprovalStatusTag } from '../components/approval-status-tag';
import { DecisionBar } from '../components/decision-bar';
import { SnapshotView } from '../components/snapshot-view';
import { StepsTimeline } from '../components/steps-timeline';

/** One approval: what was frozen, the steps so far, and the decision buttons when it is my turn. */
export function ApprovalDetailPage() {
  const { t } = useTranslation('approvals');
  const { id = '' } = useParams();
  const approval = useApproval(id);
  const { user, can } = useAccess();
  const format = useFormatInstant();
  const back = <Link to="/inbox"><Button icon={<ArrowLeftOutlined />}>{t('detail.backToInbox')}</Button></Link>;

  if (approval.isError) return <ErrorResult error={approval.error} onRetry={() => void approval.refetch()} />;
  if (!approval.data) return <PageContainer title={t('detail.title')} extra={back}><Card><Skeleton active /></Card></PageContainer>;

  const a = approval.data;
  const isOwn = a.requester.id === user?.id;
  return (
    <PageContainer title={t('detail.title')} extra={back}>
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="approval-title">
              {a.title} <ApprovalStatusTag status={a.status} />
            </Typography.Title>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} items={[
              { key: 'type', label: t('field.documentType'), children: documentTypeLabel(t, a.documentType) },
              { key: 'requester', label: t('field.requester'), children: a.requester.name },
              { key: 'created', label: t('field.createdAt'), children: format(a.createdAt) },
              ...(a.decidedAt ? [{ key: 'decided', label: t('field.decidedAt'), children: format(a.decidedAt) }] : []),
            ]} />
          </div>
          {a.canDecide && can('approval:decide') ? <DecisionBar approvalId={a.id} /> : null}
        </Flex>
        {a.status === 'pending' && !a.canDecide ? (
          <Alert type="info" showIcon style={{ marginTop: 12 }} title={isOwn ? t('detail.ownRequest') : t('detail.notYourStep')} />
        ) : null}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('detail.snapshot')}>
            <Typography.Paragraph type="secondary">{t('detail.snapshotHint')}</Typography.Paragraph>
            <SnapshotView approval={a} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('detail.steps')}><StepsTimeline approval={a} /></Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
