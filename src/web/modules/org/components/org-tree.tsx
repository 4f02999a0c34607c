import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Empty, Flex, Tree, Typography, type TreeDataNode } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { buildTree, type TreeNode, type TreeRecord } from './build-tree';

export interface OrgTreeAction<T> {
  key: string;
  label: string;
  onClick: (record: T) => void;
}

/** A department or territory tree, fully expanded, each node with a small actions menu. */
export function OrgTree<T extends TreeRecord>({ records, describe, actions, emptyText }: {
  records: readonly T[];
  describe?: (record: T) => ReactNode;
  actions: OrgTreeAction<T>[];
  emptyText: string;
}) {
  const { t } = useTranslation('org');
  if (records.length === 0) return <Empty description={emptyText} />;
  const toData = (nodes: TreeNode<T>[]): TreeDataNode[] => nodes.map((n) => ({
    key: n.record.id,
    title: (
      <Flex align="center" gap={8} wrap={false} className="kairos-tree-node">
        <Typography.Text strong>{n.record.name}</Typography.Text>
        {describe ? <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>{describe(n.record)}</Typography.Text> : null}
        {actions.length > 0 ? (
          <Dropdown trigger={['click']} menu={{ items: actions.map((a) => ({ key: a.key, label: a.label })), onClick: ({ key, domEvent }) => {
            domEvent.stopPropagation();
            actions.find((a) => a.key === key)?.onClick(n.record);
          } }}>
            <Button type="text" size="small" icon={<MoreOutlined />} aria-label={t('tree.actions', { name: n.record.name })} onClick={(e) => e.stopPropagation()} />
          </Dropdown>
        ) : null}
      </Flex>
    ),
    children: toData(n.children),
  }));
  // remounted when the count changes so a new node shows expanded under its parent
  return <Tree key={records.length} blockNode selectable={false} defaultExpandAll showLine treeData={toData(buildTree(records))} />;
}
