// The layers depend one way: sla (rules) ← db (storage) ← pipeline (rules over a store) ← jobs ←
// server. A module may import its own layer and those below it, never one above; web/ is browser
// code and imports nothing outside itself but packages; server/, which serves it, may read its
// contracts (the chart spec it embeds in pages). sla/ stays pure: no node: modules.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const layers = ['sla', 'db', 'pipeline', 'jobs', 'server'] as const;
const sourceDirs = [...layers, 'web'] as const;
type SourceDir = (typeof sourceDirs)[number];

interface ImportEdge {
  from: string;
  specifier: string;
}

/** Every source file below dir, as paths relative to the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** The imports and re-exports of one file (type-only ones too: they are dependencies as well). */
function importsOf(file: string, text: string): ImportEdge[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => ({ from: file, specifier: f.fileName }));
}

/** Why an import breaks the layering, or null when it is allowed. */
function layerViolation(edge: ImportEdge): string | null {
  const fromDir = edge.from.split('/')[0] as SourceDir;
  if (!edge.specifier.startsWith('.')) {
    if (fromDir === 'sla' && edge.specifier.startsWith('node:')) return 'sla/ is pure and uses no node: module';
    return null;
  }
  const target = relative(root, resolve(root, dirname(edge.from), edge.specifier));
  const toDir = target.split('/')[0] ?? '';
  if (fromDir === 'web') return toDir === 'web' ? null : 'web/ imports nothing outside itself';
  if (toDir === 'web') return fromDir === 'server' ? null : `${fromDir}/ may not import browser code`;
  const fromRank = layers.indexOf(fromDir as (typeof layers)[number]);
  const toRank = layers.indexOf(toDir as (typeof layers)[number]);
  if (toRank < 0) return `${toDir}/ is not a layer the source may import`;
  return toRank <= fromRank ? null : `${fromDir}/ sits below ${toDir}/ and may not import it`;
}

describe('dependency direction', () => {
  it('no source file imports a layer above its own', () => {
    const violations = sourceDirs
      .flatMap((dir) => sourceFiles(dir))
      .flatMap((file) => importsOf(file, readFileSync(join(root, file), 'utf8')))
      .flatMap((edge) => {
        const why = layerViolation(edge);
        return why ? [`${edge.from} → ${edge.specifier}: ${why}`] : [];
      });
    expect(violations).toEqual([]);
  });

  it.each([
    ['db/store.ts', '../pipeline/ingest-checks.ts', 'db/ sits below pipeline/ and may not import it'],
    ['pipeline/x.ts', '../jobs/runtime.ts', 'pipeline/ sits below jobs/ and may not import it'],
    ['sla/x.ts', '../db/store.ts', 'sla/ sits below db/ and may not import it'],
    ['jobs/x.ts', '../server/config/index.ts', 'jobs/ sits below server/ and may not import it'],
    ['web/main.ts', '../sla/model.ts', 'web/ imports nothing outside itself'],
    ['sla/x.ts', 'node:fs', 'sla/ is pure and uses no node: module'],
    ['server/x.ts', '../test/helpers.ts', 'test/ is not a layer the source may import'],
    ['jobs/x.ts', '../web/chart-spec.ts', 'jobs/ may not import browser code'],
  ])('%s importing %s is refused', (from, specifier, why) => {
    expect(layerViolation({ from, specifier })).toBe(why);
  });

  it.each([
    ['server/cli/main.ts', '../../sla/model.ts'],
    ['jobs/runtime.ts', '../pipeline/ingest-checks.ts'],
    ['pipeline/x.ts', '../db/store.ts'],
    ['db/sqlite/open-sqlite.ts', '../store.ts'],
    ['web/main.ts', './charts.ts'],
    ['server/pages/charts/chart-figure.tsx', '../../../web/chart-spec.ts'],
    ['sla/figures.ts', 'luxon'],
  ])('%s importing %s is allowed', (from, specifier) => {
    expect(layerViolation({ from, specifier })).toBeNull();
  });

  it('reads type-only imports and re-exports too', () => {
    const text = "import type { A } from './a.ts';\nexport { b } from '../b.ts';\nconst c = await import('./c.ts');";
    expect(importsOf('sla/x.ts', text).map((e) => e.specifier)).toEqual(['./a.ts', '../b.ts', './c.ts']);
  });
});
