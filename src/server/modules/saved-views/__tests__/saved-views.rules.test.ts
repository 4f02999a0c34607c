import { describe, expect, it } from 'vitest';
import { mayEditView, maySeeView } from '../saved-views.rules.js';

describe('who sees and edits a saved view', () => {
  it.each([
    // owner, shared, actor, admin, sees, edits
    ['me', false, 'me', false, true, true],
    ['me', true, 'me', false, true, true],
    ['other', false, 'me', false, false, false],
    ['other', true, 'me', false, true, false],
    ['other', true, 'me', true, true, true], // an administrator edits shared views
    ['other', false, 'me', true, false, false], // but not someone's personal view
  ])('view of %s (shared %s) for %s (admin %s): sees %s, edits %s', (ownerId, isShared, actorId, admin, sees, edits) => {
    expect(maySeeView({ ownerId, isShared }, actorId)).toBe(sees);
    expect(mayEditView({ ownerId, isShared }, { id: actorId, mayManageShared: admin })).toBe(edits);
  });
});
