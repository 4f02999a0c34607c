/** A file name safe to store and to send back: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(-200);
  return clean === '' ? 'file' : clean;
}

/** Content-Disposition for a download: an ASCII fallback plus the UTF-8 name (RFC 6266 / 5987), so 合同.pdf stays 合同.pdf. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Who may delete a file: its uploader, the customer's owner, or an administrator. */
export function mayDeleteAttachment(file: { uploadedBy: string }, customerOwnerId: string | null, actor: { id: string; mayDeleteAny: boolean }): boolean {
  return actor.mayDeleteAny || file.uploadedBy === actor.id || customerOwnerId === actor.id;
}

/** The size limit in bytes from the policy in megabytes. */
export const maxBytes = (maxSizeMb: number) => maxSizeMb * 1024 * 1024;
