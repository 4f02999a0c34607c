import { DeleteOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { buyingRoles } from '../../../../shared/contracts/customers.contract';

type BuyingRole = (typeof buyingRoles)[number];
import { ErrorAlert } from '../../../platform/errors/error-alert';
import { useCustomerContacts, useSetContacts, type OpportunityDetail } from '../api';
import { ContactsPicker } from './contacts-picker';

type Row = OpportunityDetail['contacts'][number];

/** The people on this deal and their buying role on it (经济决策者, 技术把关者 …), saved together with the version read. */
export function ContactsTab({ opportunity, onReload }: { opportunity: OpportunityDetail; onReload: () => void }) {
  const { t } = useTranslation('opportunities');
  const { t: tc } = useTranslation('customers');
  const { t: tp } = useTranslation('platform');
  const { message } = App.useApp();
  const save = useSetContacts(opportunity.id);
  const customerContacts = useCustomerContacts(opportunity.customerId);
  const [rows, setRows] = useState<Row[]>(opportunity.contacts);
  const [adding, setAdding] = useState<string[]>([]);
  useEffect(() => setRows(opportunity.contacts), [opportunity.contacts]);
  const editable = opportunity.canEdit && opportunity.status === 'open';
  const dirty = JSON.stringify(rows.map((r) => [r.contactId, r.buyingRole])) !== JSON.stringify(opportunity.contacts.map((r) => [r.contactId, r.buyingRole]));
  const roleOptions = buyingRoles.map((r) => ({ value: r, label: tc(`buyingRole.${r}`) }));
  const missingEconomicBuyer = !rows.some((r) => r.buyingRole === 'economic_buyer');

  return (
    <Flex vertical gap={12} data-testid="opportunity-contacts">
      <ErrorAlert error={save.error} />
      {save.error && (save.error as { code?: string }).code === 'CONFLICT' ? <Button size="small" onClick={onReload} style={{ alignSelf: 'start' }}>{t('form.reload')}</Button> : null}
      {rows.length > 0 && missingEconomicBuyer ? <Typography.Text type="warning">{t('contacts.noEconomicBuyer')}</Typography.Text> : null}
      <Table<Row> rowKey="contactId" dataSource={rows} pagination={false} size="small" scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('contacts.empty') }}
        columns={[
          { title: t('contacts.name'), dataIndex: 'name', render: (name: string) => <Link to={`/customers/${opportunity.customerId}?tab=contacts`}>{name}</Link> },
          { title: t('contacts.title'), dataIndex: 'title', responsive: ['sm'], render: (v: string | null) => v ?? '—' },
          { title: t('contacts.buyingRole'), dataIndex: 'buyingRole', render: (role: BuyingRole | null, row) => (editable ? (
            <Select allowClear value={role ?? undefined} options={roleOptions} style={{ width: 150 }} aria-label={t('contacts.buyingRole')} placeholder={t('contacts.pickRole')}
              onChange={(value?: BuyingRole) => setRows(rows.map((r) => (r.contactId === row.contactId ? { ...r, buyingRole: value ?? null } : r)))} />
          ) : (role ? tc(`buyingRole.${role}`) : '—')) },
          ...(editable ? [{ key: 'remove', width: 48, render: (_: unknown, row: Row) => (
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('contacts.remove', { name: row.name })}
              onClick={() => setRows(rows.filter((r) => r.contactId !== row.contactId))} />
          ) }] : []),
        ]} />
      {editable ? (
        <Flex gap={8} wrap align="center">
          <div style={{ flex: '1 1 260px', maxWidth: 480 }}>
            <ContactsPicker customerId={opportunity.customerId} value={adding} onChange={setAdding} excludeIds={rows.map((r) => r.contactId)} />
          </div>
          <Button disabled={adding.length === 0} onClick={() => {
            // a newly added contact starts with the role recorded on the contact; the rep may change it for this deal
            const known = customerContacts.data?.items ?? [];
            setRows([...rows, ...adding.map((id) => {
              const c = known.find((k) => k.id === id);
              return { contactId: id, name: c?.name ?? id, title: c?.title ?? null, buyingRole: c?.buyingRole ?? null };
            })]);
            setAdding([]);
          }}>{t('contacts.add')}</Button>
          <Button type="primary" disabled={!dirty} loading={save.isPending} data-testid="save-contacts"
            onClick={() => save.mutate({ version: opportunity.version, contacts: rows.map((r) => ({ contactId: r.contactId, buyingRole: r.buyingRole })) }, {
              onSuccess: () => void message.success(tp('common.saved')),
            })}>{tp('actions.save')}</Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
