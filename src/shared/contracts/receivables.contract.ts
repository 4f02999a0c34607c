import { z } from 'zod';
import { IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid } from './common.contract.js';

export const receivableStatuses = ['open', 'partial', 'paid', 'written_off'] as const;
export const ReceivableStatus = z.enum(receivableStatuses).describe('open: nothing received; partial; paid; written_off (bad debt written off)');


export const ReceivableDto = z.object({
  id: Uuid,
  contract: z.object({ id: Uuid, number: z.string(), title: z.string() }),
  customer: Person,
  owner: Person,
  planIndex: z.int().describe('position of the payment-plan line on the contract (0-based)'),
  kind: z.enum(['prepayment', 'progress', 'balance']),
  dueDate: IsoDateString,
  amount: MoneyString,
  received: MoneyString,
  outstanding: MoneyString.describe('amount − received'),
  status: ReceivableStatus,
  paidOn: IsoDateString.nullable().describe('day the line became fully paid'),
  daysOverdue: z.int().describe('asOf − due date when something is outstanding and the due date has passed; else 0'),
  version: z.int(),
}).meta({ id: 'Receivable' });
export type ReceivableDto = z.infer<typeof ReceivableDto>;

export const ReceivableListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  contractId: Uuid.optional(),
  ownerId: Uuid.optional(),
  status: ReceivableStatus.optional(),
  dueFrom: IsoDateString.optional(),
  dueTo: IsoDateString.optional(),
  overdue: z.enum(['true', 'false']).optional().describe('true: open or partial lines due before asOf'),
  asOf: IsoDateString.optional().describe('day days overdue are counted to; default today'),
}).describe('ordered by due date, then id');
export type ReceivableListQuery = z.infer<typeof ReceivableListQuery>;
export const ReceivablePage = pageOf(ReceivableDto);

// ── aging and collection rate ──────────────────────────────────────────────────────────────────

export const agingBucketNames = ['not_due', '1_30', '31_60', '61_90', '91_120', 'over_120'] as const;
export const AgingBucketName = z.enum(agingBucketNames);
export const AgingGroupBy = z.enum(['customer', 'owner', 'team']);

export const AgingQuery = z.strictObject({
  asOf: IsoDateString.optional().describe('default today; payments received after it do not count'),
  groupBy: AgingGroupBy.default('customer'),
  limit: z.coerce.number().int().min(1).max(1000).default(200).describe('the groups with the most outstanding; totals and `groups` cover every group (the xlsx export has all rows)'),
});
export type AgingQuery = z.infer<typeof AgingQuery>;

const Buckets = z.object(Object.fromEntries(agingBucketNames.map((b) => [b, MoneyString])) as Record<(typeof agingBucketNames)[number], typeof MoneyString>);

export const AgingReportDto = z.object({
  asOf: IsoDateString,
  groupBy: AgingGroupBy,
  groups: z.int().describe('groups with money outstanding in all; rows holds the `limit` largest'),
  rows: z.array(z.object({ key: z.string().nullable(), name: z.string(), buckets: Buckets, total: MoneyString, overdue: MoneyString, lines: z.int() })),
  totals: z.object({ buckets: Buckets, total: MoneyString, overdue: MoneyString, lines: z.int() }),
}).meta({ id: 'AgingReport' });
export type AgingReportDto = z.infer<typeof AgingReportDto>;

export const AgingLinesQuery = z.strictObject({
  asOf: IsoDateString.optional(),
  bucket: AgingBucketName.optional(),
  customerId: Uuid.optional(),
  ownerId: Uuid.optional(),
  teamId: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type AgingLinesQuery = z.infer<typeof AgingLinesQuery>;

export const AgingLineDto = z.object({
  receivableId: Uuid,
  contract: z.object({ id: Uuid, number: z.string() }),
  customer: Person,
  owner: Person,
  kind: z.enum(['prepayment', 'progress', 'balance']),
  dueDate: IsoDateString,
  amount: MoneyString,
  outstanding: MoneyString.describe('as of asOf'),
  daysOverdue: z.int(),
  bucket: AgingBucketName,
});
export const AgingLinesDto = z.object({ asOf: IsoDateString, items: z.array(AgingLineDto) });
export type AgingLinesDto = z.infer<typeof AgingLinesDto>;

export const CollectionRateQuery = z.strictObject({
  from: IsoDateString,
  to: IsoDateString,
  groupBy: z.enum(['owner', 'team']).default('owner'),
});
export type CollectionRateQuery = z.infer<typeof CollectionRateQuery>;

export const CollectionRateDto = z.object({
  from: IsoDateString,
  to: IsoDateString,
  groupBy: z.enum(['owner', 'team']),
  rows: z.array(z.object({ key: z.string().nullable(), name: z.string(), due: MoneyString, collected: MoneyString, rate: z.string().nullable().describe('percent, one decimal; null when nothing fell due') })),
  totals: z.object({ due: MoneyString, collected: MoneyString, rate: z.string().nullable() }),
}).meta({ id: 'CollectionRate' });
export type CollectionRateDto = z.infer<typeof CollectionRateDto>;
