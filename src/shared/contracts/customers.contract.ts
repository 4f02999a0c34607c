import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, pageOf, Person, Uuid, Version } from './common.contract.js';
import { CustomFieldFilterParams } from './custom-fields.contract.js';

/** Customers, contacts, ownership and the public pool (domain §5, §17; api.md "Customers and leads"). */

export const valueClasses = ['A', 'B', 'C', 'D'] as const;
export const ValueClass = z.enum(valueClasses);
export type ValueClass = z.infer<typeof ValueClass>;

export const customerStatuses = ['prospect', 'active', 'dormant', 'lost'] as const;
export const CustomerStatus = z.enum(customerStatuses);
export type CustomerStatus = z.infer<typeof CustomerStatus>;

export const companySizes = ['micro', 'small', 'medium', 'large'] as const;
export const CompanySize = z.enum(companySizes);

export const buyingRoles = ['economic_buyer', 'technical_buyer', 'user_buyer', 'coach', 'influencer'] as const;
export const BuyingRole = z.enum(buyingRoles);
export const attitudes = ['supporter', 'neutral', 'opponent'] as const;
export const Attitude = z.enum(attitudes);
export const influenceLevels = ['low', 'medium', 'high'] as const;
export const Influence = z.enum(influenceLevels);
export const collaboratorAccess = ['read', 'write'] as const;
export const CollaboratorAccess = z.enum(collaboratorAccess);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const Latitude = z.string().regex(/^-?(90(\.0{1,6})?|[1-8]?\d(\.\d{1,6})?)$/, { error: 'errors.latitude' }).meta({ example: '31.230416' });
const Longitude = z.string().regex(/^-?(180(\.0{1,6})?|(1[0-7]\d|[1-9]?\d)(\.\d{1,6})?)$/, { error: 'errors.longitude' }).meta({ example: '121.473701' });
const Phone = z.string().trim().max(40).regex(/^[0-9+()\-\s\u3000\uFF10-\uFF19]*$/, { error: 'errors.phone' }).meta({ example: '021-6234 5678' });
const Tag = z.string().trim().min(1).max(30);
const CustomFieldValue = z.union([z.string().max(2000), z.number(), z.boolean(), z.null(), z.array(z.string().max(200)).max(50)]);
export const CustomFields = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, { error: 'errors.invalidFormat' }), CustomFieldValue)
  .refine((v) => Object.keys(v).length <= 100, { error: 'errors.tooBig' });
const BoolQuery = z.enum(['true', 'false']);

