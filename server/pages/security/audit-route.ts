// /admin/audit reads the audit log for the filter and renders it; /admin/audit.csv exports the
// same selection (csv-stringify). Admins only.
import { stringify } from 'csv-stringify/sync';
import type { Hono } from 'hono';
import type { AuditFilter } from '../../../db/security-store.ts';
import { auditCsvColumns, auditCsvRecord } from '../../security/audit.ts';
import { auditPage } from './audit-page.tsx';
import { securityPage, type SecurityPageDeps } from './security-page-kit.ts';

export function parseAuditFilter(query: Record<string, string>): { filter: AuditFilter; errors: string[] } {
  const errors: string[] = [];
  const time = (key: 'from' | 'to') => {
    const text = query[key]?.trim();
    if (!text) return undefined;
    const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(ms)) errors.push(`${key}: not a date or ISO time: "${text}"`);
    return Number.isNaN(ms) ? undefined : ms;
  };
  const filter: AuditFilter = {
    fromMs: time('from'),
    toMs: time('to'),
    actor: query.actor?.trim() || undefined,
    action: query.action?.trim() || undefined,
    entity: query.entity?.trim() || undefined,
  };
  return { filter, errors };
}

export function registerAuditRoutes(app: Hono, { security, pages }: SecurityPageDeps): void {
  app.get('/admin/audit', async (c) => {
    const query = c.req.query();
    const { filter, errors } = parseAuditFilter(query);
    const entries = await security.store.security.listAudit({ ...filter, limit: 500 });
    return securityPage(c, pages, (ctx) => auditPage(ctx, { entries, query, errors }));
  });

  app.get('/admin/audit.csv', async (c) => {
    const { filter, errors } = parseAuditFilter(c.req.query());
    if (errors.length > 0) return c.json({ ok: false, error: errors.join('; ') }, 400);
    const entries = await security.store.security.listAudit({ ...filter, limit: 100_000 });
    const csv = stringify([auditCsvColumns as unknown as string[], ...entries.map(auditCsvRecord)]);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="slawatch-audit.csv"');
    return c.body(csv);
  });
}
