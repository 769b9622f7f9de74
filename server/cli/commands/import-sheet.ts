// `slawatch import sheet FILE --service ID [--dry-run] [--format json] [--write-config]`: the
// claims of a check sheet (TSV, CSV or XLSX, Japanese or English). --dry-run prints them and
// changes nothing; otherwise the sheet and its claims are stored for the service (the export
// writes the answers back into it), and --write-config also writes them into the YAML config.
import { parseArgs } from 'node:util';
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readSheetFile, SheetReadError } from '../../sheets/read-sheet.ts';
import { claimJson, extractSheetClaims, type SheetReading } from '../../sheets/extract-claims.ts';
import { writeSheetClaimsIntoConfig } from '../../sheets/write-config-claims.ts';
import { parseConfigText, formatConfigErrors } from '../../config/load-config.ts';
import { configPath, findService, loadConfigOrFail, openConfiguredStore } from '../context.ts';
import { UsageError, writeLine, type CliIo } from '../io.ts';

export const importSheetUsage =
  'import sheet FILE --service ID [--dry-run] [--format json|text] [--write-config] [--config FILE]';

function unreadableLines(file: string, reading: SheetReading): string[] {
  return reading.unreadable.map(
    (row) => `${file}:${row.line}: row ${row.sheetRow ?? '?'} (${row.item}) not read: ${row.reason}`,
  );
}

function textLines(reading: SheetReading): string[] {
  return reading.claims.map(
    (c) =>
      `row ${c.sheetRow}\t${c.metric}${c.kind ? ` (${c.kind})` : ''}\t${c.bound}\t` +
      c.sourceText.replace(/\s+/g, ' ').slice(0, 80),
  );
}

export async function runImportSheet(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      service: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      'write-config': { type: 'boolean', default: false },
      config: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError(`usage: slawatch ${importSheetUsage}`);
  if (values.format !== 'json' && values.format !== 'text')
    throw new UsageError(`--format ${values.format}: use json or text`);
  const path = configPath(values.config, io);
  const config = await loadConfigOrFail(path, io);
  const service = findService(config, values.service).spec;

  let sheet: Awaited<ReturnType<typeof readSheetFile>>;
  try {
    sheet = await readSheetFile(file);
  } catch (error) {
    if (error instanceof SheetReadError) throw new UsageError(error.message);
    throw error;
  }
  const extraction = extractSheetClaims(sheet);
  if (!extraction.ok) throw new UsageError(`${file}: ${extraction.reason}; nothing was imported`);
  const { reading } = extraction;
  for (const line of unreadableLines(file, reading)) writeLine(io.stderr, line);
  writeLine(
    io.stdout,
    values.format === 'json' ? JSON.stringify(reading.claims.map(claimJson), null, 2) : textLines(reading).join('\n'),
  );
  if (values['dry-run']) return 0;
  if (reading.claims.length === 0) {
    writeLine(io.stderr, `${file}: no claims found; nothing was imported`);
    return 1;
  }

  if (values['write-config']) {
    // Validated as a whole before the store is touched: a bad edit changes nothing.
    const text = await readFile(path, 'utf8');
    const edit = writeSheetClaimsIntoConfig(text, service, reading.claims);
    if ('error' in edit) throw new UsageError(`${path}: cannot write the claims: ${edit.error}; nothing was imported`);
    const checked = parseConfigText(edit.text, io.env, path);
    if (!checked.ok)
      throw new UsageError(
        "the config with the sheet's claims would be invalid; nothing was imported\n" +
          formatConfigErrors(checked.errors, path),
      );
    await writeFile(path, edit.text);
    for (const change of edit.changes) writeLine(io.stderr, `${path}: ${change}`);
    for (const skip of edit.skipped) writeLine(io.stderr, `${path}: not written: ${skip}`);
  }

  const nowMs = (io.nowMs ?? Date.now)();
  const store = await openConfiguredStore(config, io, nowMs);
  try {
    await store.putSheet({
      serviceId: service.id,
      fileName: basename(file),
      format: sheet.format,
      importedAtMs: nowMs,
      sheetJson: JSON.stringify(sheet),
      claimsJson: JSON.stringify(reading.claims),
    });
  } finally {
    await store.close();
  }
  writeLine(io.stderr, `imported ${reading.claims.length} claims from ${file} for ${service.id}`);
  return 0;
}
