import { z } from 'zod';
import { Uuid } from './common.contract.js';

/** One search box across customers, contacts and leads (domain §16), within the caller's data scope. */

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).describe('name fragment, pinyin initials (bjkj), full pinyin prefix, phone fragment (≥ 4 digits) or credit code'),
  limit: z.coerce.number().int().min(1).max(20).default(8).describe('per group'),
});

export const SearchHit = z.object({
  id: Uuid,
  name: z.string(),
  detail: z.string().nullable().describe('customer of a contact, company of a lead, industry of a customer'),
  customerId: Uuid.nullable(),
  phone: z.string().nullable().describe('masked (138****8000) for roles without the phone permission'),
  ownerName: z.string().nullable(),
  matchedBy: z.enum(['name', 'phone', 'creditCode']),
}).meta({ id: 'SearchHit' });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({
  customers: z.array(SearchHit),
  contacts: z.array(SearchHit),
  leads: z.array(SearchHit),
}).meta({ id: 'SearchResult' });
export type SearchResult = z.infer<typeof SearchResult>;
