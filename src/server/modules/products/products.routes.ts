import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../shared/contracts/common.contract.js';
import {
  CreatePriceListBody, CreateProductBody, EffectivePriceDto, EffectivePriceQuery, PriceChangeDto, PriceChangeListQuery, PriceChangePage,
  PriceHistoryDto, PriceListDetailDto, PriceListPage, PriceListQuery, ProductDto, ProductListQuery, ProductPage, ProductQuery,
  RequestPriceListChangeBody, RequestProductPriceChangeBody, UpdateProductBody,
} from '../../../shared/contracts/products.contract.js';
import { sendXlsx, withErrors } from '../../platform/http/route-helpers.js';
import { productsXlsx } from './products.export.js';
import {
  auditProductExport, createPriceList, createProduct, getEffectivePrice, getPriceChange, getPriceList, getProduct, listPriceChanges,
  listPriceLists, listProducts, priceHistory, productCategories, productPages, requestPriceListChange, requestProductPriceChange, updateProduct,
} from './products.service.js';

/** Products, price lists and price changes with approval (产品与价格, domain §8). */
export const productRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['products'];

  app.get('/products', {
    schema: {
      tags, summary: 'Products and services by code, with the prices in force on asOf (cost only for finance and sales managers and above); q matches code and name',
      querystring: ProductListQuery, response: withErrors({ 200: ProductPage }),
    },
    preHandler: app.authorize('product:read'),
  }, async (req) => listProducts(req.ctx, req.query));

  app.get('/products.xlsx', {
    schema: { tags, summary: 'The product list as Excel, same filters (cost column only for those who may see costs; the export is audited)', querystring: ProductListQuery, response: withErrors({ 200: z.any().describe('xlsx file') }) },
    preHandler: app.authorize('product:read'),
  }, async (req, reply) => {
    const { ctx } = req;
    await auditProductExport(ctx, req.query);
    return sendXlsx(req, reply, 'products.xlsx', productsXlsx(productPages(ctx, req.query), ctx.locale, ctx.actor.permissions.has('product:read_cost')));
  });

  app.get('/product-categories', {
    schema: { tags, summary: 'Product categories in use (for the filter)', response: withErrors({ 200: z.object({ items: z.array(z.string()) }) }) },
    preHandler: app.authorize('product:read'),
  }, async (req) => productCategories(req.ctx));

  app.post('/products', {
    schema: {
      tags, summary: 'Create a product or service (sales VP or manager); its first prices go for approval (VP → finance → GM) and it cannot be quoted until approved',
      body: CreateProductBody, response: withErrors({ 201: ProductDto }),
    },
    preHandler: app.authorize('product:write'),
  }, async (req, reply) => reply.status(201).send(await createProduct(req.ctx, req.body)));

  app.get('/products/:id', {
    schema: { tags, summary: 'One product with the prices in force on asOf', params: IdParams, querystring: ProductQuery, response: withErrors({ 200: ProductDto }) },
    preHandler: app.authorize('product:read'),
  }, async (req) => getProduct(req.ctx, req.params.id, req.query));

  app.patch('/products/:id', {
    schema: { tags, summary: 'Change descriptive fields (name, unit, category, spec, tax rate, active) at the version read; prices change only through a price change', params: IdParams, body: UpdateProductBody, response: withErrors({ 200: ProductDto }) },
    preHandler: app.authorize('product:write'),
  }, async (req) => updateProduct(req.ctx, req.params.id, req.body));

  app.post('/products/:id/price-changes', {
    schema: {
      tags, summary: 'Request new list price, floor price, float range and cost from a day (sales VP or manager; never finance); old and new values frozen; applied when approved',
      params: IdParams, body: RequestProductPriceChangeBody, response: withErrors({ 201: PriceChangeDto }),
    },
    preHandler: app.authorize('price:request'),
  }, async (req, reply) => reply.status(201).send(await requestProductPriceChange(req.ctx, req.params.id, req.body)));

  app.get('/products/:id/price-history', {
    schema: { tags, summary: "A product's approved price versions (newest first, with their last day) and its price change requests", params: IdParams, response: withErrors({ 200: PriceHistoryDto }) },
    preHandler: app.authorize('product:read'),
  }, async (req) => priceHistory(req.ctx, req.params.id));

  app.get('/products/:id/effective-price', {
    schema: {
      tags, summary: 'The price to quote for a customer class and/or channel on a date: the matching price list in force (channel first, newest list), else the list price',
      params: IdParams, querystring: EffectivePriceQuery, response: withErrors({ 200: EffectivePriceDto }),
    },
    preHandler: app.authorize('price_list:read'),
  }, async (req) => getEffectivePrice(req.ctx, req.params.id, req.query));

  app.get('/price-lists', {
    schema: { tags, summary: 'Price lists per customer class or channel, newest first', querystring: PriceListQuery, response: withErrors({ 200: PriceListPage }) },
    preHandler: app.authorize('price_list:read'),
  }, async (req) => listPriceLists(req.ctx, req.query));

  app.post('/price-lists', {
    schema: { tags, summary: 'Create a price list for a customer class and/or channel; its initial lines go for approval as one price change', body: CreatePriceListBody, response: withErrors({ 201: PriceListDetailDto }) },
    preHandler: app.authorize('price:request'),
  }, async (req, reply) => reply.status(201).send(await createPriceList(req.ctx, req.body)));

  app.get('/price-lists/:id', {
    schema: { tags, summary: 'A price list with its lines in force on asOf and the change waiting for approval', params: IdParams, querystring: ProductQuery, response: withErrors({ 200: PriceListDetailDto }) },
    preHandler: app.authorize('price_list:read'),
  }, async (req) => getPriceList(req.ctx, req.params.id, req.query));

  app.post('/price-lists/:id/price-changes', {
    schema: { tags, summary: 'Request new prices for lines of a price list from a day (added or changed lines); applied when approved', params: IdParams, body: RequestPriceListChangeBody, response: withErrors({ 201: PriceChangeDto }) },
    preHandler: app.authorize('price:request'),
  }, async (req, reply) => reply.status(201).send(await requestPriceListChange(req.ctx, req.params.id, req.body)));

  app.get('/price-changes', {
    schema: { tags, summary: 'Price change requests, newest first', querystring: PriceChangeListQuery, response: withErrors({ 200: PriceChangePage }) },
    preHandler: app.authorize('product:read'),
  }, async (req) => listPriceChanges(req.ctx, req.query));

  app.get('/price-changes/:id', {
    schema: { tags, summary: 'One price change request with its frozen old and new values', params: IdParams, response: withErrors({ 200: PriceChangeDto }) },
    preHandler: app.authorize('product:read'),
  }, async (req) => getPriceChange(req.ctx, req.params.id));
};
