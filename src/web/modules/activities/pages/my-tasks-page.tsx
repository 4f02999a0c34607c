import { Button, Card, Checkbox, DatePicker, Empty, Flex, Form, Input, List, Space, Tag, Typography, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { taskBucket, type TaskBucket } from '../../../../shared/contracts/activities.contract';
import { todayIn } from '../../../../shared/dates';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import { PageContainer } from '../../../platform/layout/page-container';
import { useCompleteTask, useCreateTask, useTasks, type Task } from '../api';

const sections: { bucket: Exclude<TaskBucket, 'done'>; color: string }[] = [
  { bucket: 'overdue', color: 'red' }, { bucket: 'today', color: 'orange' }, { bucket: 'upcoming', color: 'blue' },
];

/** Quick add: type the task, pick the day, Enter. */
function QuickAdd() {
  const { t } = useTranslation('activities');
  const [form] = Form.useForm<{ action: string; dueDate: Dayjs }>();
  const create = useCreateTask();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  const submit = async (v: { action: string; dueDate: Dayjs }) => {
    clearFormError();
    try {
      await create.mutateAsync({ action: v.action, dueDate: v.dueDate.format('YYYY-MM-DD') });
      form.resetFields();
    } catch (error) { handleError(error); }
  };
  return (
    <>
      <ErrorAlert error={formError} />
      <Form form={form} layout="inline" onFinish={submit} initialValues={{ dueDate: dayjs(todayIn()) }} style={{ marginBottom: 16, rowGap: 8 }} data-testid="task-quick-add">
        <Form.Item name="action" rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 220px' }}>
          <Input placeholder={t('tasks.new')} maxLength={500} />
        </Form.Item>
        <Form.Item name="dueDate" rules={[{ required: true }]}><DatePicker placeholder={t('tasks.dueDate')} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending}>{t('tasks.new')}</Button>
      </Form>
    </>
  );
}

/** 我的待办: my open tasks (action items and my own), overdue first, then today, then upcoming. */
export function MyTasksPage() {
  const { t } = useTranslation('activities');
  const tasks = useTasks({ assignee: 'me', status: 'open' });
  const complete = useCompleteTask();
  const today = todayIn();
  const byBucket = (b: TaskBucket) => tasks.items.filter((x) => taskBucket(x, today) === b);
  const done = async (task: Task) => {
    await complete.mutateAsync({ id: task.id, version: task.version });
    message.success(t('tasks.completed'));
  };
  return (
    <PageContainer title={t('tasks.title')}>
      <QuickAdd />
      <ErrorAlert error={tasks.error ?? complete.error} />
      <Flex vertical gap={16}>
        {sections.map(({ bucket, color }) => {
          const items = byBucket(bucket);
          return (
            <Card key={bucket} size="small" data-testid={`tasks-${bucket}`}
              title={<Space><Tag color={color}>{t(`tasks.${bucket}`)}</Tag><Typography.Text type="secondary">{items.length}</Typography.Text></Space>}>
              {items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.none')} /> : (
                <List dataSource={items} renderItem={(task) => (
                  <List.Item key={task.id}>
                    <Flex gap={8} align="flex-start" style={{ width: '100%' }}>
                      <Checkbox aria-label={t('tasks.complete')} disabled={complete.isPending} onChange={() => void done(task)} />
                      <Flex vertical style={{ minWidth: 0 }}>
                        <Typography.Text>{task.action}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('tasks.due', { date: task.dueDate })}
                          {task.customerName ? <> · <Link to={`/customers/${task.customerId}`}>{task.customerName}</Link></> : null}
                          {task.callReportId ? <> · <Link to={`/call-reports/${task.callReportId}`}>{t('tasks.fromReport')}</Link></> : null}
                        </Typography.Text>
                      </Flex>
                    </Flex>
                  </List.Item>
                )} />
              )}
            </Card>
          );
        })}
      </Flex>
    </PageContainer>
  );
}
