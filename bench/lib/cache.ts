// bench/.cache/: generated inputs (the year's database, import CSVs) kept between runs, keyed by
// the version of the generator that made them. A file appears under its final name only once it
// is complete, so an interrupted build is never mistaken for a cached one.
import { existsSync, mkdirSync, renameSync, rmSync, copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = dirname(dirname(fileURLToPath(import.meta.url)));
export const repoDir = dirname(benchDir);
export const cacheDir = join(benchDir, '.cache');

export function cachePath(name: string): string {
  mkdirSync(cacheDir, { recursive: true });
  return join(cacheDir, name);
}

/** Moves a finished file into the cache (copying when it sits on another file system). */
export function publish(tempPath: string, finalPath: string): void {
  mkdirSync(dirname(finalPath), { recursive: true });
  try {
    renameSync(tempPath, finalPath);
  } catch {
    copyFileSync(tempPath, `${finalPath}.partial`);
    renameSync(`${finalPath}.partial`, finalPath);
    rmSync(tempPath, { force: true });
  }
}

export function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : null;
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
