import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, DatePicker, Dropdown, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../shared/money-format';
import { useAccess } from '../../../platform/access/access';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { PageContainer } from '../../../platform/layout/page-container';
import { LoadMore } from '../../../platform/list/load-more';
import { UserSelect } from '../../customers/components/user-select';
import { letterUrl, useDunningQueue, useLogDunningStep, useRunDunning, type DunningFilter, type DunningLine, type DunningStep } from '../api';
import { DeferralModal } from '../components/deferral-modal';

const steps: DunningStep[] = ['thank_you', 'notice', 'lawyer_letter', 'lawsuit', 'write_off'];
const stepColor: Record<DunningStep, string> = { thank_you: 'green', notice: 'gold', lawyer_letter: 'orange', lawsuit: 'red', write_off: 'magenta' };

/** 催款管理: overdue lines with the next rung of the ladder; log a step, print its letter, or ask for a deferral. */
export function DunningQueuePage() {
  const { t } = useTranslation('dunning');
  const { can } = useAccess();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<DunningFilter>({});
  const queue = useDunningQueue(filter);
  const log = useLogDunningStep();
  const run = useRunDunning();
  const [acting, setActing] = useState<{ line: DunningLine; step: DunningStep } | null>(null);
  const [deferring, setDeferring] = useState<DunningLine | null>(null);
  const [note, setNote] = useState('');
  const stepName = (s: DunningStep) => t(`step.${s}`);
  const canAct = (s: DunningStep) => (s === 'write_off' ? can('dunning:write_off') : can('dunning:act'));

  return (
    <PageContainer title={t('queue.title')}>
      <Typography.Paragraph type="secondary">{t('queue.intro')}</Typography.Paragraph>
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <DatePicker aria-label={t('queue.asOf')} placeholder={t('queue.asOf')} value={filter.asOf ? dayjs(filter.asOf) : null}
            onChange={(d) => setFilter((f) => ({ ...f, asOf: d ? d.format('YYYY-MM-DD') : undefined }))} />
          <Select allowClear placeholder={t('queue.anyStep')} style={{ width: 160 }} value={filter.step}
            options={steps.map((s) => ({ value: s, label: stepName(s) }))} onChange={(step?: DunningStep) => setFilter((f) => ({ ...f, step }))} />
          <UserSelect salesOnly allowClear placeholder={t('queue.anyOwner')} style={{ width: 140 }} value={filter.ownerId} onChange={(ownerId) => setFilter((f) => ({ ...f, ownerId }))} />
          <Checkbox checked={filter.dueOnly ?? false} onChange={(e) => setFilter((f) => ({ ...f, dueOnly: e.target.checked }))}>{t('queue.dueOnly')}</Checkbox>
          {can('dunning:run') ? (
            <Button style={{ marginLeft: 'auto' }} loading={run.isPending} data-testid="dunning-run"
              onClick={() => run.mutate({}, { onSuccess: (r) => void message.success(t('run.done', { due: r.due, created: r.created, closed: r.closed })) })}>{t('run.button')}</Button>
          ) : null}
        </Flex>
        {run.isError ? <ErrorAlert error={run.error} /> : null}
        {queue.isError ? <ErrorAlert error={queue.error} /> : null}
        <Table<DunningLine>
          rowKey="receivableId" size="middle" pagination={false} loading={queue.isPending} dataSource={queue.items}
          locale={{ emptyText: t('queue.empty') }} scroll={{ x: 1090 }} data-testid="dunning-table"
          expandable={{
            rowExpandable: (r) => r.log.length > 0,
            expandedRowRender: (r) => (
              <Space direction="vertical" size={4}>
                <Typography.Text strong>{t('field.log')}</Typography.Text>
                {r.log.map((s) => (
                  <Space key={s.id} wrap>
                    <span>{s.actedOn}</span><Tag color={stepColor[s.step]}>{stepName(s.step)}</Tag>
                    {s.status !== 'done' ? <Tag>{t(`status.${s.status}`)}</Tag> : null}
                    <span>{s.actedBy.name}</span><Typography.Text type="secondary">{s.note}</Typography.Text>
                    {s.hasLetter ? <Button size="small" type="link" icon={<FilePdfOutlined />} href={letterUrl(s.id)} target="_blank">{t('action.letter')}</Button> : null}
                  </Space>
                ))}
              </Space>
            ),
          }}
          columns={[
            {
              title: t('field.customer'), key: 'customer', fixed: 'left', width: 230,
              render: (_, r) => (
                <Flex vertical gap={2}>
                  <span>{r.customer.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('field.contract')} {r.contract.number}</Typography.Text>
                  <Space size={4}>
                    {r.grade ? <Tag>{r.grade}</Tag> : null}
                    {r.goodStanding ? <Tag color="green">{t('goodStanding')}</Tag> : null}
                  </Space>
                </Flex>
              ),
            },
            { title: t('field.owner'), key: 'owner', width: 80, render: (_, r) => r.owner.name },
            {
              title: t('field.dueDate'), key: 'due', width: 120,
              render: (_, r) => (<Flex vertical><span>{r.dueDate}</span>{r.deferredFrom ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('field.deferredFrom')} {r.deferredFrom}</Typography.Text> : null}</Flex>),
            },
            { title: t('field.outstanding'), key: 'outstanding', align: 'right', width: 120, render: (_, r) => formatMoney(r.outstanding) },
            { title: t('field.daysOverdue'), key: 'days', align: 'right', width: 80, render: (_, r) => <Typography.Text type={r.daysOverdue > 60 ? 'danger' : undefined}>{t('days', { count: r.daysOverdue })}</Typography.Text> },
            { title: t('field.lastStep'), key: 'last', width: 100, render: (_, r) => (r.lastStep ? <Tag color={stepColor[r.lastStep]}>{stepName(r.lastStep)}</Tag> : '—') },
            {
              title: t('field.nextStep'), key: 'next', width: 160,
              render: (_, r) => (r.writeOffPending ? <Tag color="processing">{t('writeOffPending')}</Tag> : r.nextStep ? (
                <Flex vertical gap={2}>
                  <Tag color={stepColor[r.nextStep]}>{stepName(r.nextStep)}</Tag>
                  <Typography.Text type={r.isDue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>{r.isDue ? t('due') : t('dueOn', { date: r.nextStepDueOn ?? '' })}</Typography.Text>
                </Flex>
              ) : '—'),
            },
            {
              title: '', key: 'actions', fixed: 'right', width: 200,
              render: (_, r) => (
                <Space wrap size={4}>
                  {r.nextStep && canAct(r.nextStep) ? <Button size="small" type="primary" onClick={() => { setNote(''); setActing({ line: r, step: r.nextStep! }); }}>{t('action.log', { step: stepName(r.nextStep) })}</Button> : null}
                  <Dropdown disabled={r.writeOffPending} menu={{
                    items: steps.filter((s) => s !== r.nextStep && canAct(s) && (s !== 'thank_you' || r.goodStanding)).map((s) => ({ key: s, label: stepName(s) })),
                    onClick: ({ key }) => { setNote(''); setActing({ line: r, step: key as DunningStep }); },
                  }}>
                    <Button size="small">{t('action.other')}</Button>
                  </Dropdown>
                  {can('deferral:request') ? <Button size="small" onClick={() => setDeferring(r)}>{t('action.defer')}</Button> : null}
                </Space>
              ),
            },
          ]}
        />
        <LoadMore hasMore={queue.hasNextPage} loading={queue.isFetchingNextPage} onLoad={() => void queue.fetchNextPage()} count={queue.items.length} />
      </Card>
      {acting ? (
        <Modal open title={`${t('log.title')}：${stepName(acting.step)}`} okText={t('action.submit')} confirmLoading={log.isPending} onCancel={() => setActing(null)}
          onOk={() => log.mutate({ receivableId: acting.line.receivableId, step: acting.step, note: note.trim() || undefined }, {
            onSuccess: () => { void message.success(t('log.done')); setActing(null); },
          })}>
          <Typography.Paragraph>{acting.line.customer.name} · {acting.line.contract.number} · {formatMoney(acting.line.outstanding)}</Typography.Paragraph>
          {log.isError ? <ErrorAlert error={log.error} /> : null}
          <Form layout="vertical"><Form.Item label={t('field.note')}><Input.TextArea rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} /></Form.Item></Form>
        </Modal>
      ) : null}
      {deferring ? <DeferralModal receivableId={deferring.receivableId} dueDate={deferring.dueDate} originalDueDate={deferring.deferredFrom ?? deferring.dueDate} onClose={() => setDeferring(null)} /> : null}
    </PageContainer>
  );
}
