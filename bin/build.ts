// `npm run build`: the program for plain node in dist/ — the server compiled by tsc
// (tsconfig.build.json), the migrations copied beside it and web/ bundled for the browser — so the
// installed program needs neither TypeScript, tsx nor esbuild. With `--if-stale` (`npm start`) it
// builds only when something it reads is newer than the last complete build.
//   node --import tsx bin/build.ts [--if-stale]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtBundleFiles, bundleWebSources } from '../server/pages/web-assets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
/** Written last and dated when the build began: a build that failed halfway leaves none. */
const buildStamp = join(dist, '.build-stamp');
/** What the build reads: a change to any of them makes dist/ stale. */
const inputs = [
  'sla',
  'db',
  'pipeline',
  'jobs',
  'server',
  'web',
  'bin/build.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

/** The latest modification below path; a folder's own time counts too, so a deleted file does. */
function newestMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMs(join(path, name))));
}

function isStale(): boolean {
  if (!existsSync(buildStamp)) return true;
  const builtMs = statSync(buildStamp).mtimeMs;
  return inputs.some((input) => newestMs(join(root, input)) > builtMs);
}

async function build(): Promise<void> {
  const started = new Date();
  rmSync(dist, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error(`tsc exited with ${compiled.status ?? compiled.signal}`);
  cpSync(join(root, 'db/migrations'), join(dist, 'db/migrations'), { recursive: true });
  const bundle = await bundleWebSources();
  mkdirSync(join(dist, 'web'), { recursive: true });
  writeFileSync(join(dist, 'web', builtBundleFiles.script), bundle.script);
  writeFileSync(join(dist, 'web', builtBundleFiles.style), bundle.style);
  writeFileSync(buildStamp, `${started.toISOString()}\n`);
  // Dated at the start, so a source saved while tsc was reading still counts as newer.
  utimesSync(buildStamp, started, started);
  process.stdout.write(`built dist/ in ${((Date.now() - started.getTime()) / 1000).toFixed(1)} s\n`);
}

if (!process.argv.includes('--if-stale') || isStale()) await build();
