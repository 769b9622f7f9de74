// "Every change to configuration" (SPEC §6) for a file-based config: on each accepted reload, the
// parts that changed (a service, a channel, the security settings, …) go to the audit log with
// their before and after, secrets redacted (audit.ts), as the actor `config-file`.
import type { SlawatchConfig } from '../config/types.ts';
import type { AuditEvent } from './audit.ts';

type Parts = Map<string, unknown>;

function partsOf(config: SlawatchConfig): Parts {
  const parts: Parts = new Map();
  for (const [key, value] of Object.entries(config)) {
    if (key === 'services') for (const s of config.services) parts.set(`services.${s.spec.id}`, s);
    else if (key === 'notifications') for (const n of config.notifications) parts.set(`notifications.${n.id}`, n);
    else parts.set(key, value);
  }
  return parts;
}

/** One audit event per part added, removed or changed between two configs. */
export function configChanges(before: SlawatchConfig, after: SlawatchConfig): AuditEvent[] {
  const a = partsOf(before);
  const b = partsOf(after);
  const events: AuditEvent[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const old = a.get(key);
    const now = b.get(key);
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    const action = old === undefined ? 'config.add' : now === undefined ? 'config.remove' : 'config.update';
    events.push({ action, entity: 'config', entityId: key, before: old ?? null, after: now ?? null });
  }
  return events;
}
