// `slawatch check`: validates the config and says, per claim, whether it can be verified at the
// configured probe intervals (SPEC §2.9), and which claims contradict each other (SPEC §3).
import { parseArgs } from 'node:util';
import { claimResolution } from '../../../sla/resolution.ts';
import { findContradictions } from '../../../sla/consistency.ts';
import { configPath, loadConfigOrFail } from '../context.ts';
import { writeLine, type CliIo } from '../io.ts';

export const checkUsage = 'check [--config FILE] [--lang en|ja]';

export async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { config: { type: 'string' }, lang: { type: 'string', default: 'en' } },
  });
  const lang = values.lang === 'ja' ? 'ja' : 'en';
  const path = configPath(values.config, io);
  const config = await loadConfigOrFail(path, io);
  const out = (line: string) => writeLine(io.stdout, line);
  out(`${path}: valid (${config.services.length} ${config.services.length === 1 ? 'service' : 'services'})`);
  for (const { spec } of config.services) {
    out('');
    out(`${spec.id} — ${spec.name}`);
    for (const claim of spec.claims) {
      const r = claimResolution(claim, spec);
      const row = claim.sheetRow === null ? '' : ` (row ${claim.sheetRow})`;
      out(`  ${r.verifiable ? 'ok  ' : 'WARN'} ${claim.id}${row}: ${lang === 'ja' ? r.ja : r.en}`);
    }
    const contradictions = findContradictions(spec);
    for (const c of contradictions) out(`  CONTRADICTION [${c.claimIds.join(', ')}]: ${lang === 'ja' ? c.ja : c.en}`);
    if (contradictions.length === 0) out('  no contradictions between claims');
  }
  return 0;
}
