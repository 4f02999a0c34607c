import { z } from 'zod';
import { InstantString, IsoDateString, ListQuery, MoneyString, pageOf, Person, Uuid, Version } from './common.contract.js';

/** A percentage on the wire: a decimal string with at most two decimals, e.g. "10" or "12.5" (float range, tax rate). */
export const PercentString = z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: 'errors.percent' }).meta({ example: '10.00' });

export const productKinds = ['product', 'service'] as const;
export const ProductKind = z.enum(productKinds).describe('product (产品) or service (服务)');
export const customerClassValues = ['A', 'B', 'C', 'D'] as const;
export const CustomerClass = z.enum(customerClassValues).describe('customer value class (客户价值等级)');
export const priceChannels = ['distributor', 'agent', 'integrator'] as const;
export const PriceChannel = z.enum(priceChannels).describe('sales channel: distributor (经销商), agent (代理商), integrator (系统集成商)');
export const priceChangeStatuses = ['pending', 'approved', 'rejected', 'returned'] as const;
export const PriceChangeStatus = z.enum(priceChangeStatuses);
export const priceChangeKinds = ['initial', 'product', 'price_list'] as const;
export const PriceChangeKind = z.enum(priceChangeKinds).describe("initial: a new product's first prices; product: a product's prices; price_list: lines of a price list");


/** The four controlled prices of a product; cost is null for callers who may not see it. */
export const ProductPrices = z.object({
  listPrice: MoneyString.describe('list price (标准价), CNY, tax included'),
  floorPrice: MoneyString.describe('floor price (最低价): no quote below it without approval'),
  floatRange: PercentString.describe('float range (浮动区间) in %: quotes within list price ± this need no approval'),
  cost: MoneyString.nullable().describe('unit cost (成本); null when the caller may not see costs'),
});
export type ProductPrices = z.infer<typeof ProductPrices>;

const PriceInput = z.object({
  listPrice: MoneyString,
  floorPrice: MoneyString,
  floatRange: PercentString,
  cost: MoneyString,
});

export const ProductDto = z.object({
  id: Uuid,
  code: z.string(),
  name: z.string(),
  kind: ProductKind,
  unit: z.string(),
  category: z.string().nullable(),
  spec: z.string().nullable(),
  taxRate: PercentString.describe('VAT rate in % (增值税率), e.g. "13"'),
  isActive: z.boolean(),
  listPrice: MoneyString.nullable().describe('prices in force on `asOf` (null: no approved price yet)'),
  floorPrice: MoneyString.nullable(),
  floatRange: PercentString.nullable(),
  cost: MoneyString.nullable().describe('null when the caller may not see costs, or no approved price yet'),
  priceEffectiveFrom: IsoDateString.nullable(),
  isQuotable: z.boolean().describe('active and has approved prices in force: quotes may use it'),
  hasPendingChange: z.boolean(),
  asOf: IsoDateString,
  version: z.int(),
  createdAt: InstantString,
  updatedAt: InstantString,
}).meta({ id: 'Product' });
export type ProductDto = z.infer<typeof ProductDto>;
export const ProductPage = pageOf(ProductDto);

const BoolQuery = z.enum(['true', 'false']);
export const ProductListQuery = ListQuery.extend({
  category: z.string().max(60).optional(),
  kind: ProductKind.optional(),
  isActive: BoolQuery.optional(),
  asOf: IsoDateString.optional().describe('prices in force on this date (default: today in the workspace time zone)'),
}).describe('q matches code and name (with pinyin keys)');
export type ProductListQuery = z.infer<typeof ProductListQuery>;

