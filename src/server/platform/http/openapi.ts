import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 at /api/openapi.json (generated from the zod contracts) and a browsable page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kairos API', version: '1.0.0',
        description: 'Kairos sales process management (销售过程管理系统). Money is a decimal string, dates are YYYY-MM-DD, errors share one shape.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: 'http://localhost:3000', description: 'local' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kairos_session', description: 'mutating requests also need header X-Requested-With: kairos' },
          token: { type: 'http', scheme: 'bearer', description: 'personal API token from POST /api/v1/auth/tokens' },
        },
      },
      security: [{ session: [] }, { token: [] }],
    },
    // operationId from method + path (GET /api/v1/users/{id} → getUsersById) for generated clients
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const words = input.url.replace(/^\/api\/v1\//, '').split(/[/.-]/).filter(Boolean)
        .map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w))
        .flatMap((w) => w.split(/[-_]/)).map((w) => w[0]!.toUpperCase() + w.slice(1));
      const method = (Array.isArray(input.route.method) ? input.route.method[0] : input.route.method) ?? 'get';
      return { ...result, schema: { ...result.schema, operationId: `${String(method).toLowerCase()}${words.join('')}` } };
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
