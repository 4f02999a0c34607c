import { DownOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../../platform/access/access';
import { useErrorToast } from '../../../platform/errors/use-error-toast';
import { usePoolCommand, type CustomerDetail } from '../api';
import { MergeModal } from './merge-modal';
import { ReasonModal } from './reason-modal';
import { TransferModal } from './transfer-modal';

type Dialog = 'transfer' | 'merge' | 'release' | 'lock' | null;

/** What the caller may do with this customer: the server's `access` flags and their permissions decide. */
export function CustomerActions({ customer, onEdit }: { customer: CustomerDetail; onEdit: () => void }) {
  const { t } = useTranslation('customers');
  const { can } = useAccess();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const run = usePoolCommand();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { access } = customer;
  const manage = access.canManage;

  const claim = () => run.mutate({ id: customer.id, command: 'claim' }, {
    onSuccess: () => void message.success(t('pool.claimed', { name: customer.name })), onError: toast,
  });
  const unlock = () => run.mutate({ id: customer.id, command: 'unlock' }, { onSuccess: () => void message.success(t('unlock.done')), onError: toast });

  const more: NonNullable<MenuProps['items']> = [
    ...(manage && can('customer:lock') ? [customer.isLocked
      ? { key: 'unlock', label: t('action.unlock'), onClick: unlock }
      : { key: 'lock', label: t('action.lock'), onClick: () => setDialog('lock') }] : []),
    ...(access.canEdit && can('customer:merge') ? [{ key: 'merge', label: t('action.merge'), onClick: () => setDialog('merge') }] : []),
    ...(manage && can('customer:release') ? [{ key: 'release', label: t('action.release'), danger: true, onClick: () => setDialog('release') }] : []),
  ];

  return (
    <>
      {customer.inPool && can('customer:claim')
        ? <Button type="primary" onClick={claim} loading={run.isPending} data-testid="claim-customer">{t('action.claim')}</Button> : null}
      {access.canEdit ? <Button icon={<EditOutlined />} onClick={onEdit} data-testid="edit-customer">{t('action.edit')}</Button> : null}
      {manage && can('customer:transfer') && !access.pendingTransferApprovalId
        ? <Button icon={<SwapOutlined />} onClick={() => setDialog('transfer')} data-testid="transfer-customer">{t('action.transfer')}</Button> : null}
      {more.length > 0 ? (
        <Dropdown menu={{ items: more }} trigger={['click']}>
          <Button data-testid="more-actions">{t('action.more')} <DownOutlined /></Button>
        </Dropdown>
      ) : null}
      {dialog === 'transfer' ? <TransferModal customer={customer} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? <MergeModal customer={customer} onClose={() => setDialog(null)} /> : null}
      {dialog === 'release' || dialog === 'lock' ? <ReasonModal customer={customer} command={dialog} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
