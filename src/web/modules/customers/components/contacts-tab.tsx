import { MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { LoadMore } from '../../../platform/list/load-more';
import { useContacts, type Contact, type CustomerDetail } from '../api';
import { ContactFormModal } from './contact-form-modal';
import { ContactOrgChart } from './contact-org-chart';
import { MergeContactsModal } from './merge-contacts-modal';

/** Contacts of the customer as a list or an org chart; add, edit and merge when the caller may edit. */
export function ContactsTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const contacts = useContacts(customer.id);
  const [view, setView] = useState<'list' | 'chart'>('list');
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [merging, setMerging] = useState(false);
  const canEdit = customer.access.canEdit;
  const nameOf = (id: string | null) => contacts.items.find((c) => c.id === id)?.name ?? '—';

  return (
    <div data-testid="contacts-tab">
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 16 }}>
        <Segmented value={view} onChange={(v) => setView(v as 'list' | 'chart')}
          options={[{ value: 'list', label: t('contacts.view.list') }, { value: 'chart', label: t('contacts.view.chart') }]} />
        {canEdit ? (
          <Flex wrap gap={8}>
            {contacts.items.length >= 2 ? <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>{t('contacts.merge')}</Button> : null}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="add-contact">{t('contacts.create')}</Button>
          </Flex>
        ) : null}
      </Flex>
      {contacts.isError ? <ErrorAlert error={contacts.error} /> : null}
      {view === 'chart' ? (
        contacts.items.length === 0
          ? <Empty description={t('contacts.empty')} />
          : <ContactOrgChart contacts={contacts.items} onOpen={(c) => canEdit && setEditing(c)} />
      ) : (
        <Table<Contact>
          rowKey="id"
          size="middle"
          loading={contacts.isPending}
          dataSource={contacts.items}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('contacts.empty')} /> }}
          data-testid="contacts-table"
          columns={[
            { title: t('contact.name'), key: 'name', render: (_, c) => (
              <Flex vertical>
                <Typography.Text strong>{c.name}</Typography.Text>
                {c.title || c.department ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[c.department, c.title].filter(Boolean).join(' · ')}</Typography.Text> : null}
              </Flex>
            ) },
            { title: t('contact.buyingRole'), dataIndex: 'buyingRole', render: (r: Contact['buyingRole']) => (r ? <Tag color="blue">{t(`buyingRole.${r}`)}</Tag> : '—') },
            { title: t('contact.attitude'), dataIndex: 'attitude', responsive: ['sm'], render: (a: Contact['attitude']) => (a ? t(`attitude.${a}`) : '—') },
            { title: t('contact.influence'), dataIndex: 'influence', responsive: ['md'], render: (i: Contact['influence']) => (i ? t(`influence.${i}`) : '—') },
            { title: t('contact.mobile'), dataIndex: 'mobile', responsive: ['sm'], render: (m: string | null) => m ?? '—' },
            { title: t('contact.email'), dataIndex: 'email', responsive: ['lg'], render: (e: string | null) => e ?? '—' },
            { title: t('contact.reportsTo'), dataIndex: 'reportsToId', responsive: ['md'], render: nameOf },
            ...(canEdit ? [{ title: tp('actions.actions'), key: 'actions', render: (_: unknown, c: Contact) => <Button size="small" onClick={() => setEditing(c)}>{tp('actions.edit')}</Button> }] : []),
          ]}
        />
      )}
      <LoadMore hasMore={contacts.hasNextPage} loading={contacts.isFetchingNextPage} onLoad={() => void contacts.fetchNextPage()} count={contacts.items.length} />
      {editing ? (
        <ContactFormModal key={editing === 'new' ? 'new' : `${editing.id}:${editing.version}`} customerId={customer.id}
          contact={editing === 'new' ? null : editing} contacts={contacts.items} onClose={() => setEditing(null)} />
      ) : null}
      {merging ? <MergeContactsModal contacts={contacts.items} onClose={() => setMerging(false)} /> : null}
    </div>
  );
}
