import { describe, expect, it } from 'vitest';
import { diffEntries } from '../diff-entries';

describe('audit before/after comparison', () => {
  it('lists every field of either side and marks only the changed ones', () => {
    const rows = diffEntries({ name: '销售部', managerId: null }, { name: '销售中心', managerId: null, parentId: 'x' });
    expect(rows).toEqual([
      { field: 'name', before: '销售部', after: '销售中心', isChanged: true },
      { field: 'managerId', before: null, after: null, isChanged: false },
      { field: 'parentId', before: undefined, after: 'x', isChanged: true },
    ]);
  });

  it('shows a creation (nothing before) as all fields changed', () => {
    expect(diffEntries(null, { ip: '127.0.0.1' })).toEqual([{ field: 'ip', before: undefined, after: '127.0.0.1', isChanged: true }]);
  });

  it('keeps non-object values as one row and records nothing when both sides are empty', () => {
    expect(diffEntries('a', 'b')).toEqual([{ field: '', before: 'a', after: 'b', isChanged: true }]);
    expect(diffEntries(null, undefined)).toEqual([]);
  });
});
