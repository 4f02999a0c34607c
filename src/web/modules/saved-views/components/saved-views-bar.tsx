import { DeleteOutlined, EditOutlined, MoreOutlined, SaveOutlined, ShareAltOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useFormErrors } from '../../../platform/errors/use-form-errors';
import {
  useCreateSavedView, useDeleteSavedView, useSavedViews, useUpdateSavedView, type SavedView, type SavedViewEntity,
} from '../api';
import { fromViewFilters, sameFilters, toViewFilters, type ViewFilters } from './view-filters';

interface NameValues { name: string; isShared: boolean }

/** Name (and share) a view: saving the current filters, or renaming an existing view. */
function NameModal({ title, initial, onSubmit, pending, onClose }: {
  title: string; initial: NameValues; pending: boolean; onClose: () => void;
  onSubmit: (values: NameValues, onError: (e: unknown) => void) => void;
}) {
  const { t } = useTranslation('savedViews');
  const { t: tp } = useTranslation('platform');
  const [form] = Form.useForm<NameValues>();
  const { formError, handleError, clearFormError } = useFormErrors(form);
  return (
    <Modal open title={title} onCancel={onClose} okText={tp('actions.save')} cancelText={tp('actions.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'saved-view-form', loading: pending }}>
      <ErrorAlert error={formError} />
      <Form<NameValues> id="saved-view-form" form={form} layout="vertical" initialValues={initial}
        onFinish={(values) => { clearFormError(); onSubmit(values, handleError); }}>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}>
          <Input autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item name="isShared" valuePropName="checked" extra={t('shareHint')}><Checkbox>{t('share')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * Saved views of a list (保存的视图): pick one to apply its filters, save the current filters under a
 * name, and rename, share or delete your views (an administrator may also manage shared ones).
 */
export function SavedViewsBar({ entity, filters, onApply }: { entity: SavedViewEntity; filters: ViewFilters; onApply: (filters: ViewFilters) => void }) {
  const { t } = useTranslation('savedViews');
  const { t: tp } = useTranslation('platform');
  const { message, modal } = App.useApp();
  const views = useSavedViews(entity);
  const create = useCreateSavedView(entity);
  const update = useUpdateSavedView(entity);
  const remove = useDeleteSavedView(entity);
  const [naming, setNaming] = useState<'new' | SavedView | null>(null);
  const items = views.data?.items ?? [];
  const current = items.find((v) => sameFilters(fromViewFilters(v.filters), filters)) ?? null;
  const mine = items.filter((v) => !v.isShared || v.canEdit);
  const shared = items.filter((v) => v.isShared && !v.canEdit);

  const options = [
    ...(mine.length ? [{ label: t('mine'), options: mine.map((v) => ({ value: v.id, label: <>{v.isShared ? <ShareAltOutlined style={{ marginRight: 6 }} /> : null}{v.name}</> })) }] : []),
    ...(shared.length ? [{ label: t('shared'), options: shared.map((v) => ({ value: v.id, label: <>{v.name} <Typography.Text type="secondary">· {v.ownerName}</Typography.Text></> })) }] : []),
  ];

  const menu = current?.canEdit ? [
    { key: 'rename', icon: <EditOutlined />, label: t('rename'), onClick: () => setNaming(current) },
    {
      key: 'share', icon: <ShareAltOutlined />, label: current.isShared ? t('unshare') : t('shareAction'),
      onClick: () => update.mutate({ id: current.id, version: current.version, isShared: !current.isShared }, {
        onSuccess: () => void message.success(current.isShared ? t('unshared') : t('sharedDone')),
        onError: (e) => void message.error((e as Error).message),
      }),
    },
    {
      key: 'delete', icon: <DeleteOutlined />, danger: true, label: t('delete'),
      onClick: () => modal.confirm({
        title: t('deleteConfirm', { name: current.name }), okText: t('delete'), okButtonProps: { danger: true }, cancelText: tp('actions.cancel'),
        onOk: () => remove.mutateAsync(current.id).then(() => void message.success(t('deleted'))),
      }),
    },
  ] : [];

  return (
    <Flex gap={8} align="center" wrap data-testid="saved-views-bar">
      <Select<string> style={{ minWidth: 180, maxWidth: '100%' }} allowClear placeholder={<><StarOutlined /> {t('pick')}</>}
        loading={views.isPending} value={current?.id} options={options} notFoundContent={t('none')} aria-label={t('pick')}
        onChange={(id) => {
          const view = items.find((v) => v.id === id);
          onApply(view ? fromViewFilters(view.filters) : {});
        }} />
      <Button icon={<SaveOutlined />} onClick={() => setNaming('new')} disabled={current !== null}>{t('saveCurrent')}</Button>
      {menu.length > 0 ? <Dropdown menu={{ items: menu }} trigger={['click']}><Button icon={<MoreOutlined />} aria-label={t('manage')} /></Dropdown> : null}
      {naming ? (
        <NameModal
          title={naming === 'new' ? t('saveTitle') : t('renameTitle')}
          initial={naming === 'new' ? { name: '', isShared: false } : { name: naming.name, isShared: naming.isShared }}
          pending={create.isPending || update.isPending} onClose={() => setNaming(null)}
          onSubmit={(values, onError) => {
            const done = { onSuccess: () => { void message.success(t('saved')); setNaming(null); }, onError };
            if (naming === 'new') create.mutate({ ...values, filters: toViewFilters(filters) }, done);
            else update.mutate({ id: naming.id, version: naming.version, ...values }, done);
          }} />
      ) : null}
    </Flex>
  );
}
