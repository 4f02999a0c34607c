import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Grid, Spin, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useAccess } from '../../../platform/access/access';
import { ErrorResult } from '../../../platform/errors/error-result';
import { PageContainer } from '../../../platform/layout/page-container';
import { ActivityTimeline } from '../../activities';
import { AttachmentList } from '../../attachments/components/attachment-list';
import { CustomerOpportunities } from '../../opportunities/components/customer-opportunities';
import { CustomerMotTab } from '../../mot/components/customer-mot-tab';
import { QuotesTab } from '../../quotes';
import { CustomerCreditTab } from '../../credit';
import { useCustomer, useCustomerBorrowRecords, type CustomerDetail } from '../api';
import { BorrowRecordsTable } from '../components/borrow-records-table';
import { CollaboratorsTab } from '../components/collaborators-tab';
import { ContactsTab } from '../components/contacts-tab';
import { CustomerActions } from '../components/customer-actions';
import { CustomerFormModal } from '../components/customer-form-modal';
import { LockedMark, StatusTag, ValueClassTag } from '../components/customer-tags';
import { FileTab } from '../components/file-tab';
import { HistoryTab } from '../components/history-tab';
import { LaterTab, type LaterArea } from '../components/later-tab';
import { OverviewTab } from '../components/overview-tab';

/** The recycle date is always on the overview; the banner appears only when it is this close. */
const RECYCLE_NOTICE_DAYS = 14;
const laterAreas: LaterArea[] = ['contracts', 'receivables', 'complaints'];

function CustomerBorrowTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const list = useCustomerBorrowRecords(customer.id);
  return <BorrowRecordsTable list={list} emptyText={t('borrow.empty')} />;
}

/** Notes above the tabs: pending transfer, sharing, pool, recycling date, stale file. */
function CustomerNotices({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const { can } = useAccess();
  const { access } = customer;
  const notes: { key: string; type: 'info' | 'warning'; text: string; action?: React.ReactNode }[] = [];
  if (access.pendingTransferApprovalId) {
    notes.push({ key: 'transfer', type: 'info', text: t('detail.pendingTransfer'), action: can('approval:read')
      ? <Link to={`/inbox/${access.pendingTransferApprovalId}`}><Button size="small">{t('detail.viewApproval')}</Button></Link> : undefined });
  }
  if (access.collaboration) notes.push({ key: 'shared', type: 'info', text: t(access.collaboration === 'write' ? 'detail.sharedWrite' : 'detail.sharedRead') });
  if (customer.inPool) notes.push({ key: 'pool', type: 'info', text: t('detail.inPoolNote') });
  if (customer.recycleOn && !customer.isLocked && dayjs(customer.recycleOn).diff(dayjs(), 'day') <= RECYCLE_NOTICE_DAYS) notes.push({ key: 'recycle', type: 'warning', text: t('detail.recycleNote', { date: customer.recycleOn }) });
  if (customer.isFileStale && access.canOpenFile) notes.push({ key: 'stale', type: 'warning', text: t('detail.fileStale') });
  if (notes.length === 0) return null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      {notes.map((n) => <Alert key={n.key} type={n.type} showIcon title={n.text} action={n.action} data-testid={`notice-${n.key}`} />)}
    </Flex>
  );
}

/** 客户详情: overview, contacts, confidential file, borrow log, collaborators, ownership, and the tabs of later modules. */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('customers');
  const { t: tm } = useTranslation('mot');
  const { t: tc } = useTranslation('credit');
  const { can } = useAccess();
  const customer = useCustomer(id);
  const [params, setParams] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const tab = params.get('tab') ?? 'overview';
  const isPhone = !Grid.useBreakpoint().md;

  if (customer.isPending) return <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex>;
  if (customer.isError) return <ErrorResult error={customer.error} onRetry={() => void customer.refetch()} />;
  const c = customer.data;

  const items = [
    { key: 'overview', label: t('detail.tab.overview'), children: <OverviewTab customer={c} /> },
    { key: 'contacts', label: `${t('detail.tab.contacts')} ${c.contactCount}`, children: <ContactsTab customer={c} /> },
    { key: 'file', label: t('detail.tab.file'), children: <FileTab customer={c} /> },
    ...(c.access.canOpenFile ? [{ key: 'borrow-records', label: t('detail.tab.borrowRecords'), children: <CustomerBorrowTab customer={c} /> }] : []),
    { key: 'collaborators', label: t('detail.tab.collaborators'), children: <CollaboratorsTab customer={c} /> },
    { key: 'history', label: t('detail.tab.history'), children: <HistoryTab customer={c} /> },
    { key: 'attachments', label: t('detail.tab.attachments'), children: <AttachmentList customerId={c.id} /> },
    { key: 'opportunities', label: t('detail.tab.opportunities'), children: <CustomerOpportunities customerId={c.id} /> },
    { key: 'mot', label: tm('tab.title'), children: <CustomerMotTab customerId={c.id} /> },
    { key: 'activities', label: t('detail.tab.activities'), children: <ActivityTimeline customerId={c.id} /> },
    ...(can('credit:read') || can('credit-investigation:read') ? [{ key: 'credit', label: tc('tab.title'), children: <CustomerCreditTab customerId={c.id} /> }] : []),
    ...(can('quote:read') ? [{ key: 'quotes', label: t('detail.tab.quotes'), children: <QuotesTab customerId={c.id} /> }] : []),
    ...laterAreas.map((area) => ({ key: area, label: t(`detail.tab.${area}`), children: <LaterTab area={area} /> })),
  ];

  return (
    <PageContainer title={c.name} extra={<CustomerActions customer={c} onEdit={() => setEditing(true)} />}>
      <Flex wrap gap={8} align="center" style={{ marginTop: -8, marginBottom: 16 }}>
        <Link to="/customers"><Button type="link" size="small" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0 }}>{t('detail.back')}</Button></Link>
        <ValueClassTag value={c.valueClass} />
        <StatusTag value={c.status} />
        {c.isLocked ? <LockedMark /> : null}
        <Typography.Text type="secondary">{t('detail.ownerLine', { name: c.ownerName ?? t('detail.noOwner') })}</Typography.Text>
      </Flex>
      <CustomerNotices customer={c} />
      <Card size={isPhone ? 'small' : 'default'}>
        <Tabs activeKey={items.some((i) => i.key === tab) ? tab : 'overview'} items={items} destroyOnHidden
          onChange={(key) => setParams(key === 'overview' ? {} : { tab: key }, { replace: true })} />
      </Card>
      {editing ? (
        <CustomerFormModal key={c.version} customer={c} onClose={() => setEditing(false)}
          onReload={() => void customer.refetch()} />
      ) : null}
    </PageContainer>
  );
}
