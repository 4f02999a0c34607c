import { describe, expect, it } from 'vitest';
import { buildTree, subtreeIds } from '../build-tree';

const records = [
  { id: 'sales', parentId: null, name: '销售部' },
  { id: 'sales1', parentId: 'sales', name: '销售一部' },
  { id: 'sales1a', parentId: 'sales1', name: '一部一组' },
  { id: 'finance', parentId: null, name: '财务部' },
  { id: 'orphan', parentId: 'gone', name: '孤儿' },
];

describe('department tree', () => {
  it('nests children under their parent and keeps records with a missing parent as roots', () => {
    const tree = buildTree(records);
    expect(tree.map((n) => n.record.id)).toEqual(['sales', 'finance', 'orphan']);
    expect(tree[0]!.children[0]!.children[0]!.record.name).toBe('一部一组');
  });

  it('treats a department and all its descendants as places it cannot be moved under', () => {
    expect([...subtreeIds(records, 'sales')].sort()).toEqual(['sales', 'sales1', 'sales1a']);
    expect([...subtreeIds(records, 'finance')]).toEqual(['finance']);
  });
});
