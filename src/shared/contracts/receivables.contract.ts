import { z } from 'zod';
import { IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid } from './common.contract.js';

export const receivableStatuses = ['open', 'partial', 'paid'] as const;
export const ReceivableStatus = z.enum(receivableStatuses).describe('open: nothing received; partial; paid');


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
  version: z.int(),
}).meta({ id: 'Receivable' });
export type ReceivableDto = z.infer<typeof ReceivableDto>;

export const ReceivableListQuery = ListQuery.extend({
  customerId: Uuid.optional(),
  contractId: Uuid.optional(),
  status: ReceivableStatus.optional(),
}).describe('ordered by due date, then id');
export type ReceivableListQuery = z.infer<typeof ReceivableListQuery>;
export const ReceivablePage = pageOf(ReceivableDto);
