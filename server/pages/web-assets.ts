// The browser code of web/ (chart modules, live updates, styles), bundled by esbuild in memory when
// the server starts: `npm start`, `npm test` and `slawatch serve` need no build step, and the
// bundle always matches the sources. Names carry a content hash, so browsers may cache forever.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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

export const assetsPathPrefix = '/assets';

const webDir = fileURLToPath(new URL('../../web/', import.meta.url));

async function bundle(entry: string, loader: 'ts' | 'css'): Promise<string> {
  const result = await build({
    entryPoints: [webDir + entry],
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

function named(base: string, ext: string, body: string): string {
  return `${base}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;
}

export async function buildWebAssets(): Promise<WebAssets> {
  const [script, style] = await Promise.all([bundle('main.ts', 'ts'), bundle('styles.css', 'css')]);
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
