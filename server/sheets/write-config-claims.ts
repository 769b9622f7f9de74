// `import sheet --write-config`: the sheet's claims written into the YAML config, keeping the
// file's comments and layout (yaml's Document API). A claim of the same metric and kind is
// updated in place; others are appended; service hours become the service's `calendar`. The
// result is validated as a whole before anything is written, like every config change.
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import type { ServiceSpec } from '../../sla/model.ts';
import { metricTraits } from '../../sla/metric-traits.ts';
import { isClaimMetric } from '../../sla/sheet-claims.ts';
import type { SheetClaim } from './extract-claims.ts';
import { yamlBound, yamlClaim } from './claims-as-yaml.ts';

export interface ConfigEdit {
  text: string;
  /** What changed, one line each, for the user. */
  changes: string[];
  /** Claims that could not be written, with why. */
  skipped: string[];
}

export function writeSheetClaimsIntoConfig(
  text: string,
  service: ServiceSpec,
  claims: readonly SheetClaim[],
): ConfigEdit | { error: string } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { error: doc.errors[0]!.message };
  const services = doc.get('services');
  if (!isSeq(services)) return { error: 'the config has no services list' };
  const node = services.items.find((item) => isMap(item) && item.get('id') === service.id) as YAMLMap | undefined;
  if (!node) return { error: `service "${service.id}" is not in the config` };
  const changes: string[] = [];
  const skipped: string[] = [];
  let list = node.get('claims');
  if (!isSeq(list)) {
    node.set('claims', doc.createNode([]));
    list = node.get('claims');
  }
  if (!isSeq(list)) return { error: 'claims is not a list' };
  for (const claim of claims) {
    if (!isClaimMetric(claim)) {
      node.set('calendar', doc.createNode(claim.calendar === '24x7' ? '24x7' : claim.calendar));
      changes.push(`row ${claim.sheetRow}: calendar set from the service hours`);
      continue;
    }
    const entry = yamlClaim(claim, service);
    if (claim.metric === 'backup_freshness' && entry.monitor === undefined) {
      const pushMonitors = service.monitors.filter((m) => m.type === 'push').length;
      skipped.push(
        `row ${claim.sheetRow}: backup_freshness needs a push monitor to measure it ` +
          `(the service has ${pushMonitors}); add one and a claim with monitor:`,
      );
      continue;
    }
    const existing = list.items.find(
      (item) => isMap(item) && item.get('metric') === claim.metric && (item.get('kind') ?? undefined) === claim.kind,
    ) as YAMLMap | undefined;
    const direction = metricTraits[claim.metric].direction;
    if (existing) {
      existing.set(direction, yamlBound(claim));
      existing.set('sheet_row', claim.sheetRow);
      changes.push(`row ${claim.sheetRow}: claim ${String(existing.get('id'))} now ${direction} ${yamlBound(claim)}`);
    } else {
      const created = doc.createNode(entry) as YAMLMap;
      created.flow = true;
      list.items.push(created);
      changes.push(`row ${claim.sheetRow}: claim ${String(entry.id)} added (${direction} ${yamlBound(claim)})`);
    }
  }
  const out = doc.toString({ lineWidth: 0 });
  return { text: out.endsWith('\n') ? out : `${out}\n`, changes, skipped };
}
