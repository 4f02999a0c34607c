import { describe, expect, it } from 'vitest';
import { changedFields } from '../changed-fields';

describe('edit form changes', () => {
  it('sends only what the user changed, not values read back such as a masked phone', () => {
    const initial = { name: '上海澜石', phone: '138****8000', tags: ['重点'], industry: null as string | null };
    expect(changedFields(initial, { name: '上海澜石', phone: '138****8000', tags: ['重点'], industry: '软件' })).toEqual({ industry: '软件' });
  });

  it('treats a cleared text field as null and an untouched empty one as no change', () => {
    expect(changedFields({ website: 'https://a.cn', address: null }, { website: '  ', address: '' })).toEqual({ website: null });
  });

  it('notices a changed list', () => {
    expect(changedFields({ tags: ['a'] }, { tags: ['a', 'b'] })).toEqual({ tags: ['a', 'b'] });
    expect(changedFields({ tags: ['a'] }, { tags: ['a'] })).toEqual({});
  });
});
