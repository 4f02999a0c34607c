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
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