export const CreateProductBody = z.strictObject({
  code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, { error: 'errors.productCode' }),
  name: z.string().trim().min(1).max(120),
  kind: ProductKind,
  unit: z.string().trim().min(1).max(10).describe('台, 套, 件, 年 …'),
  category: z.string().trim().min(1).max(60).optional(),
  spec: z.string().trim().max(2000).optional(),
  taxRate: PercentString,
  ...PriceInput.shape,
  effectiveFrom: IsoDateString.optional().describe('when the first prices take effect once approved (default: today)'),
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type CreateProductBody = z.infer<typeof CreateProductBody>;

export const UpdateProductBody = z.strictObject({
  version: Version,
  name: z.string().trim().min(1).max(120).optional(),
  unit: z.string().trim().min(1).max(10).optional(),
  category: z.string().trim().min(1).max(60).nullable().optional(),
  spec: z.string().trim().max(2000).nullable().optional(),
  taxRate: PercentString.optional(),
  isActive: z.boolean().optional(),
}).describe('descriptive fields only: prices change through POST /products/{id}/price-changes');
export type UpdateProductBody = z.infer<typeof UpdateProductBody>;

export const ProductQuery = z.strictObject({ asOf: IsoDateString.optional() });

export const RequestProductPriceChangeBody = z.strictObject({
  ...PriceInput.shape,
  effectiveFrom: IsoDateString.describe('the first day the new prices apply (today or later, Asia/Shanghai by default)'),
  reason: z.string().trim().min(1).max(2000),
});
export type RequestProductPriceChangeBody = z.infer<typeof RequestProductPriceChangeBody>;

export const PriceChangeLineDto = z.object({
  productId: Uuid,
  productCode: z.string(),
  productName: z.string(),
  oldPrice: MoneyString.nullable(),
  newPrice: MoneyString,
});

export const PriceChangeDto = z.object({
  id: Uuid,
  kind: PriceChangeKind,
  status: PriceChangeStatus,
  product: z.object({ id: Uuid, code: z.string(), name: z.string() }).nullable(),
  priceList: z.object({ id: Uuid, name: z.string() }).nullable(),
  from: ProductPrices.nullable().describe('product prices in force when requested, frozen (null for a new product)'),
  to: ProductPrices.nullable().describe('requested product prices, frozen'),
  lines: z.array(PriceChangeLineDto).describe('price-list lines, old and new, frozen'),
  effectiveFrom: IsoDateString.describe('requested first day'),
  appliedFrom: IsoDateString.nullable().describe('first day actually applied: the requested day, or the approval day when approval came later'),
  reason: z.string(),
  requestedBy: Person,
  approvalId: Uuid.nullable(),
  createdAt: InstantString,
  decidedAt: InstantString.nullable(),
  decisionComment: z.string().nullable(),
}).meta({ id: 'PriceChange' });
export type PriceChangeDto = z.infer<typeof PriceChangeDto>;
export const PriceChangePage = pageOf(PriceChangeDto);

export const PriceChangeListQuery = ListQuery.pick({ limit: true, cursor: true }).extend({
  status: PriceChangeStatus.optional(),
  productId: Uuid.optional(),
  priceListId: Uuid.optional(),
});
export type PriceChangeListQuery = z.infer<typeof PriceChangeListQuery>;

export const PriceHistoryItemDto = z.object({
  id: Uuid,
  ...ProductPrices.shape,
  effectiveFrom: IsoDateString,
  effectiveTo: IsoDateString.nullable().describe('last day, the day before the next version (null: open-ended)'),
  isInForce: z.boolean().describe('the version in force today'),
  requestId: Uuid.nullable(),
  requestedBy: Person.nullable(),
  approvedBy: Person.nullable(),
  reason: z.string(),
  createdAt: InstantString,
}).meta({ id: 'PriceHistoryItem' });
export type PriceHistoryItemDto = z.infer<typeof PriceHistoryItemDto>;
export const PriceHistoryDto = z.object({
  items: z.array(PriceHistoryItemDto).describe('approved price versions, newest effective date first'),
  requests: z.array(PriceChangeDto).describe('price change requests of this product, newest first, at most 20'),
});
export type PriceHistoryDto = z.infer<typeof PriceHistoryDto>;

// ── price lists ────────────────────────────────────────────────────────────────────────────────

export const PriceListDto = z.object({
  id: Uuid,
  name: z.string(),
  customerClass: CustomerClass.nullable(),
  channel: PriceChannel.nullable(),
  effectiveFrom: IsoDateString,
  effectiveTo: IsoDateString.nullable(),
  isActive: z.boolean(),
  lineCount: z.int().describe('products priced on `asOf`'),
  hasPendingChange: z.boolean(),
  version: z.int(),
  createdAt: InstantString,
}).meta({ id: 'PriceList' });
export type PriceListDto = z.infer<typeof PriceListDto>;
export const PriceListPage = pageOf(PriceListDto);
export const PriceListQuery = ListQuery.extend({
  customerClass: CustomerClass.optional(),
  channel: PriceChannel.optional(),
  asOf: IsoDateString.optional(),
});
export type PriceListQuery = z.infer<typeof PriceListQuery>;

export const PriceListLineDto = z.object({
  productId: Uuid,
  productCode: z.string(),
  productName: z.string(),
  unit: z.string(),
  listPrice: MoneyString.nullable(),
  floorPrice: MoneyString.nullable(),
  price: MoneyString,
  effectiveFrom: IsoDateString,
});
export type PriceListLineDto = z.infer<typeof PriceListLineDto>;
export const PriceListDetailDto = PriceListDto.extend({
  asOf: IsoDateString,
  lines: z.array(PriceListLineDto).describe('lines in force on `asOf`, by product code'),
  pendingChange: PriceChangeDto.nullable(),
}).meta({ id: 'PriceListDetail' });
export type PriceListDetailDto = z.infer<typeof PriceListDetailDto>;

const LineInput = z.strictObject({ productId: Uuid, price: MoneyString });
export const CreatePriceListBody = z.strictObject({
  name: z.string().trim().min(1).max(80),
  customerClass: CustomerClass.optional(),
  channel: PriceChannel.optional(),
  effectiveFrom: IsoDateString,
  effectiveTo: IsoDateString.optional(),
  lines: z.array(LineInput).max(500).optional().describe('initial lines: sent for approval as one price change'),
  reason: z.string().trim().min(1).max(2000).optional(),
});
export type CreatePriceListBody = z.infer<typeof CreatePriceListBody>;

export const RequestPriceListChangeBody = z.strictObject({
  version: Version.describe('the price list version you read'),
  lines: z.array(LineInput).min(1).max(500),
  effectiveFrom: IsoDateString,
  reason: z.string().trim().min(1).max(2000),
});
export type RequestPriceListChangeBody = z.infer<typeof RequestPriceListChangeBody>;

export const EffectivePriceQuery = z.strictObject({
  customerClass: CustomerClass.optional(),
  channel: PriceChannel.optional(),
  date: IsoDateString.optional().describe('default: today in the workspace time zone'),
});
export type EffectivePriceQuery = z.infer<typeof EffectivePriceQuery>;

export const EffectivePriceDto = z.object({
  productId: Uuid,
  date: IsoDateString,
  isQuotable: z.boolean(),
  price: MoneyString.nullable().describe('the price to quote: the matching price list line, else the list price'),
  source: z.enum(['price_list', 'list_price', 'none']),
  priceList: z.object({ id: Uuid, name: z.string() }).nullable(),
  listPrice: MoneyString.nullable(),
  floorPrice: MoneyString.nullable(),
  floatRange: PercentString.nullable(),
  cost: MoneyString.nullable(),
  taxRate: PercentString,
}).meta({ id: 'EffectivePrice' });
export type EffectivePriceDto = z.infer<typeof EffectivePriceDto>;
