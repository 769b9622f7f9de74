// /admin/audit: the audit log newest first, filtered by time, actor, action (a prefix, e.g.
// `sign_in`) and entity, with a link to the same selection as CSV. A pure view of what
// audit-route.ts reads.
import type { AuditEntry } from '../../../db/security-store.ts';
import { buildHref, type PageContext } from '../page-context.ts';
import type { PageBody } from '../page-body.ts';
import { securityMessages } from './security-messages.ts';
import { Errors, isoMinute } from './security-page-parts.tsx';

const filterKeys = ['from', 'to', 'actor', 'action', 'entity'] as const;

export interface AuditPageData {
  entries: AuditEntry[];
  /** The filter as asked for, shown back in its fields and kept by the CSV link. */
  query: Record<string, string>;
  errors: string[];
}

type Messages = ReturnType<typeof securityMessages>;

export function auditPage(ctx: PageContext, { entries, query, errors }: AuditPageData): PageBody {
  const m = securityMessages(ctx.lang);
  return {
    title: m.auditTitle,
    body: (
      <>
        <h1>{m.auditTitle}</h1>
        <Errors errors={errors} />
        <AuditFilters m={m} query={query} />
        <AuditTable m={m} entries={entries} />
      </>
    ),
  };
}

function AuditFilters({ m, query }: { m: Messages; query: Record<string, string> }) {
  const kept = Object.fromEntries(filterKeys.map((k) => [k, query[k]]));
  return (
    /* biome-ignore lint/a11y/useSemanticElements: <search> is too new for the browsers teams still run;
       the role says the same */
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
  );
}

function AuditTable({ m, entries }: { m: Messages; entries: AuditEntry[] }) {
  return (
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
  );
}
