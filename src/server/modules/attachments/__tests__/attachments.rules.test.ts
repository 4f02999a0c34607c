import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, mayDeleteAttachment, maxBytes } from '../attachments.rules.js';

describe('attachment rules', () => {
  it.each([
    ['合同.pdf', '合同.pdf'],
    ['C:\\Users\\rep\\报价单.xlsx', '报价单.xlsx'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\n.txt', 'ab.txt'],
    ['', 'file'],
  ])('file name %j is stored as %j', (name, clean) => expect(cleanFileName(name)).toBe(clean));

  it('sends the UTF-8 name with an ASCII fallback', () => {
    expect(contentDisposition('合同 (终版).pdf')).toBe("attachment; filename=\"__ (__).pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C%20%28%E7%BB%88%E7%89%88%29.pdf");
  });

  it.each([
    ['uploader', 'u', 'o', 'u', false, true],
    ['customer owner', 'u', 'o', 'o', false, true],
    ['administrator', 'u', 'o', 'x', true, true],
    ['anyone else', 'u', 'o', 'x', false, false],
    ['anyone, on a pool customer', 'u', null, 'x', false, false],
  ])('%s may delete: %s', (_who, uploadedBy, ownerId, actorId, mayDeleteAny, allowed) => {
    expect(mayDeleteAttachment({ uploadedBy }, ownerId, { id: actorId, mayDeleteAny })).toBe(allowed);
  });

  it('the policy is in megabytes', () => expect(maxBytes(20)).toBe(20 * 1024 * 1024));
});
