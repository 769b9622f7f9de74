// One resource of the JSON API under /api/v1: its routes and its part of the OpenAPI document.
import type { Hono } from 'hono';
import type { PageDeps } from '../../pages/page-deps.ts';
import type { OpenApiPart } from './openapi.ts';

export interface ApiModule {
  name: string;
  /** A sub-app mounted at /api/v1. */
  routes(deps: PageDeps): Hono;
  openapi: OpenApiPart;
}
