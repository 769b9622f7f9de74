// Config errors name the place in the file the way a user would look for it
// (`services[0].monitors[1].interval`) and print one line each, compiler style.

import type { ConfigError } from './types.ts';

export type ConfigPath = readonly (string | number)[];

/** An error while its path is still a list of keys and indices (formatted once, at the end). */
export interface PathError {
  path: ConfigPath;
  message: string;
}

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `['services', 0, 'monitors', 1, 'interval']` → `services[0].monitors[1].interval`. */
export function formatPath(path: ConfigPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (plainKey.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text;
}

export function toConfigError(error: PathError): ConfigError {
  return { path: formatPath(error.path), message: error.message };
}

/** Whether `path` is `ancestor` or lies inside it. */
export function isPathWithin(path: ConfigPath, ancestor: ConfigPath): boolean {
  return ancestor.length <= path.length && ancestor.every((part, i) => path[i] === part);
}

/**
 * One line per error: `FILE: services[0].monitors[1].interval: invalid duration "3x" (…)`,
 * `FILE:3:5: message` for a YAML syntax error, `FILE: message` for the file as a whole.
 */
export function formatConfigErrors(errors: readonly ConfigError[], sourceName: string): string {
  return errors.map((error) => formatConfigError(error, sourceName)).join('\n');
}

function formatConfigError(error: ConfigError, sourceName: string): string {
  const where = error.line === undefined ? sourceName : `${sourceName}:${error.line}:${error.column ?? 1}`;
  return error.path === '' ? `${where}: ${error.message}` : `${where}: ${error.path}: ${error.message}`;
}
