import { z } from 'zod';
import { isIsoDate } from '../dates.js';

export const EXAMPLE_ID = '01936f3e-8b7a-7cc2-9a41-3f6d2c1b0a99';

export const Uuid = z.uuid().meta({ example: EXAMPLE_ID });
export const IdParams = z.strictObject({ id: Uuid.describe('record id (UUIDv7)') });

/** A money amount on the wire: a string with up to two decimals, never a JSON number. */
export const MoneyString = z.string().regex(/^-?\d{1,16}(\.\d{1,2})?$/, { error: 'errors.money' }).meta({ example: '125000.00' });
export const RateString = z.string().regex(/^-?\d{1,12}(\.\d{1,8})?$/, { error: 'errors.decimal' }).meta({ example: '0.005' });
/** A quantity on the wire: a string with up to four decimals; sign and range are checked by the rules (a field error naming the line). */
export const QuantityString = z.string().regex(/^-?\d{1,12}(\.\d{1,4})?$/, { error: 'errors.decimal' }).meta({ example: '10' });
/** A percentage (discount, VAT rate, plan share) with at most two decimals; the range is checked by the rules. */
export const PercentDecimalString = z.string().regex(/^-?\d{1,3}(\.\d{1,2})?$/, { error: 'errors.decimal' }).meta({ example: '13' });
export const IsoDateString = z.string().refine(isIsoDate, { error: 'errors.date' }).meta({ example: '2026-11-22' });
export const InstantString = z.string().meta({ example: '2026-11-22T08:30:00.000Z' });
export const Version = z.int().min(1).describe('the version you read; a stale one gets 409');

/** Who (a user) in a DTO: id and display name. */
export const Person = z.object({ id: Uuid, name: z.string() });

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  q: z.string().max(100).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const ErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
}).meta({ id: 'Error' });

export const NoContent = z.null().describe('No content');

/** The body of a DELETE that takes none: may be omitted (or `{}`). */
export const EmptyBody = z.strictObject({}).nullish().describe('no fields; may be omitted');
