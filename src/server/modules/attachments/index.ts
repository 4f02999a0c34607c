/** The attachments module's only door: files of a customer file (附件, domain §5.1). */
import { registerGrants } from '../../platform/authz/permissions.js';
import { registerMessages } from '../../platform/i18n/translate.js';
import { registerCustomerMergeHandler } from '../customers/index.js';
import { attachmentMessages } from './attachments.messages.js';
import { attachmentGrants } from './attachments.permissions.js';
import { moveAttachmentsOnMerge } from './attachments.service.js';

registerGrants(attachmentGrants);
registerMessages(attachmentMessages);
registerCustomerMergeHandler('attachments', moveAttachmentsOnMerge);

export { attachmentRoutes } from './attachments.routes.js';
export { isAttachmentOfCustomer } from './attachments.service.js';
