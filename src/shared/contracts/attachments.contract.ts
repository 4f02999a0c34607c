import { z } from 'zod';
import { InstantString, Uuid } from './common.contract.js';

/** Files of a customer file (附件, domain §5.1). */

export const AttachmentDto = z.object({
  id: Uuid,
  customerId: Uuid,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: Uuid, name: z.string() }),
  canDelete: z.boolean().describe('the uploader, the customer\'s owner or an administrator'),
  createdAt: InstantString,
}).meta({ id: 'Attachment' });
export type AttachmentDto = z.infer<typeof AttachmentDto>;

export const AttachmentList = z.object({ items: z.array(AttachmentDto) });
