import { Empty, Flex, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../api';
import { buildContactTree, type ContactTreeNode } from './build-contact-tree';

const attitudeColors = { supporter: 'green', neutral: 'default', opponent: 'red' } as const;

/** The customer's org chart drawn from reports-to, each person with buying role and attitude. */
export function ContactOrgChart({ contacts, onOpen }: { contacts: readonly Contact[]; onOpen: (contact: Contact) => void }) {
  const { t } = useTranslation('customers');
  const tree = useMemo(() => buildContactTree(contacts), [contacts]);
  const hasReporting = contacts.some((c) => c.reportsToId);
  const toData = (nodes: ContactTreeNode<Contact>[]): DataNode[] => nodes.map(({ contact: c, children }) => ({
    key: c.id,
    title: (
      <Flex wrap gap={4} align="center" style={{ padding: '2px 0' }}>
        <Typography.Text strong>{c.name}</Typography.Text>
        {c.title ? <Typography.Text type="secondary">{c.title}</Typography.Text> : null}
        {c.buyingRole ? <Tag color="blue">{t(`buyingRole.${c.buyingRole}`)}</Tag> : null}
        {c.attitude ? <Tag color={attitudeColors[c.attitude]}>{t(`attitude.${c.attitude}`)}</Tag> : null}
      </Flex>
    ),
    children: toData(children),
  }));
  if (contacts.length === 0) return null;
  return (
    <div data-testid="contact-org-chart">
      {hasReporting ? null : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contacts.chartEmpty')} style={{ marginBottom: 16 }} />}
      <Tree showLine defaultExpandAll blockNode selectable treeData={toData(tree)}
        onSelect={(keys) => { const c = contacts.find((x) => x.id === keys[0]); if (c) onOpen(c); }} />
    </div>
  );
}
