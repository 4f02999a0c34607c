import type { z } from 'zod';
import type { CustomerListQuery } from '../../../shared/contracts/customers.contract';

/** The list filters and sort of `GET /customers` (cursor and limit are the list's business). */
export type CustomerFilter = Omit<z.input<typeof CustomerListQuery>, 'limit' | 'cursor' | 'notFollowedUpDays'> & { notFollowedUpDays?: number };
