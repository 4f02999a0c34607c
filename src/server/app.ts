import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_MAP_CONFIG, type MapConfig } from './config.js';
import { approvalRoutes } from './platform/approvals/approvals.routes.js';
import { auditRoutes } from './platform/audit/audit.routes.js';
import { authRoutes } from './platform/auth/auth.routes.js';
import { authenticatePlugin } from './platform/auth/authenticate.js';
import type { DbHandle } from './platform/db/client.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { notificationRoutes } from './platform/notifications/notifications.routes.js';
import { orgRoutes } from './platform/org/org.routes.js';
import { policyRoutes } from './platform/policies/policies.routes.js';
import { webhookRoutes } from './platform/webhooks/webhooks.routes.js';
import { numberingRoutes } from './platform/numbering/numbering.routes.js';
import { importRoutes } from './modules/imports/index.js';
import { customerRoutes } from './modules/customers/index.js';
import { customFieldRoutes } from './modules/custom-fields/index.js';
import { savedViewRoutes } from './modules/saved-views/index.js';
import { searchRoutes } from './modules/search/index.js';
import { attachmentRoutes } from './modules/attachments/index.js';
import { leadRoutes } from './modules/leads/index.js';
import { receptionRoutes } from './modules/reception/index.js';
import { activityRoutes } from './modules/activities/index.js';
import { motRoutes } from './modules/mot/index.js';
import { visitPlanRoutes } from './modules/visit-plans/index.js';
import { forecastRoutes } from './modules/forecasts/index.js';
import { opportunityRoutes } from './modules/opportunities/index.js';
import { opportunityDocumentRoutes } from './modules/opportunities/opportunity-documents.routes.js';
import { reportRoutes } from './modules/reports/index.js';
import { creditRatingRoutes, creditRoutes } from './modules/credit/index.js';
import { productRoutes } from './modules/products/index.js';
import { contractRoutes } from './modules/contracts/index.js';
import { printTemplateRoutes } from './modules/print-templates/index.js';
import { quoteRoutes } from './modules/quotes/index.js';
import { receivableRoutes } from './modules/receivables/index.js';
import { paymentRoutes } from './modules/payments/index.js';
import { penaltyRoutes } from './modules/penalties/index.js';
import { invoiceRoutes } from './modules/invoices/index.js';
import { orderRoutes } from './modules/orders/index.js';
import { shipmentRoutes } from './modules/shipments/index.js';
import { dunningRoutes } from './modules/dunning/index.js';

export interface AppDeps {
  handle: DbHandle;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: boolean;
  loginRateLimitPerMinute?: number;
  /** folder of the built web UI; served with an SPA fallback when present */
  webDist?: string;
  /** the visit-plan map's tile source (config KAIROS_MAP_TILE_URL / KAIROS_MAP_ATTRIBUTION); OpenStreetMap when absent */
  map?: MapConfig;
  /** called after each successful mutating request (dispatches the outbox) */
  afterCommit?: () => void;
}

/** Builds the whole HTTP app: plugins, then every module's routes under /api/v1. Tests call this. */
export async function buildApp(deps: AppDeps) {
  const app = Fastify({
    logger: deps.logger ?? false, trustProxy: deps.trustProxy ?? false, bodyLimit: 10 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(), ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app);
  await app.register(authenticatePlugin, { handle: deps.handle });

  app.get('/health', {
    schema: { tags: ['health'], summary: 'Liveness and which database', security: [], response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) }) } },
    config: { public: true },
  }, async () => ({ status: 'ok' as const, db: deps.handle.kind }));

  await app.register(async (api) => {
    await api.register(authRoutes, { handle: deps.handle, loginRateLimitPerMinute: deps.loginRateLimitPerMinute ?? 20 });
    await api.register(orgRoutes);
    await api.register(approvalRoutes);
    await api.register(auditRoutes);
    await api.register(policyRoutes);
    await api.register(notificationRoutes);
    await api.register(webhookRoutes);
    await api.register(numberingRoutes);
    await api.register(customerRoutes);
    await api.register(customFieldRoutes);
    await api.register(savedViewRoutes);
    await api.register(searchRoutes);
    await api.register(attachmentRoutes);
    await api.register(leadRoutes);
    await api.register(receptionRoutes);
    await api.register(activityRoutes);
    await api.register(motRoutes);
    await api.register(visitPlanRoutes, { map: deps.map ?? DEFAULT_MAP_CONFIG });
    await api.register(forecastRoutes);
    await api.register(opportunityRoutes);
    await api.register(opportunityDocumentRoutes);
    await api.register(importRoutes);
    await api.register(reportRoutes);
    await api.register(creditRoutes);
    await api.register(creditRatingRoutes);
    await api.register(productRoutes);
    await api.register(contractRoutes);
    await api.register(printTemplateRoutes);
    await api.register(quoteRoutes);
    await api.register(receivableRoutes);
    await api.register(paymentRoutes);
    await api.register(penaltyRoutes);
    await api.register(invoiceRoutes);
    await api.register(orderRoutes);
    await api.register(shipmentRoutes);
    await api.register(dunningRoutes);
  }, { prefix: '/api/v1' });

  if (deps.afterCommit) {
    const afterCommit = deps.afterCommit;
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && reply.statusCode < 400) afterCommit();
    });
  }

  if (deps.webDist && existsSync(deps.webDist)) {
    await app.register(fastifyStatic, { root: deps.webDist, prefix: '/', wildcard: false });
    app.get('/*', { schema: { hide: true }, config: { public: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) throw Object.assign(new Error('not found'), { statusCode: 404 });
      return reply.sendFile('index.html');
    });
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
