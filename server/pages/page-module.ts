// One page area (overview, service, monitor, …): it adds its GET routes to the pages app.
import type { Hono } from 'hono';
import type { PageDeps } from './page-deps.ts';

export interface PageModule {
  name: string;
  register(app: Hono, deps: PageDeps): void;
}
