// Pages are pure views of data their route read (STYLE habit 6): every .tsx under server/pages is
// a view, and a view awaits nothing and imports neither the request (hono's Context), the store,
// the responder, nor the layers that act on a store. The route files (.ts) read and answer.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Modules that hand a view a way to read or to answer, by their path from the repository root.
 * `types`: a type-only import is allowed (the shape of data the layers above the store hand over).
 */
const impureModules: { test: (target: string) => boolean; why: string; types?: boolean }[] = [
  { test: (t) => t === 'hono', why: 'imports the request (hono)' },
  { test: (t) => t === 'server/pages/page-deps.ts', why: 'imports the page deps (the store)' },
  { test: (t) => t === 'server/pages/render-page.ts', why: 'imports the responder' },
  { test: (t) => t === 'db/store.ts', why: 'imports the store' },
  { test: (t) => /^(jobs|pipeline)\//.test(t), why: 'imports a layer that acts on the store', types: true },
];

/** Why a view is not pure, one reason per offending line. */
function impurities(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const at = (node: ts.Node, why: string) =>
    found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${why}`);
  const visit = (node: ts.Node): void => {
    if (ts.isAwaitExpression(node)) at(node, 'awaits');
    if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword))
      at(node, 'is async');
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      const target = specifier.startsWith('.') ? relative(root, resolve(root, dirname(file), specifier)) : specifier;
      const typeOnly = node.importClause?.isTypeOnly === true;
      for (const { test, why, types } of impureModules) if (test(target) && !(types && typeOnly)) at(node, why);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function views(): string[] {
  return readdirSync(join(root, 'server/pages'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

describe('page views', () => {
  it('are pure: no view awaits or imports a way to read or answer', () => {
    const found = views().flatMap((file) => impurities(file, readFileSync(join(root, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it.each([
    ['awaiting a read', 'const rows = await load();', 'awaits'],
    ['an async component', 'export async function Rows() { return null; }', 'is async'],
    ['the request', "import type { Context } from 'hono';", 'imports the request (hono)'],
    ['the page deps', "import type { PageDeps } from '../page-deps.ts';", 'imports the page deps (the store)'],
    ['the responder', "import { renderPage } from '../render-page.ts';", 'imports the responder'],
    ['the store', "import type { Store } from '../../../db/store.ts';", 'imports the store'],
    [
      'an action',
      "import { ackAlert } from '../../../jobs/alert-actions.ts';",
      'imports a layer that acts on the store',
    ],
  ])('%s is refused', (_name, line, why) => {
    expect(impurities('server/pages/x/x-page.tsx', line)).toEqual([`server/pages/x/x-page.tsx:1: ${why}`]);
  });

  it.each([
    ['JSX helpers', "import { raw } from 'hono/html';"],
    ['the shape of pipeline data', "import type { MonthSource } from '../../../pipeline/frozen-months.ts';"],
    ['the shape of a page', "import type { PageBody } from '../page-body.ts';"],
  ])('%s are allowed', (_name, line) => {
    expect(impurities('server/pages/x/x-page.tsx', line)).toEqual([]);
  });
});
