// The browser code of web/ (chart modules, live updates, styles), bundled by esbuild. The built
// program reads the bundle `npm run build` wrote into dist/web/, so it needs no esbuild; run from
// the TypeScript sources (tests, `npm run dev`) it bundles web/ in memory at start, so the bundle
// always matches the sources. Names carry a content hash, so browsers may cache forever.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

export interface WebAsset {
  body: string;
  contentType: string;
}

export interface WebAssets {
  /** URL of the script bundle (an ES module). */
  scriptUrl: string;
  /** URL of the style sheet. */
  styleUrl: string;
  /** Served files by name under /assets/. */
  files: ReadonlyMap<string, WebAsset>;
}

/** The minified script (an ES module) and style sheet made from web/. */
export interface WebBundle {
  script: string;
  style: string;
}

export const assetsPathPrefix = '/assets';

/** web/ beside server/: the sources in a checkout, the built bundle in dist/. */
const webDir = new URL('../../web/', import.meta.url);
/** The bundle's file names in dist/web/, written at build time. */
export const builtBundleFiles = { script: 'bundle.js', style: 'bundle.css' } as const;
/** True when this module runs from its TypeScript source rather than from dist/. */
const fromSources = import.meta.url.endsWith('.ts');

async function bundle(entry: string, loader: 'ts' | 'css'): Promise<string> {
  // Loaded here, not at the top: esbuild is a build-time tool the installed program does not have.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, webDir))],
    bundle: true,
    write: false,
    minify: true,
    format: loader === 'ts' ? 'esm' : undefined,
    target: loader === 'ts' ? ['es2022'] : undefined,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** Bundles the sources of web/ (at build time, or at start when run from the sources). */
export async function bundleWebSources(): Promise<WebBundle> {
  const [script, style] = await Promise.all([bundle('main.ts', 'ts'), bundle('styles.css', 'css')]);
  return { script, style };
}

async function readBuiltBundle(): Promise<WebBundle> {
  const read = (name: string) => readFile(new URL(name, webDir), 'utf8');
  const [script, style] = await Promise.all([read(builtBundleFiles.script), read(builtBundleFiles.style)]);
  return { script, style };
}

function named(base: string, ext: string, body: string): string {
  return `${base}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;
}

export async function buildWebAssets(): Promise<WebAssets> {
  const { script, style } = await (fromSources ? bundleWebSources() : readBuiltBundle());
  const scriptName = named('app', 'js', script);
  const styleName = named('app', 'css', style);
  return {
    scriptUrl: `${assetsPathPrefix}/${scriptName}`,
    styleUrl: `${assetsPathPrefix}/${styleName}`,
    files: new Map([
      [scriptName, { body: script, contentType: 'text/javascript; charset=utf-8' }],
      [styleName, { body: style, contentType: 'text/css; charset=utf-8' }],
    ]),
  };
}

let shared: Promise<WebAssets> | null = null;

/** One bundle per process (tests build many apps). */
export function loadWebAssets(): Promise<WebAssets> {
  shared ??= buildWebAssets().catch((error: unknown) => {
    shared = null;
    throw error;
  });
  return shared;
}