export const CustomerDto = z.object({
  id: Uuid,
  name: z.string(),
  creditCode: z.string().nullable().describe('unified social credit code (统一社会信用代码)'),
  industry: z.string().nullable(),
  size: CompanySize.nullable(),
  valueClass: ValueClass,
  status: CustomerStatus,
  territoryId: Uuid.nullable(),
  address: z.string().nullable(),
  latitude: z.string().nullable(),
  longitude: z.string().nullable(),
  website: z.string().nullable(),
  phone: z.string().nullable().describe('masked (138****8000) for roles without customer:read_phone'),
  tags: z.array(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  ownerId: Uuid.nullable().describe('null: the customer is in the public pool (公海)'),
  ownerName: z.string().nullable(),
  departmentId: Uuid.nullable(),
  ownedSince: IsoDateString.nullable(),
  lastFollowUpOn: IsoDateString.nullable(),
  lastDealOn: IsoDateString.nullable(),
  recycleOn: IsoDateString.nullable().describe('the day it returns to the pool unless followed up (null: locked or in the pool)'),
  isLocked: z.boolean(),
  lockedBy: Uuid.nullable(),
  inPool: z.boolean(),
  formerOwnerId: Uuid.nullable(),
  releasedOn: IsoDateString.nullable(),
  reviewedOn: IsoDateString.nullable(),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Customer' });
export type CustomerDto = z.infer<typeof CustomerDto>;

export const CustomerDetailDto = CustomerDto.extend({
  isFileStale: z.boolean().describe('the file has not been reviewed within the review interval (policy customerFile.reviewMonths)'),
  contactCount: z.int(),
  access: z.object({
    canEdit: z.boolean(),
    canOpenFile: z.boolean().describe('may open the sensitive sections (GET /customers/{id}/file)'),
    canManage: z.boolean().describe('may transfer, release, lock and share it'),
    collaboration: CollaboratorAccess.nullable().describe('how the caller sees it when it is not theirs'),
    pendingTransferApprovalId: Uuid.nullable(),
  }),
}).meta({ id: 'CustomerDetail' });
export type CustomerDetailDto = z.infer<typeof CustomerDetailDto>;

const customerFields = {
  name: z.string().trim().min(1).max(200),
  creditCode: z.string().trim().max(30).nullable().optional().describe('18 characters, GB 32100 check character'),
  industry: optionalText(60),
  size: CompanySize.nullable().optional(),
  territoryId: Uuid.nullable().optional(),
  address: optionalText(300),
  latitude: Latitude.nullable().optional(),
  longitude: Longitude.nullable().optional(),
  website: optionalText(300),
  phone: Phone.nullable().optional(),
  tags: z.array(Tag).max(20).optional(),
  customFields: CustomFields.optional(),
};

export const CreateCustomerBody = z.strictObject({
  ...customerFields,
  valueClass: ValueClass.default('C'),
  status: CustomerStatus.default('prospect'),
  ownerId: Uuid.nullable().optional().describe('default: the caller when they can own customers, else the pool; others need customer:assign'),
}).meta({ id: 'CreateCustomer' });

export const UpdateCustomerBody = z.strictObject({
  version: Version,
  ...customerFields,
  name: customerFields.name.optional(),
  valueClass: ValueClass.optional(),
  status: CustomerStatus.optional(),
  ownerId: Uuid.nullable().optional().describe('may only repeat the current owner: ownership changes by transfer, claim or release'),
}).meta({ id: 'UpdateCustomer' });

export const CustomerListQuery = ListQuery.extend({
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  departmentId: Uuid.optional().describe('team: the department and everything below it'),
  valueClass: ValueClass.optional(),
  status: CustomerStatus.optional(),
  territoryId: Uuid.optional().describe('the territory and its sub-territories'),
  industry: z.string().trim().max(60).optional(),
  tag: z.string().trim().max(30).optional(),
  createdFrom: IsoDateString.optional(),
  createdTo: IsoDateString.optional(),
  updatedFrom: IsoDateString.optional(),
  updatedTo: IsoDateString.optional(),
  notFollowedUpDays: z.coerce.number().int().min(0).max(3650).optional().describe('no follow-up for at least N days as of asOf'),
  asOf: IsoDateString.optional(),
  inPool: BoolQuery.optional(),
  fileStale: BoolQuery.optional(),
  cf: CustomFieldFilterParams.optional(),
  sort: z.enum(['updatedAt', 'name']).default('updatedAt'),
  order: z.enum(['asc', 'desc']).optional().describe('default: newest first for updatedAt, A→Z for name'),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;
export const CustomerPage = pageOf(CustomerDto);

export const CustomerCountsDto = z.object({
  total: z.int(),
  byValueClass: z.record(ValueClass, z.int()),
  byStatus: z.record(CustomerStatus, z.int()),
}).meta({ id: 'CustomerCounts' });

export const PoolListQuery = ListQuery.extend({
  valueClass: ValueClass.optional(),
  territoryId: Uuid.optional(),
  industry: z.string().trim().max(60).optional(),
});

export const fileSections = [
  'keyPeople', 'decisionModel', 'organisationForm', 'interpersonalStyle', 'needs', 'similarCustomers', 'financialNotes', 'maintenancePlan',
] as const;
export type FileSection = (typeof fileSections)[number];

export const CustomerFileDto = z.object({
  customerId: Uuid,
  customerName: z.string(),
  keyPeople: z.string().nullable().describe('key people and what to talk to them about (MAN)'),
  decisionModel: z.string().nullable(),
  organisationForm: z.string().nullable(),
  interpersonalStyle: z.string().nullable(),
  needs: z.string().nullable(),
  similarCustomers: z.string().nullable(),
  financialNotes: z.string().nullable().describe('credit and financial data'),
  maintenancePlan: z.string().nullable(),
  reviewedOn: IsoDateString.nullable(),
  isFileStale: z.boolean(),
  version: z.int(),
  borrowRecordId: Uuid.nullable().describe('the borrow record this open wrote'),
}).meta({ id: 'CustomerFile' });

export const CustomerFileQuery = z.strictObject({
  purpose: z.string().trim().min(2).max(200).describe('why the file is opened; written to the borrow record (借阅记录)'),
});

export const UpdateCustomerFileBody = z.strictObject({
  version: Version,
  keyPeople: optionalText(5000),
  decisionModel: optionalText(5000),
  organisationForm: optionalText(5000),
  interpersonalStyle: optionalText(5000),
  needs: optionalText(5000),
  similarCustomers: optionalText(5000),
  financialNotes: optionalText(5000),
  maintenancePlan: optionalText(5000),
}).meta({ id: 'UpdateCustomerFile' });

export const BorrowRecordDto = z.object({
  id: Uuid,
  customerId: Uuid,
  customerName: z.string(),
  user: Person,
  purpose: z.string(),
  at: InstantString,
}).meta({ id: 'BorrowRecord' });
export const BorrowRecordPage = pageOf(BorrowRecordDto);
export const CustomerBorrowQuery = ListQuery.omit({ q: true });

export const poolEventKinds = ['claim', 'release', 'recycle', 'transfer'] as const;
/** One change of ownership through the pool or a transfer (客户归属历史). */
export const PoolEventDto = z.object({
  id: Uuid,
  kind: z.enum(poolEventKinds),
  /** whose ownership the event is about: the claimant or new owner, or the owner who lost the customer */
  user: Person.nullable(),
  actor: Person.nullable(),
  onDate: IsoDateString,
  reason: z.string().nullable(),
}).meta({ id: 'CustomerPoolEvent' });
export const PoolEventPage = pageOf(PoolEventDto);
export const PoolEventQuery = ListQuery.omit({ q: true });
export const BorrowRecordQuery = ListQuery.omit({ q: true }).extend({
  userId: Uuid.optional().describe('whose opens; default everyone in the caller\'s data scope'),
  customerId: Uuid.optional(),
});

export const TransferBody = z.strictObject({
  toUserId: Uuid,
  reason: z.string().trim().min(1).max(500),
}).meta({ id: 'CustomerTransfer' });
export const TransferResult = z.object({
  approvalId: Uuid,
  status: z.enum(['pending', 'approved']),
}).meta({ id: 'CustomerTransferResult' });

export const ClaimBody = z.strictObject({}).describe('no fields; send {}');
export const ReleaseBody = z.strictObject({ reason: z.string().trim().max(500).optional() });
export const LockBody = z.strictObject({ reason: z.string().trim().max(500).optional() });

export const CollaboratorDto = z.object({
  id: Uuid,
  customerId: Uuid,
  user: Person,
  access: CollaboratorAccess,
  expiresOn: IsoDateString.nullable(),
  isActive: z.boolean().describe('false once expiresOn has passed'),
  version: z.int(),
  createdAt: InstantString,
}).meta({ id: 'CustomerCollaborator' });
export const AddCollaboratorBody = z.strictObject({
  userId: Uuid,
  access: CollaboratorAccess.default('read'),
  expiresOn: IsoDateString.nullable().optional().describe('last day of access (inclusive)'),
}).meta({ id: 'AddCollaborator' });
export const CollaboratorParams = z.strictObject({
  id: Uuid.describe('customer id'),
  userId: Uuid.describe('collaborator user id'),
});
export const RemoveCollaboratorBody = z.strictObject({ reason: z.string().trim().max(500).optional() }).nullish()
  .describe('optional; may be omitted');

export const MergeBody = z.strictObject({
  duplicateId: Uuid.describe('the record merged into this one and then removed'),
});
export const MergeResult = z.object({
  customer: CustomerDto,
  moved: z.object({ contacts: z.int(), collaborators: z.int(), borrowRecords: z.int(), poolEvents: z.int() }),
}).meta({ id: 'CustomerMergeResult' });

export const RecycleBody = z.strictObject({ asOf: IsoDateString.optional() });
export const RecycleResult = z.object({
  asOf: IsoDateString,
  recycled: z.int().describe('customers returned to the pool'),
  warned: z.int().describe('owners warned that a customer returns to the pool soon'),
}).meta({ id: 'PoolRecycleResult' });

export const StaleFilesQuery = ListQuery.omit({ q: true }).extend({ asOf: IsoDateString.optional() });

export const ContactDto = z.object({
  id: Uuid,
  customerId: Uuid,
  name: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  mobile: z.string().nullable().describe('masked for roles without customer:read_phone'),
  phone: z.string().nullable().describe('masked for roles without customer:read_phone'),
  email: z.string().nullable(),
  im: z.string().nullable(),
  birthday: IsoDateString.nullable(),
  notes: z.string().nullable(),
  reportsToId: Uuid.nullable(),
  buyingRole: BuyingRole.nullable().describe('拜访对象: economic_buyer 经济决策者, technical_buyer 技术把关者, user_buyer 使用者, coach 教练, influencer 影响者'),
  attitude: Attitude.nullable(),
  influence: Influence.nullable(),
  customFields: z.record(z.string(), z.unknown()),
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Contact' });
export type ContactDto = z.infer<typeof ContactDto>;

const contactFields = {
  name: z.string().trim().min(1).max(100),
  title: optionalText(100),
  department: optionalText(100),
  mobile: Phone.nullable().optional(),
  phone: Phone.nullable().optional(),
  email: z.email({ error: 'errors.email' }).max(200).nullable().optional(),
  im: optionalText(100),
  birthday: IsoDateString.nullable().optional(),
  notes: optionalText(5000),
  reportsToId: Uuid.nullable().optional(),
  buyingRole: BuyingRole.nullable().optional(),
  attitude: Attitude.nullable().optional(),
  influence: Influence.nullable().optional(),
  customFields: CustomFields.optional(),
};
export const CreateContactBody = z.strictObject(contactFields).meta({ id: 'CreateContact' });
export const UpdateContactBody = z.strictObject({ version: Version, ...contactFields, name: contactFields.name.optional() }).meta({ id: 'UpdateContact' });
export const ContactListQuery = ListQuery;
export const ContactPage = pageOf(ContactDto);
export const ContactMergeResult = z.object({ contact: ContactDto, movedReports: z.int() }).meta({ id: 'ContactMergeResult' });

