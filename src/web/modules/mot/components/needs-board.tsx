import { RightOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Flex, Grid, Rate, Row, Segmented, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { needSteps, type NeedStep } from '../../../../shared/contracts/mot.contract';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useNeeds, type Need, type NeedFilter } from '../api';
import { AdvanceNeedModal, nextStepOf } from './advance-need-modal';

const stepAccent = { explore: '#8c8c8c', propose: '#1677ff', execute: '#fa8c16', confirm: '#52c41a' } as const satisfies Record<NeedStep, string>;

function NeedCard({ need, showCustomer, onAdvance }: { need: Need; showCustomer: boolean; onAdvance: (need: Need) => void }) {
  const { t } = useTranslation('mot');
  const next = nextStepOf(need.step);
  const overdue = need.step === 'propose' && need.promiseDueDate !== null && dayjs(need.promiseDueDate).isBefore(dayjs(), 'day');
  return (
    <Card size="small" style={{ borderLeft: `3px solid ${stepAccent[need.step]}` }} data-testid="need-card" data-step={need.step}>
      <Flex vertical gap={4}>
        <Typography.Text strong>{need.title}</Typography.Text>
        {showCustomer ? <Link to={`/customers/${need.customerId}?tab=mot`} style={{ fontSize: 12 }}>{need.customerName}</Link> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('field.owner')}{t('colon')}{need.ownerName}</Typography.Text>
        {need.promise ? (
          <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, expandable: true, symbol: '…' }}>
            <Typography.Text type="secondary">{t('field.promise')}{t('colon')}</Typography.Text>{need.promise}
          </Typography.Paragraph>
        ) : null}
        {need.step === 'propose' && need.promiseDueDate ? (
          <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
            {t('needs.due', { date: need.promiseDueDate })}{overdue ? ` · ${t('needs.overdue')}` : ''}
          </Typography.Text>
        ) : null}
        {need.fulfilment ? (
          <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, expandable: true, symbol: '…' }}>
            <Typography.Text type="secondary">{t('field.fulfilment')}{t('colon')}</Typography.Text>{need.fulfilment}
          </Typography.Paragraph>
        ) : null}
        {need.step === 'confirm' && need.satisfactionScore !== null ? (
          <Flex vertical gap={0}>
            <Rate disabled value={need.satisfactionScore} style={{ fontSize: 14 }} aria-label={`${t('field.satisfactionScore')} ${need.satisfactionScore}`} />
            {need.satisfactionComment ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>“{need.satisfactionComment}”</Typography.Text> : null}
          </Flex>
        ) : null}
        {need.canEdit && next ? (
          <Flex justify="flex-end">
            <Button size="small" type={next === 'confirm' ? 'primary' : 'default'} onClick={() => onAdvance(need)} data-testid="need-advance">
              {t(`step.${next}`)} <RightOutlined />
            </Button>
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}

/**
 * The needs board: four columns explore → propose → execute → confirm, each need advancing one step
 * at a time through a dialog that asks for the step's data. On a phone, one column at a time.
 */
export function NeedsBoard({ filter, showCustomer = true }: { filter: NeedFilter; showCustomer?: boolean }) {
  const { t } = useTranslation('mot');
  const isPhone = !Grid.useBreakpoint().md;
  const needs = useNeeds(filter);
  const [advancing, setAdvancing] = useState<Need | null>(null);
  const [phoneStep, setPhoneStep] = useState<NeedStep>('explore');
  // a board shows everything in scope: keep loading pages (200 each) until done
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = needs;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const byStep = (step: NeedStep) => needs.items.filter((n) => n.step === step);
  const columns = isPhone ? [phoneStep] : needSteps;

  return (
    <div data-testid="needs-board">
      {needs.isError ? <ErrorAlert error={needs.error} /> : null}
      {isPhone ? (
        <Segmented block value={phoneStep} onChange={(v) => setPhoneStep(v as NeedStep)} style={{ marginBottom: 12 }}
          options={needSteps.map((s) => ({ value: s, label: `${t(`step.${s}`)} ${byStep(s).length}` }))} />
      ) : null}
      <Spin spinning={needs.isPending}>
        <Row gutter={[12, 12]} wrap={false} style={{ overflowX: 'auto' }}>
          {columns.map((step) => (
            <Col key={step} flex={isPhone ? '1 1 100%' : '1 1 25%'} style={{ minWidth: isPhone ? undefined : 220 }} data-testid={`needs-column-${step}`}>
              <div style={{ background: '#fafafa', borderRadius: 8, padding: 8, minHeight: 120 }}>
                {isPhone ? null : (
                  <Flex justify="space-between" align="center" style={{ padding: '4px 4px 8px' }}>
                    <Typography.Text strong style={{ color: stepAccent[step] }}>{t(`step.${step}`)}</Typography.Text>
                    <Badge count={byStep(step).length} showZero color={stepAccent[step]} />
                  </Flex>
                )}
                <Flex vertical gap={8}>
                  {byStep(step).length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('needs.empty')} /> : null}
                  {byStep(step).map((n) => <NeedCard key={n.id} need={n} showCustomer={showCustomer} onAdvance={setAdvancing} />)}
                </Flex>
              </div>
            </Col>
          ))}
        </Row>
      </Spin>
      {advancing ? <AdvanceNeedModal key={`${advancing.id}:${advancing.version}`} need={advancing} onClose={() => setAdvancing(null)} /> : null}
    </div>
  );
}
