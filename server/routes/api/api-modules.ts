// Every module of the JSON API under /api/v1. Adding a resource: one file exporting an ApiModule
// (its routes and its OpenAPI paths) and one line here; the OpenAPI document follows.
import { Hono } from 'hono';
import type { PageDeps } from '../../pages/page-deps.ts';
import type { ApiModule } from './api-module.ts';
import { buildOpenApiDocument, errorSchema } from './openapi.ts';
import { servicesApi } from './services-api.ts';
import { figuresApi } from './figures-api.ts';
import { recordsApi } from './records-api.ts';
import { monitorsApi } from './monitors-api.ts';
import { commsApiDocs } from './comms-openapi.ts';

export const apiModules: ApiModule[] = [servicesApi, figuresApi, recordsApi, monitorsApi, commsApiDocs];

export const apiPathPrefix = '/api/v1';

export function createApiRoutes(deps: PageDeps, modules: readonly ApiModule[] = apiModules): Hono {
  const app = new Hono();
  const document = buildOpenApiDocument(
    [{ paths: openApiSelf, schemas: { Error: errorSchema } }, ...modules.map((m) => m.openapi)],
    process.env.npm_package_version ?? '0.1.0',
  );
  app.get('/openapi.json', (c) => c.json(document));
  for (const module of modules) app.route('/', module.routes(deps));
  return app;
}

const openApiSelf = {
  '/openapi.json': {
    get: {
      summary: 'This document',
      operationId: 'getOpenApi',
      responses: { '200': { description: 'OpenAPI 3.1 document.' } },
    },
  },
};
