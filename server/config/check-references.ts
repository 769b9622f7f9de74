// Checks that relate one entry of the file to another: unique ids (service and monitor ids are
// unique across the whole file, SPEC §5, because imports name a monitor by its id alone), channel
// names in `notify`, the push monitor of a backup_freshness claim. They read the substituted YAML
// itself, not zod's output, so they still run when an unrelated entry is invalid; a value that
// is malformed is skipped here (the schema reports it).

import { formatPath, type ConfigPath, type PathError } from './config-errors.ts';

type Entry = { value: Record<string, unknown>; path: ConfigPath };

export function checkReferences(root: unknown): PathError[] {
  if (!isRecord(root)) return [];
  const errors: PathError[] = [];
  const services = entries(root.services, ['services']);
  const channels = entries(root.notifications, ['notifications']);
  const monitors = services.flatMap((service) => entries(service.value.monitors, [...service.path, 'monitors']));

  const also = (first: Entry) => `also at ${formatPath(first.path)}`;
  errors.push(...duplicates(services, 'id', (id, first) => `duplicate service id "${id}" (${also(first)})`));
  errors.push(
    ...duplicates(
      monitors,
      'id',
      (id, first) => `duplicate monitor id "${id}" (${also(first)}; monitor ids are unique across the file)`,
    ),
  );
  errors.push(...duplicates(channels, 'id', (id, first) => `duplicate notification id "${id}" (${also(first)})`));
  const pushMonitors = monitors.filter((monitor) => monitor.value.type === 'push');
  errors.push(...duplicates(pushMonitors, 'token', (_, first) => `the same push token as ${formatPath(first.path)}`));

  // A `notifications` value that is not a list is its own error; it would make every reference look wrong.
  const channelIds = new Set(channels.map((channel) => channel.value.id));
  const knownChannels = root.notifications === undefined || Array.isArray(root.notifications);
  for (const service of services) {
    if (knownChannels) errors.push(...channelReferences(service, channelIds));
    errors.push(...claimReferences(service));
  }
  const receiver = root.alertmanager;
  if (
    isRecord(receiver) &&
    typeof receiver.service === 'string' &&
    !services.some((s) => s.value.id === receiver.service)
  ) {
    errors.push({ path: ['alertmanager', 'service'], message: `unknown service "${receiver.service}"` });
  }
  return errors;
}

function channelReferences(service: Entry, channelIds: Set<unknown>): PathError[] {
  return (['notify', 'notify_customers'] as const).flatMap((key) => {
    const names = service.value[key];
    if (!Array.isArray(names)) return [];
    return names.flatMap((name: unknown, index) =>
      typeof name === 'string' && !channelIds.has(name)
        ? [{ path: [...service.path, key, index], message: `no notification channel "${name}" is defined` }]
        : [],
    );
  });
}

function claimReferences(service: Entry): PathError[] {
  const claims = entries(service.value.claims, [...service.path, 'claims']);
  const monitors = entries(service.value.monitors, []);
  const errors = duplicates(
    claims,
    'id',
    (id, first) => `duplicate claim id "${id}" (also at ${formatPath(first.path)})`,
  );
  for (const claim of claims.filter((c) => c.value.metric === 'backup_freshness')) {
    const name = claim.value.monitor;
    if (typeof name !== 'string') continue;
    const monitor = monitors.find((m) => m.value.id === name);
    if (monitor === undefined) {
      errors.push({ path: [...claim.path, 'monitor'], message: `no monitor "${name}" in this service` });
    } else if (monitor.value.type !== 'push') {
      const type = String(monitor.value.type);
      const message = `monitor "${name}" is of type ${type}; backup_freshness needs a push monitor`;
      errors.push({ path: [...claim.path, 'monitor'], message });
    }
  }
  errors.push(...noticeConflicts(claims));
  return errors;
}

/** Two maintenance_notice claims for the same kind would give a window two notice bounds. */
function noticeConflicts(claims: Entry[]): PathError[] {
  const notices = claims.filter((c) => c.value.metric === 'maintenance_notice' && isMaintenanceKind(c.value.kind));
  const errors: PathError[] = [];
  notices.forEach((claim, index) => {
    const earlier = notices
      .slice(0, index)
      .find((c) => c.value.kind === claim.value.kind || c.value.kind === undefined || claim.value.kind === undefined);
    if (earlier === undefined) return;
    const kind = claim.value.kind === undefined ? 'both kinds' : `kind ${String(claim.value.kind)}`;
    const message =
      `a second maintenance_notice claim for ${kind} (the first is claim "${String(earlier.value.id)}"); ` +
      'a window has one notice bound';
    errors.push({ path: [...claim.path, claim.value.kind === undefined ? 'metric' : 'kind'], message });
  });
  return errors;
}

function isMaintenanceKind(kind: unknown): boolean {
  return kind === undefined || kind === 'downtime' || kind === 'no-downtime';
}

/** Every entry after the first with the same string `key`, reported at its `key`. */
function duplicates(list: Entry[], key: string, message: (value: string, first: Entry) => string): PathError[] {
  const seen = new Map<string, Entry>();
  const errors: PathError[] = [];
  for (const entry of list) {
    const value = entry.value[key];
    if (typeof value !== 'string') continue;
    const first = seen.get(value);
    if (first) errors.push({ path: [...entry.path, key], message: message(value, first) });
    else seen.set(value, entry);
  }
  return errors;
}

/** The mappings of a list, with their paths; anything else yields none. */
function entries(list: unknown, path: ConfigPath): Entry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) => (isRecord(value) ? [{ value, path: [...path, index] }] : []));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
