// Serves the bundled web/ assets. Their names carry a content hash: cache for a year.
import { Hono } from 'hono';
import type { WebAssets } from './web-assets.ts';

export function createAssetRoutes(assets: WebAssets): Hono {
  const app = new Hono();
  app.get('/:name', (c) => {
    const file = assets.files.get(c.req.param('name'));
    if (!file) return c.json({ ok: false, error: 'not found' }, 404);
    c.header('Content-Type', file.contentType);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    return c.body(file.body);
  });
  return app;
}
