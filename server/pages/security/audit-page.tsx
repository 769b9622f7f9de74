// /admin/audit: the audit log newest first, filtered by time, actor, action (a prefix, e.g.
// `sign_in`) and entity; /admin/audit.csv exports the same selection (csv-stringify). Admins only.
import type { Context, Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { AuditFilter } from '../../../db/security-store.ts';
import { auditCsvColumns, auditCsvRecord } from '../../security/audit.ts';
import { buildHref } from '../page-context.ts';
import { Errors, isoMinute, securityPage, type SecurityPageDeps } from './security-page-kit.tsx';

const filterKeys = ['from', 'to', 'actor', 'action', 'entity'] as const;

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

export function registerAuditPage(app: Hono, { security, pages }: SecurityPageDeps): void {
  app.get('/admin/audit', async (c: Context) => {
    const query = c.req.query();
    const { filter, errors } = parseAuditFilter(query);
    const entries = await security.store.security.listAudit({ ...filter, limit: 500 });
    const kept = Object.fromEntries(filterKeys.map((k) => [k, query[k]]));
    return securityPage(
      c,
      pages,
      (m) => m.auditTitle,
      (_ctx, m) => (
        <>
          <h1>{m.auditTitle}</h1>
          <Errors errors={errors} />
          {/* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers teams still run; the role says the same */}
          <form method="get" action="/admin/audit" class="filters" role="search">
            <label>
              {m.from} <input name="from" value={query.from ?? ''} placeholder="2026-01-01" />
            </label>
            <label>
              {m.to} <input name="to" value={query.to ?? ''} />
            </label>
            <label>
              {m.actor} <input name="actor" value={query.actor ?? ''} />
            </label>
            <label>
              {m.action} <input name="action" value={query.action ?? ''} placeholder="sign_in" />
            </label>
            <label>
              {m.entity} <input name="entity" value={query.entity ?? ''} />
            </label>
            <button type="submit">{m.filter}</button>
            <a href={buildHref('/admin/audit.csv', kept)} download>
              {m.exportCsv}
            </a>
          </form>
          <table class="audit-log">
            <thead>
              <tr>
                <th>{m.time}</th>
                <th>{m.actor}</th>
                <th>{m.address}</th>
                <th>{m.action}</th>
                <th>{m.entity}</th>
                <th>{m.before}</th>
                <th>{m.after}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr>
                  <td>{isoMinute(e.timeMs, '')}</td>
                  <td>{e.actor}</td>
                  <td>{e.address}</td>
                  <td>{e.action}</td>
                  <td>{e.entityId ? `${e.entity} ${e.entityId}` : e.entity}</td>
                  <td>
                    <code>{e.before === null ? '' : JSON.stringify(e.before)}</code>
                  </td>
                  <td>
                    <code>{e.after === null ? '' : JSON.stringify(e.after)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ),
    );
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
